import type { SFNClient } from '@aws-sdk/client-sfn';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { Case } from '#domain/case.ts';
import { WorkflowNotWaitingError } from '#domain/errors.ts';
import type { WorkflowEngine } from '#ports/cases.ts';

export interface WorkflowArns {
  readonly caseWorkflow: string;
  readonly deadlineTimer: string;
}

type CaseRef = Pick<Case, 'id' | 'tenantId'>;

/**
 * Execution names are derived from the case, so starting a case twice is harmless (Step
 * Functions answers the same name and input with the running execution) and the timer can be
 * stopped by name without storing its ARN.
 */
export function executionName(kind: 'case' | 'timer', c: CaseRef): string {
  return `${kind}-${c.tenantId}-${c.id}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

export function executionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}


const named = (error: unknown, ...names: string[]) => error instanceof Error && names.includes(error.name);

/**
 * The WorkflowEngine on Step Functions, through @aws-sdk/client-sfn (AWS, or the local service
 * when the client's endpoint points at it).
 */
export class SfnWorkflowEngine implements WorkflowEngine {
  /** The client may be given as its maker: HTTP functions load the SDK package on first use (client-source.ts). */
  constructor(private readonly client: ClientSource<SFNClient>, private readonly arns: WorkflowArns) {}

  async startCase(c: CaseRef): Promise<void> {
    const { StartExecutionCommand } = await import('@aws-sdk/client-sfn');
    const client = await resolveClient(this.client);
    const input = JSON.stringify({ tenantId: c.tenantId, caseId: c.id });
    // Both at once: neither execution depends on the other having started, each start is
    // idempotent by name, and intake waits for one round trip instead of two (issue 15).
    const starts = (['case', 'timer'] as const).map(async (kind) => {
      try {
        await client.send(new StartExecutionCommand({ stateMachineArn: kind === 'case' ? this.arns.caseWorkflow : this.arns.deadlineTimer, name: executionName(kind, c), input }));
      } catch (error) {
        // A finished execution with this name: the case already went through it.
        if (!named(error, 'ExecutionAlreadyExists')) throw error;
      }
    });
    const failed = (await Promise.allSettled(starts)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async stopTimer(c: CaseRef): Promise<void> {
    const { StopExecutionCommand } = await import('@aws-sdk/client-sfn');
    const client = await resolveClient(this.client);
    try {
      await client.send(new StopExecutionCommand({ executionArn: executionArn(this.arns.deadlineTimer, executionName('timer', c)), cause: 'The case is closed.' }));
    } catch (error) {
      if (!named(error, 'ExecutionDoesNotExist')) throw error;
    }
  }

  async sendDecision(taskToken: string, output: Readonly<Record<string, unknown>>): Promise<void> {
    const { SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
    const client = await resolveClient(this.client);
    try {
      await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      if (named(error, 'TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken')) {
        throw new WorkflowNotWaitingError('The workflow is no longer waiting for this decision (it moved on or timed out).', { cause: error });
      }
      throw error;
    }
  }
}
