import * as z from 'zod/mini';

const instantOrDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/));

/**
 * `POST /console/api/cases/{id}/replies`: the subject's answer to a request for details that came
 * on paper, in person or by phone (an e-mail reply in the thread and a partner's update resume
 * the case by themselves).
 */
export const StaffReplySchema = z.lazy(() => z.strictObject({
  /** What the answer says, in a line or two. */
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  /** `YYYY-MM-DD` (start of that day in the controller's zone) or an ISO 8601 instant; default now. */
  receivedAt: z.optional(instantOrDate),
  via: z.optional(z.enum(['post', 'in_person', 'phone', 'email'])),
}));
