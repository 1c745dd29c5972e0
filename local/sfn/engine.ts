import './promise-polyfill.ts';
import { randomBytes } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { Invoke } from './integrations.ts';
import type { VirtualClock } from './virtual-clock.ts';

/**
 * The Step Functions service API (the part rightsdesk uses) over aws-local-stepfunctions, which
 * only executes ASL in-process. What this adds, and why:
 * - executions with ARNs, status, output and a history (the library has no service API);
 * - real task tokens for `.waitForTaskToken` tasks: `$$.Task.Token` in the parameters becomes a
 *   fresh token, and the task waits until SendTaskSuccess/SendTaskFailure or its timeout;
 * - Wait states and task timeouts on a virtual clock: the library sleeps with `setTimeout`, which
 *   fires at once beyond ~24.8 days and cannot be fast-forwarded. Each Wait runs as a local Task
 *   that sleeps on the clock instead (the history still reports a Wait state).
 * Limits: Parallel/Map branches are executed by the library but their state names must be unique
 * across the machine; `$$.State.EnteredTime` is resolved in Task parameters only.
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export class SfnServiceError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
    this.name = type;
  }
}

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: Date;
  readonly type: string;
  readonly [details: string]: unknown;
}

export interface ExecutionView {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

interface Registered {
  readonly arn: string;
  readonly name: string;
  readonly runnable: StateMachineDefinition;
  /** Original state types by name: a Wait runs as a local Task but is reported as a Wait. */
  readonly stateTypes: ReadonlyMap<string, string>;
  readonly tokenTasks: ReadonlyMap<string, { readonly resource: string; readonly timeoutSeconds?: number }>;
  readonly plainTasks: ReadonlyMap<string, string>;
  readonly waitStates: ReadonlySet<string>;
  readonly retryOverrides: Record<string, number[]>;
}

interface Execution {
  readonly arn: string;
  readonly name: string;
  readonly machine: Registered;
  readonly input: string;
  readonly startDate: Date;
  readonly history: HistoryEvent[];
  readonly abortController: AbortController;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  /** Waits (timer or task token) this execution is parked in; 0 while it is doing work. */
  blocked: number;
  abortRun?: () => void;
}

interface PendingToken {
  readonly execution: Execution;
  readonly settle: (outcome: { output: unknown } | { error: Error }) => void;
}

const TOKEN_PLACEHOLDER = '__rightsdesk_local_task_token__';
const ENTERED_TIME_PLACEHOLDER = '__rightsdesk_local_entered_time__';
const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::rightsdesk-local:wait';
/** The library races every Task against a real setTimeout; keep it below the 2^31-1 ms overflow. */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;
const WAIT_FOR_TOKEN = '.waitForTaskToken';
/** Local Lambda ARNs are not real ones; everything else is checked as AWS checks it. */
const VALIDATION = { checkArn: false } as const;

/** Neither retried nor caught: the execution was stopped, its states must not run on. */
class ExecutionStoppedError extends Error {
  override readonly name = 'ExecutionStopped';
  get isRetryable(): boolean {
    return false;
  }
  get isCatchable(): boolean {
    return false;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type StateDef = Record<string, unknown> & { Type: string };

export interface LocalStepFunctionsOptions {
  readonly clock: VirtualClock;
  readonly invoke: Invoke;
  readonly region?: string;
  readonly accountId?: string;
  /** Real milliseconds a Retry waits locally (backoff is compressed; the count is kept). */
  readonly retryDelayMs?: number;
  readonly log?: (line: string) => void;
}

export class LocalStepFunctions {
  private readonly machines = new Map<string, Registered>();
  private readonly executions = new Map<string, Execution>();
  private readonly tokens = new Map<string, PendingToken>();
  private readonly region: string;
  private readonly accountId: string;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.region = options.region ?? 'eu-central-1';
    this.accountId = options.accountId ?? '000000000000';
  }

  get clock(): VirtualClock {
    return this.options.clock;
  }

  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${name}`;
  }

  lambdaArn(functionName: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${functionName}`;
  }

  /** Registers an ASL definition after `${Name}` substitutions (as CDK's definitionSubstitutions). */
  registerStateMachine(name: string, definitionText: string, substitutions: Readonly<Record<string, string>> = {}): string {
    const text = definitionText.replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, key: string) => {
      const value = substitutions[key];
      if (value === undefined) throw new Error(`State machine ${name}: no substitution for ${match}.`);
      return value;
    });
    const definition = JSON.parse(text) as StateMachineDefinition;
    const arn = this.stateMachineArn(name);
    const prepared = prepare(definition, this.options.retryDelayMs ?? 20);
    // Validated once, here, as CreateStateMachine does: validating again on every execution cost
    // 0.3–1.3 s of synchronous CPU per start on two shared cores (issue 15's profile), which every
    // request waiting on this event loop paid.
    new StateMachine(prepared.runnable, { validationOptions: VALIDATION });
    this.machines.set(arn, { arn, name, ...prepared });
    return arn;
  }

  /** What `/readyz` asks: the state machine exists (DescribeStateMachine, the fields callers read). */
  describeStateMachine(stateMachineArn: string): { stateMachineArn: string; name: string; status: 'ACTIVE'; type: 'STANDARD' } {
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw new SfnServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return { stateMachineArn: machine.arn, name: machine.name, status: 'ACTIVE', type: 'STANDARD' };
  }

  startExecution(input: { stateMachineArn: string; name?: string; input?: string }): { executionArn: string; startDate: Date } {
    const machine = this.machines.get(input.stateMachineArn);
    if (!machine) throw new SfnServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${input.stateMachineArn}'`);
    const name = input.name ?? crypto.randomUUID();
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnServiceError('InvalidName', `Invalid Name: '${name}'`);
    const arn = `arn:aws:states:${this.region}:${this.accountId}:execution:${machine.name}:${name}`;
    const rawInput = input.input ?? '{}';
    const existing = this.executions.get(arn);
    if (existing) {
      // Step Functions: the same name and input while running is idempotent; anything else conflicts.
      if (existing.status === 'RUNNING' && existing.input === rawInput) return { executionArn: arn, startDate: existing.startDate };
      throw new SfnServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(rawInput) as Json;
    } catch {
      throw new SfnServiceError('InvalidExecutionInput', 'The input is not valid JSON.');
    }
    const execution: Execution = {
      arn,
      name,
      machine,
      input: rawInput,
      startDate: this.clock.now(),
      history: [],
      abortController: new AbortController(),
      status: 'RUNNING',
      blocked: 0,
    };
    this.executions.set(arn, execution);
    this.run(execution, parsed);
    return { executionArn: arn, startDate: execution.startDate };
  }

  stopExecution(input: { executionArn: string; error?: string; cause?: string }): { stopDate: Date } {
    const execution = this.executionOf(input.executionArn);
    if (execution.status === 'RUNNING') {
      this.finish(execution, 'ABORTED', { ...(input.error ? { error: input.error } : {}), ...(input.cause ? { cause: input.cause } : {}) });
      this.record(execution, 'ExecutionAborted', { executionAbortedEventDetails: { error: input.error, cause: input.cause } });
      execution.abortController.abort();
      execution.abortRun?.();
    }
    return { stopDate: execution.stopDate ?? this.clock.now() };
  }

  describeExecution(executionArn: string): ExecutionView {
    const e = this.executionOf(executionArn);
    return {
      executionArn: e.arn,
      stateMachineArn: e.machine.arn,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      input: e.input,
      ...(e.stopDate ? { stopDate: e.stopDate } : {}),
      ...(e.output !== undefined ? { output: e.output } : {}),
      ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.cause !== undefined ? { cause: e.cause } : {}),
    };
  }

  getExecutionHistory(executionArn: string, options: { reverseOrder?: boolean; maxResults?: number; nextToken?: string } = {}): { events: HistoryEvent[]; nextToken?: string } {
    const events = [...this.executionOf(executionArn).history];
    if (options.reverseOrder) events.reverse();
    const start = options.nextToken ? Number(options.nextToken) : 0;
    const size = options.maxResults && options.maxResults > 0 ? options.maxResults : 1000;
    const page = events.slice(start, start + size);
    return { events: page, ...(start + size < events.length ? { nextToken: String(start + size) } : {}) };
  }

  listExecutions(stateMachineArn: string): ExecutionView[] {
    return [...this.executions.values()].filter((e) => e.machine.arn === stateMachineArn).map((e) => this.describeExecution(e.arn));
  }

  sendTaskSuccess(taskToken: string, output: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new SfnServiceError('InvalidOutput', 'The task output is not valid JSON.');
    }
    this.takeToken(taskToken).settle({ output: parsed });
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    this.takeToken(taskToken).settle({ error: Object.assign(new Error(cause ?? ''), { name: error ?? 'States.TaskFailed' }) });
  }

  sendTaskHeartbeat(taskToken: string): void {
    if (!this.tokens.has(taskToken)) throw new SfnServiceError('TaskDoesNotExist', 'Task does not exist anymore.');
  }

  /** Executions that are doing work right now (not parked in a wait or a task token). */
  busyExecutions(): string[] {
    return [...this.executions.values()].filter((e) => e.status === 'RUNNING' && e.blocked === 0).map((e) => e.arn);
  }

  /** Resolves once every running execution is parked (waiting on the clock or a task token). */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 3) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      quiet = this.busyExecutions().length === 0 ? quiet + 1 : 0;
      if (Date.now() > deadline) throw new Error(`Executions still busy after ${timeoutMs} ms: ${this.busyExecutions().join(', ')}`);
    }
  }

  /**
   * Moves the virtual clock to `to`, firing every wait and task timeout due on the way in order,
   * and letting the executions settle after each (so a step that schedules the next wait inside
   * the same interval gets it fired too).
   */
  async advanceTo(to: Date): Promise<void> {
    const target = to.getTime();
    for (;;) {
      await this.settle();
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.setNow(Math.max(next, this.clock.nowMs()));
    }
    this.clock.setNow(target);
    await this.settle();
  }

  /** Stops every running execution (a local "process exit": nothing survives but the store). */
  shutdown(): void {
    for (const e of this.executions.values()) if (e.status === 'RUNNING') this.stopExecution({ executionArn: e.arn, error: 'ServiceStopped' });
    this.tokens.clear();
  }

  private executionOf(arn: string): Execution {
    const e = this.executions.get(arn);
    if (!e) throw new SfnServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return e;
  }

  private takeToken(token: string): PendingToken {
    const pending = this.tokens.get(token);
    if (!pending) {
      if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) throw new SfnServiceError('InvalidToken', 'Invalid Token');
      throw new SfnServiceError('TaskDoesNotExist', 'Task does not exist anymore (it finished, timed out, or the service restarted).');
    }
    this.tokens.delete(token);
    return pending;
  }

  private finish(e: Execution, status: ExecutionStatus, fields: { output?: string; error?: string; cause?: string }): void {
    if (e.status !== 'RUNNING') return;
    e.status = status;
    e.stopDate = this.clock.now();
    Object.assign(e, fields);
    for (const [token, pending] of this.tokens) if (pending.execution === e) this.tokens.delete(token);
  }

  private record(e: Execution, type: string, details: Record<string, unknown> = {}): void {
    const previous = e.history.at(-1);
    e.history.push({ id: e.history.length + 1, previousEventId: previous?.id ?? 0, timestamp: this.clock.now(), type, ...details });
  }

  /** Parks the execution until `register` settles it; the blocked count changes synchronously. */
  private park<T>(e: Execution, register: (settle: (outcome: { output: T } | { error: Error }) => void) => () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      e.blocked += 1;
      let cleanup: () => void = () => undefined;
      const onAbort = () => settle({ error: new ExecutionStoppedError('The execution was stopped.') });
      const settle = (outcome: { output: T } | { error: Error }) => {
        if (done) return;
        done = true;
        e.blocked -= 1;
        cleanup();
        e.abortController.signal.removeEventListener('abort', onAbort);
        if ('error' in outcome) reject(outcome.error);
        else resolve(outcome.output);
      };
      if (e.abortController.signal.aborted) return onAbort();
      e.abortController.signal.addEventListener('abort', onAbort, { once: true });
      cleanup = register(settle);
    });
  }

  private run(e: Execution, input: Json): void {
    const { machine } = e;
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const stopped = () => Promise.reject(new ExecutionStoppedError('The execution was stopped.'));

    for (const [stateName, resource] of machine.plainTasks) {
      handlers[stateName] = (taskInput) => (e.status !== 'RUNNING' ? stopped() : this.options.invoke(resource, taskInput));
    }
    for (const stateName of machine.waitStates) {
      handlers[stateName] = (taskInput) => {
        if (e.status !== 'RUNNING') return stopped();
        const p = taskInput as { seconds?: number; timestamp?: string };
        const until = p.timestamp !== undefined ? Date.parse(p.timestamp) : this.clock.nowMs() + Number(p.seconds ?? 0) * 1000;
        if (Number.isNaN(until)) return Promise.reject(Object.assign(new Error(`Wait: "${String(p.timestamp)}" is not a timestamp.`), { name: 'States.Runtime' }));
        if (until <= this.clock.nowMs()) return Promise.resolve({});
        return this.park(e, (settle) => this.clock.schedule(until, () => settle({ output: {} })));
      };
    }
    for (const [stateName, task] of machine.tokenTasks) {
      handlers[stateName] = async (taskInput) => {
        if (e.status !== 'RUNNING') return stopped();
        const wrapped = taskInput as { __payload: unknown; __timeoutSeconds?: unknown };
        const timeoutSeconds = wrapped.__timeoutSeconds !== undefined ? Number(wrapped.__timeoutSeconds) : task.timeoutSeconds;
        if (timeoutSeconds !== undefined && !(timeoutSeconds >= 1)) {
          throw Object.assign(new Error(`TimeoutSecondsPath gave ${String(wrapped.__timeoutSeconds)}`), { name: 'States.Runtime' });
        }
        const token = randomBytes(32).toString('base64url');
        const payload = replacePlaceholders(wrapped.__payload, { [TOKEN_PLACEHOLDER]: token, [ENTERED_TIME_PLACEHOLDER]: this.clock.now().toISOString() });
        // Registered before the integration runs: a decision may come back before it returns.
        let early: { output: unknown } | { error: Error } | undefined;
        let deliver: (outcome: { output: unknown } | { error: Error }) => void = (outcome) => void (early = outcome);
        this.tokens.set(token, { execution: e, settle: (outcome) => deliver(outcome) });
        const startedAt = this.clock.nowMs();
        try {
          await this.options.invoke(task.resource, payload);
        } catch (error) {
          this.tokens.delete(token);
          throw error;
        }
        if (early) {
          if ('error' in early) throw early.error;
          return early.output;
        }
        return this.park<unknown>(e, (settle) => {
          deliver = settle;
          if (timeoutSeconds === undefined) return () => this.tokens.delete(token);
          const cancel = this.clock.schedule(startedAt + timeoutSeconds * 1000, () => {
            this.tokens.delete(token);
            settle({ error: Object.assign(new Error('The task timed out waiting for its token.'), { name: 'States.Timeout' }) });
          });
          return () => {
            cancel();
            this.tokens.delete(token);
          };
        });
      };
    }

    const sm = new StateMachine(machine.runnable, { validationOptions: { noValidate: true } });
    const context = {
      Task: { Token: TOKEN_PLACEHOLDER },
      State: { EnteredTime: ENTERED_TIME_PLACEHOLDER },
      StateMachine: { Id: machine.arn, Name: machine.name },
      Execution: { Id: e.arn, Name: e.name, StartTime: e.startDate.toISOString() },
    };
    const execution = sm.run(input, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: machine.retryOverrides },
      context,
      noThrowOnAbort: true,
    });
    e.abortRun = execution.abort;
    void this.consumeEvents(e, execution.eventLogs);
    execution.result.then(
      (output) => {
        if (e.status === 'RUNNING') this.finish(e, 'SUCCEEDED', { output: JSON.stringify(output ?? null) });
      },
      (error: unknown) => {
        const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        const name = inner instanceof Error ? inner.name : 'States.Runtime';
        const message = inner instanceof Error ? inner.message : String(inner);
        if (e.status === 'RUNNING') {
          this.finish(e, 'FAILED', { error: name, cause: message });
          this.options.log?.(`execution ${e.name} failed: ${name}: ${message}`);
        }
      },
    );
  }

  private async consumeEvents(e: Execution, events: AsyncGenerator<unknown>): Promise<void> {
    for await (const raw of events) {
      const event = raw as { type: string; state?: { name: string; input?: unknown; output?: unknown }; input?: unknown; output?: unknown; Error?: string; Cause?: unknown };
      const stateType = event.state ? e.machine.stateTypes.get(event.state.name) ?? 'Task' : '';
      switch (event.type) {
        case 'ExecutionStarted':
          this.record(e, 'ExecutionStarted', { executionStartedEventDetails: { input: JSON.stringify(event.input ?? null) } });
          break;
        case 'StateEntered':
          this.record(e, `${stateType}StateEntered`, { stateEnteredEventDetails: { name: event.state?.name, input: JSON.stringify(event.state?.input ?? null) } });
          break;
        case 'StateExited':
          this.record(e, `${stateType}StateExited`, { stateExitedEventDetails: { name: event.state?.name, output: JSON.stringify(event.state?.output ?? null) } });
          break;
        case 'StateFailed':
          if (stateType === 'Task') this.record(e, 'TaskFailed', { taskFailedEventDetails: { resourceType: 'local', resource: event.state?.name, error: event.Error, cause: String(event.Cause ?? '') } });
          break;
        case 'ExecutionSucceeded':
          this.record(e, 'ExecutionSucceeded', { executionSucceededEventDetails: { output: JSON.stringify(event.output ?? null) } });
          break;
        case 'ExecutionFailed':
          if (e.status !== 'ABORTED') this.record(e, 'ExecutionFailed', { executionFailedEventDetails: { error: event.Error, cause: String(event.Cause ?? '') } });
          break;
        default:
          break;
      }
      if (event.type === 'ExecutionSucceeded' || event.type === 'ExecutionFailed' || event.type === 'ExecutionAborted' || event.type === 'ExecutionTimeout') return;
    }
  }
}

function replacePlaceholders(value: unknown, replacements: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return replacements[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => replacePlaceholders(v, replacements));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replacePlaceholders(v, replacements)]));
  }
  return value;
}

/** Rewrites a definition for the library: Waits and token tasks become local Tasks (see above). */
function prepare(definition: StateMachineDefinition, retryDelayMs: number): Omit<Registered, 'arn' | 'name'> {
  const stateTypes = new Map<string, string>();
  const tokenTasks = new Map<string, { resource: string; timeoutSeconds?: number }>();
  const plainTasks = new Map<string, string>();
  const waitStates = new Set<string>();
  const retryOverrides: Record<string, number[]> = {};

  const rewrite = (states: Record<string, StateDef>): Record<string, StateDef> => {
    const out: Record<string, StateDef> = {};
    for (const [name, state] of Object.entries(states)) {
      if (stateTypes.has(name)) throw new Error(`State names must be unique across the machine locally: "${name}".`);
      stateTypes.set(name, state.Type);
      let next: StateDef = { ...state };
      if (Array.isArray(state.Retry)) retryOverrides[name] = state.Retry.map(() => retryDelayMs);
      if (state.Type === 'Wait') {
        if ('InputPath' in state) throw new Error(`Wait state "${name}": InputPath is not supported locally.`);
        const parameters =
          'Seconds' in state ? { seconds: state.Seconds }
          : 'Timestamp' in state ? { timestamp: state.Timestamp }
          : 'SecondsPath' in state ? { 'seconds.$': state.SecondsPath }
          : { 'timestamp.$': state.TimestampPath };
        next = {
          Type: 'Task',
          Resource: LOCAL_WAIT_RESOURCE,
          Parameters: parameters,
          ResultPath: null,
          TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
          ...('OutputPath' in state ? { OutputPath: state.OutputPath } : {}),
          ...('Next' in state ? { Next: state.Next } : { End: true }),
        };
        waitStates.add(name);
      } else if (state.Type === 'Task' && typeof state.Resource === 'string') {
        if (state.Resource.endsWith(WAIT_FOR_TOKEN)) {
          // Heartbeats are accepted (SendTaskHeartbeat) but not enforced locally.
          const { TimeoutSeconds, TimeoutSecondsPath, Parameters, ...rest } = state;
          delete rest.HeartbeatSeconds;
          delete rest.HeartbeatSecondsPath;
          next = {
            ...rest,
            Type: 'Task',
            Parameters: {
              ...(Parameters === undefined ? { '__payload.$': '$' } : { __payload: Parameters }),
              ...(typeof TimeoutSecondsPath === 'string' ? { '__timeoutSeconds.$': TimeoutSecondsPath } : {}),
            },
            TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
          };
          tokenTasks.set(name, {
            resource: state.Resource.slice(0, -WAIT_FOR_TOKEN.length),
            ...(typeof TimeoutSeconds === 'number' ? { timeoutSeconds: TimeoutSeconds } : {}),
          });
        } else {
          plainTasks.set(name, state.Resource);
        }
      }
      if (next.Type === 'Parallel' && Array.isArray(next.Branches)) {
        next.Branches = (next.Branches as Array<{ States: Record<string, StateDef> }>).map((b) => ({ ...b, States: rewrite(b.States) }));
      }
      for (const key of ['ItemProcessor', 'Iterator'] as const) {
        const inner = next[key] as { States: Record<string, StateDef> } | undefined;
        if (inner) next[key] = { ...inner, States: rewrite(inner.States) };
      }
      out[name] = next;
    }
    return out;
  };

  const runnable = { ...definition, States: rewrite(definition.States as unknown as Record<string, StateDef>) } as unknown as StateMachineDefinition;
  return { runnable, stateTypes, tokenTasks, plainTasks, waitStates, retryOverrides };
}
