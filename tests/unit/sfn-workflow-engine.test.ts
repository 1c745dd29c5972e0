import { SendTaskSuccessCommand, SFNClient, SFNServiceException, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SfnWorkflowEngine } from '#adapters/sfn/workflow-engine.ts';
import { WorkflowNotWaitingError } from '#domain/errors.ts';

const arns = {
  caseWorkflow: 'arn:aws:states:eu-central-1:123456789012:stateMachine:rightsdesk-case-workflow',
  deadlineTimer: 'arn:aws:states:eu-central-1:123456789012:stateMachine:rightsdesk-deadline-timer',
};
const sfnError = (name: string) => new SFNServiceException({ name, $fault: 'client', $metadata: {}, message: name });

describe('SfnWorkflowEngine', () => {
  const sfn = mockClient(SFNClient);
  beforeEach(() => sfn.reset());
  const engine = () => new SfnWorkflowEngine(new SFNClient({ region: 'eu-central-1' }), arns);

  it('starts the case workflow and its timer under names derived from the case', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'x', startDate: new Date() });
    await engine().startCase({ tenantId: 'gautora', id: 'abc' });
    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input)).toEqual([
      { stateMachineArn: arns.caseWorkflow, name: 'case-gautora-abc', input: '{"tenantId":"gautora","caseId":"abc"}' },
      { stateMachineArn: arns.deadlineTimer, name: 'timer-gautora-abc', input: '{"tenantId":"gautora","caseId":"abc"}' },
    ]);
  });

  it('treats an execution that already ran under that name as started', async () => {
    sfn.on(StartExecutionCommand).rejects(sfnError('ExecutionAlreadyExists'));
    await expect(engine().startCase({ tenantId: 'gautora', id: 'abc' })).resolves.toBeUndefined();
  });

  it('stops the timer by its execution ARN and ignores one that is gone', async () => {
    sfn.on(StopExecutionCommand).rejects(sfnError('ExecutionDoesNotExist'));
    await engine().stopTimer({ tenantId: 'gautora', id: 'abc' });
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input.executionArn).toBe('arn:aws:states:eu-central-1:123456789012:execution:rightsdesk-deadline-timer:timer-gautora-abc');
  });

  it('turns a dead task token into WorkflowNotWaitingError (HTTP 409)', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(sfnError('TaskDoesNotExist'));
    await expect(engine().sendDecision('t'.repeat(40), { decision: 'approved' })).rejects.toBeInstanceOf(WorkflowNotWaitingError);
  });
});
