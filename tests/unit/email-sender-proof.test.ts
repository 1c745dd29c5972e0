import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { FormTokenEmailControlLinks } from '#adapters/forms/email-control-links.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import type { AuthVerdicts } from '#domain/sender-authentication.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { confirmRights } from '#usecases/confirm-rights.ts';
import { acknowledgementIdentityLink } from '#usecases/identity/email-control.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { processInbound, type InboundLedgerDeps } from '#usecases/process-inbound.ts';
import { awaitSubject } from '#usecases/workflow/await-subject.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { harness, type Harness } from '../support/harness.ts';

/**
 * Issue 16: identity links only to a proven sender, one e-mail per event, addresses checked.
 * The verdicts are what SES's receipt event (or mailauth, locally) says; here they are given.
 */
const crlf = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const PASS: AuthVerdicts = { spf: 'pass', dkim: 'pass', dmarc: 'pass', source: 'ses' };
const SPOOFED: AuthVerdicts = { spf: 'fail', dkim: 'none', dmarc: 'fail', source: 'ses' };
const CONFIRM_LINK = /\/forms\/[a-z]+\/confirm\?token=/;

describe('e-mail intake: proven sender, one e-mail, checked addresses', () => {
  let h: Harness;
  let deps: InboundLedgerDeps;
  let inbound: InMemoryBlobStore;
  let ledger: InMemoryInboundLedger;
  let workflowDeps: WorkflowDeps;
  const decisions: Array<{ token: string; output: unknown }> = [];
  let n = 0;

  beforeEach(async () => {
    h = await harness({ now: '2026-11-23T09:00:00Z' });
    n = 0;
    decisions.length = 0;
    inbound = new InMemoryBlobStore();
    ledger = new InMemoryInboundLedger();
    const evidence = new InMemoryBlobStore();
    const links = new FormTokenEmailControlLinks(new JoseFormTokens('s'.repeat(40), { now: () => h.clock.now() }), 'https://privacy.test', h.clock);
    const notifier = createSubjectNotifier({ tenants: tenantRegistry, messages: h.messages, email: new MimeEmailSender(h.mailer), evidence, clock: h.clock });
    const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (token, output) => void decisions.push({ token, output }) };
    deps = {
      tenants: tenantRegistry,
      repo: h.repo,
      mailer: h.mailer,
      clock: h.clock,
      ids: { caseId: () => crypto.randomUUID() },
      messages: h.messages,
      notifier,
      parser: new PostalMimeParser(),
      inboundMail: inbound,
      evidence,
      ledger,
      identityLink: acknowledgementIdentityLink({ links, settings: DEFAULT_WORKFLOW_SETTINGS }),
    };
    workflowDeps = { tenants: tenantRegistry, repo: h.repo, notifier, alerts: { alert: async () => undefined }, workflows, clock: h.clock, settings: DEFAULT_WORKFLOW_SETTINGS, links };
  });

  /** Delivers a message, then runs the workflow's first steps (intake, and the identity wait when it routes there). */
  async function deliver(lines: string[], authentication?: AuthVerdicts, tenantId = 'softera') {
    const id = `d${++n}`;
    await inbound.put(`inbound/${id}`, crlf(lines), 'message/rfc822');
    const result = await processInbound(deps, { rawKey: `inbound/${id}`, receivedAt: new Date('2026-11-23T08:59:00Z'), recipients: [tenantRegistry.get(tenantId).mailbox], deliveryId: id, ...(authentication ? { authentication } : {}) });
    if (result.outcome === 'created') {
      const plan = await intakeCase(workflowDeps, { tenantId, caseId: result.caseId });
      if (plan.route === 'subject_identity') await awaitSubject(workflowDeps, { tenantId, caseId: result.caseId, taskToken: `t-${id}`, notice: 'identity_request' });
      return { result, plan, id };
    }
    return { result, plan: null, id };
  }
  const mailLines = (from: string, extra: string[], body: string, tenantId = 'softera') => [
    `From: ${from}`,
    `To: ${tenantRegistry.get(tenantId).mailbox}`,
    ...extra,
    'Subject: Prašymas',
    `Message-ID: <m${n + 1}.${tenantId}@example.lt>`,
    '',
    body,
  ];

  it('spoofed From with a foreign Reply-To: the attacker gets nothing, no identity link is sent, the Reply-To is kept as claimed', async () => {
    const { result } = await deliver(mailLines('Ona Petraitienė <ona@example.lt>', ['Reply-To: "Ona" <attacker@evil.test>'], 'Prašau atsiųsti mano asmens duomenų kopiją.'), SPOOFED);
    expect(result.outcome).toBe('created');
    const c = (await h.repo.getCase('softera', result.caseId!))!;
    expect(c.subject.email).toBe('ona@example.lt');
    expect(c.sender).toMatchObject({ from: 'ona@example.lt', authenticated: false, claimedReplyTo: 'attacker@evil.test', verdicts: SPOOFED });
    // E-mail control proves nothing for an unproven From: only the other methods remain.
    expect(c.identity.acceptedMethods).not.toContain('email_control');
    expect(h.mailer.sent.flatMap((m) => m.to)).not.toContain('attacker@evil.test');
    for (const m of h.mailer.sent) expect(m.text).not.toMatch(CONFIRM_LINK);
    // One message at intake: the acknowledgement says what is missing; no identity request follows.
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]!.to).toEqual(['ona@example.lt']);
    expect(h.mailer.sent[0]!.text).toContain('Trūksta:');
    expect((await h.messages.listFlagged('softera', 10)).map((f) => f.flag)).toContain('reply_to_claimed');
  });

  it('DMARC pass: the acknowledgement carries the e-mail control link to the From address, and it is the only e-mail', async () => {
    const { result } = await deliver(mailLines('Ona Petraitienė <ona@example.lt>', [], 'Prašau atsiųsti mano asmens duomenų kopiją.'), PASS);
    const c = (await h.repo.getCase('softera', result.caseId!))!;
    expect(c.sender).toMatchObject({ authenticated: true, reason: 'DMARC passed for example.lt.' });
    expect(c.identity.acceptedMethods).toContain('email_control');
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]!.to).toEqual(['ona@example.lt']);
    expect(h.mailer.sent[0]!.text).toMatch(CONFIRM_LINK);
    expect(c.acknowledgement).toMatchObject({ status: 'sent', identityRequested: true });
  });

  it('no verdicts at all (an event without them) proves nothing: no link', async () => {
    await deliver(mailLines('Ona <ona@example.lt>', [], 'Please send me a copy of my personal data.'));
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]!.text).not.toMatch(CONFIRM_LINK);
  });

  it('a sender without "@" (an anonymised Outlook message): stored and flagged, no case, nothing sent, ledger outcome "flagged"', async () => {
    const { result, id } = await deliver(mailLines('"xxxxxxxxxx" <xxxxxxxxxx>', [], 'Prašau ištrinti mano duomenis.'), PASS);
    expect(result).toMatchObject({ outcome: 'flagged', flag: 'invalid_sender', caseId: null });
    expect(h.mailer.sent).toHaveLength(0);
    expect(await h.repo.findBySubject('softera', 'xxxxxxxxxx', 5)).toEqual([]);
    expect((await h.messages.listFlagged('softera', 10)).map((f) => f.flag)).toEqual(['invalid_sender']);
    expect(await ledger.get(id)).toMatchObject({ status: 'done', outcome: 'flagged' });
    expect(await inbound.get(`inbound/${id}`)).toBeDefined();
    // The bare form (the parser finds no address at all) is flagged too, with nothing sent.
    const bare = await deliver(mailLines('xxxxxxxxxx', ['Reply-To: xxxxxxxxxx'], 'Prašau ištrinti mano duomenis.'), PASS);
    expect(bare.result).toMatchObject({ outcome: 'flagged', flag: 'invalid_sender', caseId: null });
    expect(h.mailer.sent).toHaveLength(0);
  });

  it('an invalid domain is flagged the same way', async () => {
    const { result } = await deliver(mailLines('Ona <ona@localhost>', [], 'Prašau ištrinti mano duomenis.'), PASS);
    expect(result).toMatchObject({ outcome: 'flagged', flag: 'invalid_sender' });
    expect(h.mailer.sent).toHaveLength(0);
  });

  it('an SMTPUTF8 address is kept as written, the case opens flagged "cannot answer by e-mail", and nothing is handed to SES', async () => {
    const id = `d${++n}`;
    await inbound.put(`inbound/${id}`, crlf(mailLines('=?utf-8?B?SsWrcmF0xJc=?= <jūratė@example.lt>', [], 'Prašau ištrinti mano paskyrą.')), 'message/rfc822');
    const result = await processInbound(deps, { rawKey: `inbound/${id}`, receivedAt: new Date('2026-11-23T08:59:00Z'), recipients: [tenantRegistry.get('softera').mailbox], deliveryId: id, authentication: PASS });
    expect(result.outcome).toBe('created');
    // The workflow's identity request cannot go out either: the step fails, and the workflow flags the case for staff.
    expect((await intakeCase(workflowDeps, { tenantId: 'softera', caseId: result.caseId! })).route).toBe('subject_identity');
    await expect(awaitSubject(workflowDeps, { tenantId: 'softera', caseId: result.caseId!, taskToken: 't', notice: 'identity_request' })).rejects.toThrow('cannot answer by e-mail');
    const c = (await h.repo.getCase('softera', result.caseId!))!;
    expect(c.subject.email).toBe('jūratė@example.lt');
    expect(c.sender?.cannotAnswerByEmail).toContain('cannot answer by e-mail');
    expect(c.identity.acceptedMethods).toContain('qes');
    expect(h.mailer.sent).toHaveLength(0);
    expect((await h.messages.listFlagged('softera', 10)).map((f) => f.flag)).toContain('cannot_answer_by_email');
  });

  it.each(tenantRegistry.list().map((t) => t.id))('%s: one message reaches the subject at intake (no second mail in the same minute)', async (tenantId) => {
    await deliver(mailLines('Ona Petraitienė <ona@example.lt>', [], 'Prašau ištrinti mano asmens duomenis.', tenantId), PASS, tenantId);
    await deliver(mailLines('Tom Smith <tom@example.com>', [], 'Please delete my account and all my data.', tenantId), PASS, tenantId);
    for (const address of ['ona@example.lt', 'tom@example.com']) {
      const mails = h.mailer.sent.filter((m) => m.to.includes(address));
      expect(mails, address).toHaveLength(1);
      expect(mails[0]!.text).toMatch(/What is missing:|Trūksta:/);
    }
  });

  it('an uncertain request waits for staff: no "no identity check is needed", the workflow waits, the confirmation resumes it', async () => {
    const { result, plan } = await deliver(mailLines('Ona Petraitienė <ona@example.lt>', [], 'Laba diena, rašau dėl savo asmens duomenų.'), PASS);
    expect(plan?.route).toBe('rights_confirmation');
    const c = (await h.repo.getCase('softera', result.caseId!))!;
    expect(c.rightsConfirmation).toMatchObject({ status: 'needed' });
    expect(c.status).toBe('received');
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]!.text).not.toContain('Tapatybės tikrinti nereikia');
    expect(h.mailer.sent[0]!.text).toContain('patvirtins, kokiomis teisėmis');
    // The workflow stored its wait (the ASL does this with the task token).
    await h.repo.saveCase({ ...c, waiting: { step: 'rights_confirmation', taskToken: 'tok-1', since: '2026-11-23T09:00:00Z' }, version: c.version + 1 }, []);
    const confirmed = await confirmRights({ ...workflowDeps }, { tenantId: 'softera', caseId: c.id, rights: [{ type: 'access' }], actor: { kind: 'staff', id: 'agent-1' } });
    expect(confirmed.rightsConfirmation).toMatchObject({ status: 'confirmed', confirmedBy: 'agent-1' });
    expect(confirmed.identity.status).toBe('pending');
    expect(decisions).toEqual([{ token: 'tok-1', output: { decision: 'confirmed' } }]);
    // Intake runs again: now identity is asked for (a new event, so a second e-mail is right).
    expect((await intakeCase(workflowDeps, { tenantId: 'softera', caseId: c.id })).route).toBe('subject_identity');
  });
});
