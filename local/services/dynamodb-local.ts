import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { findFreePort, isPortFree } from './free-port.ts';
import { errorMessage, spawnTracked, waitUntil, type TrackedChild } from './process.ts';

/**
 * DynamoDB Local (AWS's own emulator, shipped as a jar inside `amplify-dynamodb-simulator`,
 * whose JS launcher doesn't work) run as a Java child process.
 *
 * Network exposure: the emulator has no bind-address option; Jetty listens on 0.0.0.0:<port>,
 * i.e. on every interface, and it accepts any credentials. We can't narrow that from here. What
 * we do: pick the port by probing 0.0.0.0 (the address it will really bind), restrict CORS so a
 * web page in a local browser can't read or write the tables, and always hand out a
 * 127.0.0.1 endpoint. On a shared or untrusted network, firewall the port.
 */

export interface DynamoDbLocalOptions {
  /** 0 or undefined: pick a free port. */
  readonly port?: number;
  /** Directory for the SQLite file (created if missing). Undefined: `-inMemory`. */
  readonly dbPath?: string;
  /** Default 30 s: the first start on a cold machine (JIT, disk cache) is much slower than ~1.5 s. */
  readonly startTimeoutMs?: number;
  /** Origins allowed by CORS; default a single origin no browser page will have. */
  readonly corsOrigins?: string;
}

export interface DynamoDbLocal {
  /** Always http://127.0.0.1:<port>. */
  readonly endpoint: string;
  readonly port: number;
  /** Milliseconds from spawn until ListTables answered. */
  readonly startupMs: number;
  /** Process group of the Java process: fault tests freeze it (SIGSTOP) to play an unresponsive DynamoDB. */
  readonly pid: number;
  stop(): Promise<void>;
}

export const JAVA_INSTALL_HINT = 'install a Java runtime: apt-get install -y default-jre-headless';

const STOP_GRACE_MS = 5_000;
/** With an OS-picked port another process can win the race; retry with a fresh one. */
const AUTO_PORT_ATTEMPTS = 3;
// On a bind failure the JVM prints this and keeps running (Jetty's non-daemon threads), so we
// must read stderr instead of waiting for an exit.
const BIND_FAILURE = /Failed to bind|BindException|Address already in use/;

class PortInUseError extends Error {}

function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) {
    throw new Error(`DynamoDB Local: ${join(dir, 'DynamoDBLocal.jar')} is missing; reinstall amplify-dynamodb-simulator`);
  }
  return dir;
}

/** Fails fast with an actionable message instead of a confusing timeout later. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  if (probe.error) {
    const missing = (probe.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `DynamoDB Local needs Java but \`java\` is not on PATH; ${JAVA_INSTALL_HINT} (or run bash tools/ensure-java.sh)`
        : `DynamoDB Local: \`java -version\` failed (${errorMessage(probe.error)}); ${JAVA_INSTALL_HINT}`,
    );
  }
  if (probe.status !== 0) {
    throw new Error(
      `DynamoDB Local: \`java -version\` exited with ${String(probe.status)}: ${probe.stderr.toString().trim()}; ${JAVA_INSTALL_HINT}`,
    );
  }
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const cwd = emulatorDir();
  const autoPort = !options.port;
  const attempts = autoPort ? AUTO_PORT_ATTEMPTS : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const port = options.port || (await findFreePort('0.0.0.0'));
    // An explicit port that is taken would otherwise let the readiness probe succeed against
    // whatever already listens there (often a DynamoDB Local left over from another run).
    if (!autoPort && !(await isPortFree(port, '0.0.0.0'))) {
      throw new Error(`DynamoDB Local: port ${port} is already in use`);
    }
    try {
      return await startOnPort(cwd, port, options);
    } catch (err) {
      lastError = err;
      if (!(err instanceof PortInUseError) || !autoPort) throw err;
    }
  }
  throw lastError;
}

async function startOnPort(cwd: string, port: number, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', ensureDir(options.dbPath)];
  const args = [
    '-Djava.library.path=./DynamoDBLocal_lib',
    '-jar',
    'DynamoDBLocal.jar',
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    '-cors',
    options.corsOrigins ?? 'http://127.0.0.1',
    ...storage,
  ];
  const child = spawnTracked('java', args, { name: 'DynamoDB Local', cwd });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  const bindFailure = (): Error | undefined =>
    BIND_FAILURE.test(child.stderrTail())
      ? new PortInUseError(`DynamoDB Local could not bind port ${port}:\n${child.stderrTail().trim()}`)
      : undefined;
  try {
    const startupMs = await waitUntil(
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      {
        what: `DynamoDB Local on port ${port}`,
        timeoutMs: options.startTimeoutMs ?? 30_000,
        failFast: () => bindFailure() ?? exitedEarly(child),
        details: () => describeOutput(child),
      },
    );
    // The probe may have been answered by a process that grabbed the port first; our JVM
    // would then be reporting a bind failure by now.
    const lateFailure = bindFailure() ?? exitedEarly(child);
    if (lateFailure) throw lateFailure;
    return {
      endpoint,
      port,
      startupMs,
      pid: child.pid,
      stop: async () => {
        // A frozen process (fault tests) cannot act on SIGTERM until it runs again.
        try {
          process.kill(-child.pid, 'SIGCONT');
        } catch {
          // Already gone.
        }
        await child.stop(STOP_GRACE_MS);
      },
    };
  } catch (err) {
    await child.stop(STOP_GRACE_MS);
    throw err;
  } finally {
    client.destroy();
  }
}

function ensureDir(path: string): string {
  // The JVM runs with the emulator folder as cwd, so a relative path must be resolved here.
  const absolute = resolve(path);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

function exitedEarly(child: TrackedChild): Error | undefined {
  const info = child.exitInfo();
  if (!info) return undefined;
  const how = info.signal ? `signal ${info.signal}` : `code ${String(info.code)}`;
  return new Error(`DynamoDB Local exited during start-up (${how})\n${describeOutput(child)}`.trim());
}

function describeOutput(child: TrackedChild): string {
  const stderr = child.stderrTail().trim();
  const stdout = child.stdoutTail().trim();
  return [stderr && `stderr:\n${stderr}`, stdout && `stdout:\n${stdout}`].filter(Boolean).join('\n');
}
