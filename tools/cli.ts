import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { CASE_STATUSES, type CaseStatus } from '#domain/case.ts';
import { deadlinesFor } from '#usecases/compute-deadlines.ts';
import { toDeadlinesView } from '#http/case-view.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { STAFF_ROLES, type StaffRole } from '../local/tokens.ts';
import { localEnv } from './local-env.ts';

const USAGE = `rightsdesk CLI (local stack)

  npm run -s cli -- tenants                                   list the configured controllers
  npm run -s cli -- token partner <tenant> [--partner ID] [--hours N]
  npm run -s cli -- token staff <tenant> <agent|approver|admin> [--hours N]
  npm run -s cli -- cases <tenant> [--status S] [--limit N]   open cases (or one status), soonest due first
  npm run -s cli -- deadlines <tenant> <ISO instant>          the legal deadlines for a receipt time
  npm run -s cli -- example <tenant>                          a curl command that creates a case
  npm run -s cli -- verify-signature <file> --trusted-list <TL.xml> [--tl-signer <cert>] [--content <file>] [--at <ISO instant>]
  npm run -s cli -- verify-evidence-pack <pack.zip> --jwks <url|file>   0 when intact, 1 naming the first changed file
  npm run -s cli -- purge [--at <ISO instant>]                  one retention sweep now (default: the stack's clock)`;

// verify-signature has its own options, so it is dispatched before this parser would reject them.
if (process.argv[2] === 'verify-evidence-pack') process.exit(await (await import('./accountability-cli.ts')).verifyEvidencePackCommand(process.argv.slice(3)));
if (process.argv[2] === 'purge') process.exit(await (await import('./accountability-cli.ts')).purgeCommand(process.argv.slice(3)));
if (process.argv[2] === 'verify-signature') process.exit(await (await import('./verify-signature.ts')).verifySignatureCommand(process.argv.slice(3)));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { partner: { type: 'string' }, hours: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const [command, ...args] = positionals;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function tenantArg(id: string | undefined): string {
  if (!id || !tenantRegistry.find(id)) fail(`Unknown tenant "${id ?? ''}". Known: ${tenantRegistry.list().map((t) => t.id).join(', ')}.`);
  return id;
}

const ttlSeconds = () => {
  const hours = Number(values.hours ?? 24);
  if (!(hours > 0)) fail('--hours must be a positive number.');
  return Math.round(hours * 3600);
};

switch (command) {
  case 'tenants':
    for (const t of tenantRegistry.list()) console.log(`${t.id.padEnd(14)} ${t.referencePrefix}  ${t.mailbox.padEnd(32)} ${t.controller.legalName}`);
    break;
  case 'token': {
    const { issuer } = await localEnv();
    const [kind, tenant, role] = args;
    if (kind === 'partner') console.log(await issuer.mintPartnerToken({ tenant: tenantArg(tenant), ttlSeconds: ttlSeconds(), ...(values.partner ? { partnerId: values.partner } : {}) }));
    else if (kind === 'staff') {
      if (!STAFF_ROLES.includes(role as StaffRole)) fail(`Role must be one of ${STAFF_ROLES.join(', ')}.`);
      console.log(await issuer.mintStaffToken({ tenant: tenantArg(tenant), role: role as StaffRole, ttlSeconds: ttlSeconds() }));
    } else fail('token partner|staff …');
    break;
  }
  case 'cases': {
    const { dev } = await localEnv();
    const tenant = tenantArg(args[0]);
    const status = values.status;
    if (status !== undefined && !CASE_STATUSES.includes(status as CaseStatus)) fail(`--status must be one of ${CASE_STATUSES.join(', ')}.`);
    const repo = new DynamoCaseRepository(
      new DynamoDBClient({ region: 'eu-central-1', endpoint: dev.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      dev.tableName,
    );
    const limit = Number(values.limit ?? 50);
    const page = status ? await repo.listByStatus(tenant, status as CaseStatus, { limit }) : await repo.listOpen(tenant, { limit });
    if (page.items.length === 0) console.log('(no cases)');
    for (const c of page.items) {
      console.log(`${c.reference}  ${c.status.padEnd(18)} due ${c.dueDate}  ${c.channel.padEnd(8)} ${c.rights.map((r) => r.type).join(',').padEnd(20)} ${c.subject.name}  ${c.id}`);
    }
    break;
  }
  case 'deadlines': {
    const tenant = tenantArg(args[0]);
    const at = new Date(args[1] ?? '');
    if (Number.isNaN(at.getTime())) fail('Give the receipt time as an ISO 8601 instant, e.g. 2026-12-10T10:00:00Z.');
    console.log(JSON.stringify(toDeadlinesView(deadlinesFor(tenantRegistry, tenant, at)), null, 2));
    break;
  }
  case 'example': {
    const { dev } = await localEnv();
    const tenant = tenantArg(args[0]);
    const body = JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'lt' });
    console.log(`curl -sS -X POST ${dev.apiUrl}/v1/requests \\
  -H "Authorization: Bearer ${dev.tenants[tenant]?.partnerToken ?? ''}" \\
  -H "Content-Type: application/json" -H "Idempotency-Key: example-$(date +%s)" \\
  -d '${body}'`);
    break;
  }
  default:
    if (command && !values.help) fail(`Unknown command "${command}".`);
    console.log(USAGE);
}
