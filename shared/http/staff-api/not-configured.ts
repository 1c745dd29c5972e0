import { NotFoundError, WorkflowNotWaitingError } from '#domain/errors.ts';

/**
 * A feature this deployment does not wire (a composition root without the paper channel, the
 * accountability stores, …): the route is not served here, so `404` problem+json, never a 500.
 * Example: `if (!deps.printQueue) throw notConfigured('The print queue')`.
 */
export const notConfigured = (what: string) => new NotFoundError(`${what} is not available in this deployment.`);

/** No workflows run here, so no case can be waiting for a decision or an answer: `409`, as the partner reply route. */
export const noWorkflows = () => new WorkflowNotWaitingError('The case is not waiting for this (no workflows run here).');
