import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts and times every AWS SDK v3 call made in this process, labelled by who made it (the
 * local stack runs each handler under its Lambda function's name: `api`, `workflow-intake`, …).
 * Installed as an `initialize` middleware on every client (the same hook local IAM uses), so it
 * sees each logical call once, with its retries inside its duration.
 *
 * Example: `const calls = installSdkCallRecorder(callingFunction); …; calls.of('api')` →
 * `[{ command: 'QueryCommand', ms: 3.1 }, …]`.
 */
export interface SdkCall {
  readonly client: string;
  readonly command: string;
  readonly ms: number;
}

export interface SdkCallRecorder {
  /** Every call recorded under `label` so far (later, un-awaited calls may still add to it). */
  of(label: string): readonly SdkCall[];
  /** Every call recorded, labelled or not. */
  all(): ReadonlyArray<SdkCall & { readonly label: string | undefined }>;
  reset(): void;
}

let labelOf: () => string | undefined = () => undefined;
const calls: Array<SdkCall & { label: string | undefined }> = [];
const instrumented = new WeakSet<object>();

interface MiddlewareStack {
  add(middleware: unknown, options: Record<string, unknown>): void;
}
type Next = (args: unknown) => Promise<unknown>;

function recorder(next: Next, context: { commandName?: string; clientName?: string }) {
  return async (args: unknown) => {
    const label = labelOf();
    const started = performance.now();
    try {
      return await next(args);
    } finally {
      calls.push({ label, client: context.clientName ?? '?', command: context.commandName ?? '?', ms: performance.now() - started });
    }
  };
}

export function installSdkCallRecorder(label: () => string | undefined): SdkCallRecorder {
  labelOf = label;
  // Every SDK v3 client extends the same smithy Client: wrap its send once.
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...args: unknown[]) => unknown; __sdkCallRecorder?: boolean };
  if (!base.__sdkCallRecorder) {
    const send = base.send;
    base.send = function (this: { middlewareStack: MiddlewareStack }, ...args: unknown[]) {
      if (!instrumented.has(this.middlewareStack)) {
        instrumented.add(this.middlewareStack);
        this.middlewareStack.add(recorder, { step: 'initialize', name: 'sdkCallRecorder', priority: 'high' });
      }
      return send.apply(this, args);
    };
    base.__sdkCallRecorder = true;
  }
  return {
    of: (label) => calls.filter((c) => c.label === label),
    all: () => [...calls],
    reset: () => void calls.splice(0),
  };
}
