import { sendTaskDigests } from '#usecases/fulfilment/task-digest.ts';
import { taskDigestFromEnv } from '#wiring/task-digest.ts';

/**
 * The daily digest of manual fulfilment tasks (EventBridge schedule, every morning): one e-mail
 * per owner with their open manual tasks, soonest due first, for every tenant. A tenant whose
 * digest fails does not stop the others; the failure is logged and the run reports it.
 */
const deps = taskDigestFromEnv();

export async function handler(): Promise<{ tenants: number; mails: number; failed: string[] }> {
  let mails = 0;
  const failed: string[] = [];
  for (const tenant of deps.tenants.list()) {
    try {
      mails += Object.keys(await sendTaskDigests(deps, tenant.id)).length;
    } catch (error) {
      failed.push(tenant.id);
      console.log(JSON.stringify({ level: 'error', msg: 'task digest failed', tenant: tenant.id, error: error instanceof Error ? error.message : String(error) }));
    }
  }
  console.log(JSON.stringify({ level: failed.length ? 'error' : 'info', msg: 'task digests', mails, failed }));
  return { tenants: deps.tenants.list().length, mails, failed };
}
