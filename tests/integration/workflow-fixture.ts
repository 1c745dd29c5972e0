import { SFNClient, GetExecutionHistoryCommand, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { inject } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';
import { executionArn, executionName, SfnWorkflowEngine, type WorkflowArns } from '#adapters/sfn/workflow-engine.ts';
import type { Case } from '#domain/case.ts';
import { randomIds } from '#adapters/system.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { createApp } from '#http/app.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { submitRequest, type SubmitRequestInput } from '#usecases/submit-request.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { isTaskOpen } from '#domain/fulfilment/tasks.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { skipTask } from '#usecases/fulfilment/tasks.ts';
import { resumeOpenCases } from '#usecases/workflow/resume-open-cases.ts';
import { createWorkflowHandlers } from '../../functions/workflow/handlers.ts';
import { registerRightsdeskWorkflows, startLocalSfn, type LocalSfn } from '../../local/sfn/service.ts';
import { VirtualClock } from '../../local/sfn/virtual-clock.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../../local/tokens.ts';
import { RecordingMailer } from '../support/harness.ts';
import { FakeQesVerifier, RecordingAlerts, RecordingNotifier } from '../support/workflow-fakes.ts';
import { dynamoClientFor, LOCAL_CREDENTIALS, LOCAL_REGION } from './helpers.ts';

/**
 * The workflows end to end on the local stand-ins: the real ASL files executed by the local
 * Step Functions service (over HTTP, through @aws-sdk/client-sfn), the real handlers and use
 * cases on DynamoDB Local, the staff API in-process, and simulated time.
 */
export interface WorkflowWorld {
  clock: VirtualClock;
  sfn: LocalSfn;
  deps: WorkflowDeps;
  notifier: RecordingNotifier;
  alerts: RecordingAlerts;
  qes: FakeQesVerifier;
  issuer: LocalIssuer;
  arns: WorkflowArns;
  submit(tenantId: string, request: Omit<SubmitRequestInput, 'tenantId' | 'actor'> & { actor?: SubmitRequestInput['actor'] }): Promise<Case>;
  decide(c: Pick<Case, 'id' | 'tenantId'>, body: Record<string, unknown>, who?: { role?: 'agent' | 'approver' | 'admin'; user?: string }): Promise<{ status: number; json: Record<string, unknown> }>;
  get(c: Pick<Case, 'id' | 'tenantId'>): Promise<Case>;
  /**
   * Skips, with a reason, every fulfilment task still open on the case (issue 19: the answer cannot
   * be approved while one is open). For tests about the workflow, not about fulfilment.
   */
  settleTasks(c: Pick<Case, 'id' | 'tenantId'>): Promise<number>;
  /** Any staff API call (`/console/api/…`) as an agent of the tenant, then lets the workflows settle. */
  staff(tenantId: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  advanceTo(iso: string): Promise<void>;
  settle(): Promise<void>;
  /** State transitions (states entered) of the case's executions. */
  transitions(c: Pick<Case, 'id' | 'tenantId'>): Promise<{ case: number; timer: number }>;
  status(kind: 'case' | 'timer', c: Pick<Case, 'id' | 'tenantId'>): Promise<string | undefined>;
  /** Stops the local Step Functions service (every execution dies) and starts a new one. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function workflowWorld(start: string): Promise<WorkflowWorld> {
  const clock = new VirtualClock({ start: new Date(start) });
  const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
  const tableName = inject('tableName');
  const repo = new DynamoCaseRepository(dynamo, tableName);
  const notifier = new RecordingNotifier(clock);
  const alerts = new RecordingAlerts(clock);
  const qes = new FakeQesVerifier();
  const issuer = await ephemeralIssuer();
  const mailer = new RecordingMailer();

  const boot = async () => {
    const sfn = await startLocalSfn({ clock, dynamodb: dynamo });
    const client = new SFNClient({ endpoint: sfn.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const arns: WorkflowArns = {
      caseWorkflow: sfn.engine.stateMachineArn(STATE_MACHINES.caseWorkflow.name),
      deadlineTimer: sfn.engine.stateMachineArn(STATE_MACHINES.deadlineTimer.name),
    };
    const deps: WorkflowDeps = {
      tenants: tenantRegistry,
      repo,
      notifier,
      alerts,
      workflows: new SfnWorkflowEngine(client, arns),
      clock,
      settings: DEFAULT_WORKFLOW_SETTINGS,
      identity: qes,
    };
    await registerRightsdeskWorkflows(sfn, { tableName, handlers: createWorkflowHandlers(deps) });
    const app = createApp({
      tenants: tenantRegistry,
      repo,
      mailer,
      clock,
      ids: randomIds,
      verifyPartnerToken: partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
      verifyStaffToken: staffTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
      limits: { maxBodyBytes: 256 * 1024 },
      workflows: deps.workflows,
    });
    return { sfn, client, arns, deps, app };
  };
  let current = await boot();

  const world: WorkflowWorld = {
    clock,
    get sfn() {
      return current.sfn;
    },
    get deps() {
      return current.deps;
    },
    get arns() {
      return current.arns;
    },
    notifier,
    alerts,
    qes,
    issuer,
    async submit(tenantId, request) {
      const result = await submitRequest(
        { tenants: tenantRegistry, repo, mailer, clock, ids: randomIds, workflows: current.deps.workflows },
        { actor: { kind: 'subject', id: 'test' }, ...request, tenantId },
      );
      await current.sfn.engine.settle();
      return result.case;
    },
    async decide(c, body, who = {}) {
      const role = who.role ?? 'agent';
      const token = await issuer.mintStaffToken({ tenant: c.tenantId, role, user: who.user ?? `${role}@${c.tenantId}.local` });
      const response = await current.app.request(`/console/api/cases/${c.id}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      await current.sfn.engine.settle();
      return { status: response.status, json };
    },
    async staff(tenantId, method, path, body) {
      const token = await issuer.mintStaffToken({ tenant: tenantId, role: 'agent', user: `agent@${tenantId}.local` });
      const response = await current.app.request(`/console/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as Record<string, unknown>;
      await current.sfn.engine.settle();
      return { status: response.status, json };
    },
    async get(c) {
      const found = await repo.getCase(c.tenantId, c.id);
      if (!found) throw new Error(`case ${c.id} not found`);
      return found;
    },
    async settleTasks(c) {
      const open = ((await world.get(c)).fulfilment?.tasks ?? []).filter(isTaskOpen);
      const noTaskData = {
        put: () => Promise.reject(new Error('skipping a task stores no data')),
        read: () => Promise.reject(new Error('skipping a task stores no data')),
      };
      for (const task of open) {
        await skipTask(
          { repo, clock, registers: fulfilmentRegisters, data: noTaskData },
          { tenantId: c.tenantId, caseId: c.id, taskId: task.id, actor: { kind: 'staff', id: `agent@${c.tenantId}.local` }, reason: 'Not what this workflow test is about.' },
        );
      }
      await current.sfn.engine.settle();
      return open.length;
    },
    advanceTo: (iso) => current.sfn.engine.advanceTo(new Date(iso)),
    settle: () => current.sfn.engine.settle(),
    async transitions(c) {
      const count = async (arn: string) => {
        const history = await current.client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }));
        return (history.events ?? []).filter((e) => e.type?.endsWith('StateEntered')).length;
      };
      return {
        case: await count(executionArn(current.arns.caseWorkflow, executionName('case', c))),
        timer: await count(executionArn(current.arns.deadlineTimer, executionName('timer', c))),
      };
    },
    async status(kind, c) {
      const arn = executionArn(kind === 'case' ? current.arns.caseWorkflow : current.arns.deadlineTimer, executionName(kind, c));
      return (await current.client.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
    },
    async restart() {
      await current.sfn.stop();
      current.client.destroy();
      current = await boot();
      await resumeOpenCases({ tenants: tenantRegistry, repo, workflows: current.deps.workflows, steps: current.deps });
      await current.sfn.engine.settle();
    },
    async stop() {
      await current.sfn.stop();
      current.client.destroy();
      clock.dispose();
    },
  };
  return world;
}
