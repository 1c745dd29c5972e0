import { SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tenantRegistry } from '#tenants/registry.ts';
import { rawMail, startEmailRig, unique, type EmailRig } from './email-support.ts';
import { sesClientFor } from './helpers.ts';

/**
 * SES v2's own refusals, enforced by the local SES stand-in (local/services/ses-rules.ts): the SDK
 * throws the exception SES v2 names, and the product keeps and flags what it could not send.
 */
const from = tenantRegistry.get('bajtel').mailbox;
const send = (input: Partial<SendEmailCommandInput>) =>
  sesClientFor(inject('sesEndpoint')).send(
    new SendEmailCommand({ FromEmailAddress: from, Destination: { ToAddresses: ['ona@example.lt'] }, Content: { Simple: { Subject: { Data: 'Atsakymas' }, Body: { Text: { Data: 'Sveiki' } } } }, ...input }),
  );

let rig: EmailRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

describe('SES v2 refusals in the local SES path', () => {
  it('accepts a well-formed message from a verified tenant mailbox', async () => {
    await expect(send({})).resolves.toMatchObject({ MessageId: expect.any(String) });
  });

  it.each([
    ['a recipient without @domain', 'BadRequestException', { Destination: { ToAddresses: ['ona.example.lt'] } }],
    ['a non-ASCII local part (no SMTPUTF8)', 'BadRequestException', { Destination: { ToAddresses: ['jūratė@example.lt'] } }],
    ['an unencoded non-ASCII display name', 'BadRequestException', { FromEmailAddress: `Bajtelė <${from}>` }],
    ['CR/LF in the subject', 'BadRequestException', { Content: { Simple: { Subject: { Data: 'Atsakymas\r\nBcc: x@example.lt' }, Body: { Text: { Data: 'x' } } } } }],
    ['CR/LF in a header value', 'BadRequestException', { Content: { Simple: { Subject: { Data: 'A' }, Body: { Text: { Data: 'x' } }, Headers: [{ Name: 'X-Case', Value: 'a\nBcc: x@example.lt' }] } } }],
    ['51 recipients', 'BadRequestException', { Destination: { ToAddresses: Array.from({ length: 51 }, (_, i) => `r${i}@example.lt`) } }],
    ['a message over 40 MB', 'MessageRejected', { Content: { Simple: { Subject: { Data: 'A' }, Body: { Text: { Data: 'x' } }, Attachments: [{ FileName: 'big.bin', RawContent: new Uint8Array(31 * 1024 * 1024) }] } } }],
    ['an unverified sender identity', 'MessageRejected', { FromEmailAddress: 'privacy@not-a-tenant.example' }],
  ] as const)('refuses %s with %s', async (_, name, input) => {
    await expect(send(input as Partial<SendEmailCommandInput>)).rejects.toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
  });

  it('keeps the case and flags the acknowledgement when SES refuses the sender’s address (non-ASCII local part)', async () => {
    rig = await startEmailRig({ retryDelaysMs: [] });
    const mailbox = tenantRegistry.get('bajtel').mailbox;
    const sender = `jūratė.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${sender}`, `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: <u-${unique()}@example.lt>`, '', 'Prašau ištrinti mano duomenis.']), { from: sender, to: [mailbox] });
    const cases = await rig.caseFor('bajtel', sender);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.acknowledgement).toMatchObject({ status: 'failed' });
    expect(await rig.outboxTo(sender)).toHaveLength(0);
  });
});
