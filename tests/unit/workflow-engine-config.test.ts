import { describe, expect, it } from 'vitest';
import { buildWorkflowEngine } from '#wiring/workflow-engine.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';

const arns = {
  CASE_WORKFLOW_ARN: 'arn:aws:states:eu-central-1:123456789012:stateMachine:rightsdesk-case-workflow',
  DEADLINE_TIMER_ARN: 'arn:aws:states:eu-central-1:123456789012:stateMachine:rightsdesk-deadline-timer',
};

describe('loadWorkflowEngineConfig', () => {
  it('returns no engine when no state machine is configured, so the deployable runs without workflows', () => {
    expect(loadWorkflowEngineConfig({})).toBeNull();
    expect(buildWorkflowEngine(null)).toEqual({});
  });

  it('builds a Step Functions engine when both state machines are configured', () => {
    const config = loadWorkflowEngineConfig(arns);
    expect(config?.arns).toEqual({ caseWorkflow: arns.CASE_WORKFLOW_ARN, deadlineTimer: arns.DEADLINE_TIMER_ARN });
    expect(buildWorkflowEngine(config).workflows).toBeDefined();
  });

  it('fails fast on half a configuration or a malformed ARN', () => {
    expect(() => loadWorkflowEngineConfig({ CASE_WORKFLOW_ARN: arns.CASE_WORKFLOW_ARN })).toThrow(/both/);
    expect(() => loadWorkflowEngineConfig({ ...arns, DEADLINE_TIMER_ARN: 'timer' })).toThrow(/DEADLINE_TIMER_ARN/);
  });
});
