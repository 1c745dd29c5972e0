import { describe, expect, it } from 'vitest';
import { LocalStepFunctions, SfnServiceError } from '../../local/sfn/engine.ts';
import { createInvoke, type LocalFunction } from '../../local/sfn/integrations.ts';
import { VirtualClock } from '../../local/sfn/virtual-clock.ts';

const DAY = 86_400_000;

function engineWith(functions: Record<string, LocalFunction>, start = '2027-01-01T00:00:00Z') {
  const clock = new VirtualClock({ start: new Date(start) });
  const engine = new LocalStepFunctions({ clock, invoke: createInvoke({ functions: new Map(Object.entries(functions)) }) });
  return { clock, engine };
}

const lambda = (name: string) => `arn:aws:lambda:eu-central-1:000000000000:function:${name}`;

describe('LocalStepFunctions (in-process, virtual clock)', () => {
  it('waits 40 days on the virtual clock, not setTimeout (which would fire at once past ~24.8 days)', async () => {
    const { engine } = engineWith({ done: async (e) => e });
    const arn = engine.registerStateMachine('long-wait', JSON.stringify({
      StartAt: 'Sleep',
      States: { Sleep: { Type: 'Wait', Seconds: 40 * 86_400, Next: 'Done' }, Done: { Type: 'Task', Resource: lambda('done'), End: true } },
    }));
    const { executionArn } = engine.startExecution({ stateMachineArn: arn, name: 'x', input: '{"a":1}' });
    await engine.settle();
    expect(engine.describeExecution(executionArn).status).toBe('RUNNING');
    await engine.advanceTo(new Date(Date.parse('2027-01-01T00:00:00Z') + 40 * DAY - 1));
    expect(engine.describeExecution(executionArn).status).toBe('RUNNING');
    await engine.advanceTo(new Date(Date.parse('2027-01-01T00:00:00Z') + 40 * DAY));
    expect(engine.describeExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"a":1}' });
    const types = engine.getExecutionHistory(executionArn).events.map((e) => e.type);
    expect(types).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'TaskStateEntered', 'TaskStateExited', 'ExecutionSucceeded']);
  });

  it('issues a real task token that SendTaskSuccess resumes, and times a token task out on the clock', async () => {
    const tokens: string[] = [];
    const { engine } = engineWith({ park: async (e) => void tokens.push((e as { token: string }).token) });
    const arn = engine.registerStateMachine('token', JSON.stringify({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: '${Park}', Payload: { 'token.$': '$$.Task.Token' } },
          TimeoutSeconds: 3600,
          ResultPath: '$.answer',
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'TimedOut' }],
          End: true,
        },
        TimedOut: { Type: 'Pass', Result: 'late', ResultPath: '$.answer', End: true },
      },
    }), { Park: lambda('park') });

    const first = engine.startExecution({ stateMachineArn: arn, name: 'answered' });
    await engine.settle();
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    engine.sendTaskSuccess(tokens[0]!, '{"ok":true}');
    await engine.settle();
    expect(engine.describeExecution(first.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"answer":{"ok":true}}' });
    expect(() => engine.sendTaskSuccess(tokens[0]!, '{}')).toThrow(SfnServiceError);

    const second = engine.startExecution({ stateMachineArn: arn, name: 'late' });
    await engine.advanceTo(new Date('2027-01-01T01:00:00Z'));
    expect(engine.describeExecution(second.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: expect.stringContaining('"answer":"late"') });
  });

  it('stops an execution, refuses its token, and is idempotent for the same name and input', async () => {
    const tokens: string[] = [];
    const { engine } = engineWith({ park: async (e) => void tokens.push((e as { token: string }).token) });
    const arn = engine.registerStateMachine('stop', JSON.stringify({
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'park', Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
    }));
    const a = engine.startExecution({ stateMachineArn: arn, name: 'same', input: '{}' });
    expect(engine.startExecution({ stateMachineArn: arn, name: 'same', input: '{}' }).executionArn).toBe(a.executionArn);
    expect(() => engine.startExecution({ stateMachineArn: arn, name: 'same', input: '{"other":1}' })).toThrow(/Already Exists/);
    await engine.settle();
    engine.stopExecution({ executionArn: a.executionArn });
    expect(engine.describeExecution(a.executionArn).status).toBe('ABORTED');
    expect(() => engine.sendTaskSuccess(tokens[0]!, '{}')).toThrow(/does not exist/);
    await engine.settle();
    expect(engine.busyExecutions()).toEqual([]);
  });

  it('matches Catch on the error name a Lambda throws, after its retries', async () => {
    let calls = 0;
    const { engine } = engineWith({
      flaky: async () => {
        calls += 1;
        throw Object.assign(new Error('nope'), { name: 'ConcurrentUpdateError' });
      },
    });
    const arn = engine.registerStateMachine('retry', JSON.stringify({
      StartAt: 'Try',
      States: {
        Try: { Type: 'Task', Resource: lambda('flaky'), Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, IntervalSeconds: 30 }], Catch: [{ ErrorEquals: ['ConcurrentUpdateError'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Succeed' },
      },
    }));
    const { executionArn } = engine.startExecution({ stateMachineArn: arn });
    await engine.settle();
    expect(calls).toBe(3);
    expect(engine.describeExecution(executionArn).status).toBe('SUCCEEDED');
  });
});
