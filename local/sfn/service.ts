import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import pLimit from 'p-limit';
import { STATE_MACHINES, TABLE_SUBSTITUTION, WORKFLOW_FUNCTIONS, type WorkflowFunction } from '#adapters/sfn/definitions.ts';
import type { WorkflowArns } from '#adapters/sfn/workflow-engine.ts';
import { underRole } from '../iam/enforce.ts';
import { LocalStepFunctions } from './engine.ts';
import { createInvoke, type LocalFunction } from './integrations.ts';
import { serveSfn } from './server.ts';
import type { VirtualClock } from './virtual-clock.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LocalSfnOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly clock: VirtualClock;
  /** For `arn:aws:states:::dynamodb:*` tasks. */
  readonly dynamodb?: DynamoDBClient;
  readonly region?: string;
  readonly log?: (line: string) => void;
  /** Task invocations running at once (default 8), as a Lambda function's reserved concurrency would bound them. */
  readonly taskConcurrency?: number;
}

export interface LocalSfn {
  /** For SFNClient({ endpoint }). */
  readonly endpoint: string;
  readonly engine: LocalStepFunctions;
  readonly clock: VirtualClock;
  /** Local functions by Lambda function name (what a Lambda ARN's `function:<name>` names). */
  readonly functions: Map<string, LocalFunction>;
  stop(): Promise<void>;
}

const DEFAULT_TASK_CONCURRENCY = 8;

/**
 * The local Step Functions-compatible service: an HTTP server on 127.0.0.1 speaking the API
 * @aws-sdk/client-sfn uses, executing ASL with aws-local-stepfunctions on a virtual clock.
 */
export async function startLocalSfn(options: LocalSfnOptions): Promise<LocalSfn> {
  const functions = new Map<string, LocalFunction>();
  const invoke = createInvoke({ functions, ...(options.dynamodb ? { dynamodb: options.dynamodb } : {}) });
  // Executions start at once (StartExecution returns, as on AWS), but their steps queue for a
  // bounded number of slots: a resume of 1 000 cases starts 2 000 executions, and running all their
  // first steps together starved the resume itself and the table (issue 11: 114 s for 1 000, with
  // steps failing on timeouts). A step never waits for another step, so the queue cannot deadlock.
  const slots = pLimit(Math.max(1, options.taskConcurrency ?? DEFAULT_TASK_CONCURRENCY));
  const engine = new LocalStepFunctions({
    clock: options.clock,
    invoke: (resource, parameters) => slots(() => invoke(resource, parameters)),
    ...(options.region ? { region: options.region } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const server = await serveSfn(engine, options.port ?? 0);
  return {
    endpoint: server.endpoint,
    engine,
    clock: options.clock,
    functions,
    stop: async () => {
      engine.shutdown();
      await server.close();
    },
  };
}

/**
 * Registers rightsdesk's state machines from `statemachines/` with the substitutions CDK would
 * make (table name, Lambda ARNs), and the workflow handlers as the functions those ARNs name.
 */
export async function registerRightsdeskWorkflows(
  sfn: LocalSfn,
  options: { readonly tableName: string; readonly handlers: Record<WorkflowFunction, LocalFunction> },
): Promise<WorkflowArns> {
  const substitutions: Record<string, string> = { [TABLE_SUBSTITUTION]: options.tableName };
  for (const [key, fn] of Object.entries(WORKFLOW_FUNCTIONS) as Array<[WorkflowFunction, (typeof WORKFLOW_FUNCTIONS)[WorkflowFunction]]>) {
    // Each step runs under its own function's role (local IAM enforcement, local/iam).
    sfn.functions.set(fn.functionName, underRole(fn.functionName.replace(/^rightsdesk-/, ''), options.handlers[key]));
    substitutions[fn.substitution] = sfn.engine.lambdaArn(fn.functionName);
  }
  const load = async (file: string) => readFile(join(ROOT, file), 'utf8');
  return {
    caseWorkflow: sfn.engine.registerStateMachine(STATE_MACHINES.caseWorkflow.name, await load(STATE_MACHINES.caseWorkflow.file), substitutions),
    deadlineTimer: sfn.engine.registerStateMachine(STATE_MACHINES.deadlineTimer.name, await load(STATE_MACHINES.deadlineTimer.file), substitutions),
  };
}
