import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newTenantWebhookKey } from '#adapters/webhooks/jose-signer.ts';
import { type TenantWebhookKey } from '#ports/channels.ts';

/**
 * The local stack's webhook signing keys, one ES256 pair per tenant, in `.local/keys/webhook.json`
 * (created on first start, kept across restarts so partners' cached JWKS stay valid).
 */
export async function localWebhookKeys(file: string, tenantIds: readonly string[]): Promise<Record<string, TenantWebhookKey>> {
  let keys: Record<string, TenantWebhookKey> = {};
  try {
    keys = (JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, TenantWebhookKey> }).keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let added = false;
  for (const id of tenantIds) {
    if (keys[id]) continue;
    keys[id] = await newTenantWebhookKey(id);
    added = true;
  }
  if (added) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  }
  return keys;
}

/** The local web form's token secret in `.local/keys/forms.json` (random, created on first start). */
export async function localFormsSecret(file: string): Promise<string> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { secret: string }).secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ secret }), { mode: 0o600 });
  return secret;
}
