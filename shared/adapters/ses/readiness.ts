import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { resolveClient, type ClientSource } from '../client-source.ts';

/**
 * `/readyz`'s mail check: SES answers for this account (GetAccount, an account-level read; IAM
 * `ses:GetAccount`, granted to the API function only). Its own module so that only the API's
 * composition root bundles the command, not every function that sends mail.
 * Example: `await sesReadiness(client)()` resolves when SES (or the stand-in) answers.
 */
export const sesReadiness = (client: ClientSource<SESv2Client>) => async (): Promise<void> => {
  const { GetAccountCommand } = await import('@aws-sdk/client-sesv2');
  await (await resolveClient(client)).send(new GetAccountCommand({}));
};
