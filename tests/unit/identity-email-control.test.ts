import { describe, expect, it } from 'vitest';
import { FormTokenEmailControlLinks } from '#adapters/forms/email-control-links.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { ValidationError } from '#domain/errors.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { renderNotice } from '#templates/notices.ts';
import { confirmEmailControl, emailControlLink, previewEmailControl } from '#usecases/identity/email-control.ts';
import { awaitSubject } from '#usecases/workflow/await-subject.ts';
import { RecordingAlerts } from '../support/workflow-fakes.ts';
import { MemoryUsedTokens, NOW, NoticeRecorder, RecordingEngine, storedCase, waitingFor } from '../support/identity-methods.ts';

const clock = { now: () => NOW };
const tokens = new JoseFormTokens('s'.repeat(40), { now: () => NOW });
const links = new FormTokenEmailControlLinks(tokens, 'https://privacy.example.lt', clock);
const tokenOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('token')!);

async function world(tenant: string, channel: 'email' | 'api' | 'post' | 'web_form', patch = waitingFor('subject_identity'), request = {}) {
  const { repo, c } = await storedCase({ tenant, channel, patch, request });
  const workflows = new RecordingEngine();
  const used = new MemoryUsedTokens();
  const notifier = new NoticeRecorder();
  const deps = { tenants: tenantRegistry, repo, clock, workflows, tokens, used, notifier, alerts: new RecordingAlerts(clock), settings: DEFAULT_WORKFLOW_SETTINGS, links };
  return { repo, c, workflows, used, notifier, deps };
}

describe('e-mail control links in identity requests', () => {
  it('puts a signed single-use link in the identity request when the channel rule accepts email_control', async () => {
    const w = await world('softera', 'email', { status: 'awaiting_identity' });
    await awaitSubject(w.deps, { tenantId: 'softera', caseId: 'c1', taskToken: 'tok', notice: 'identity_request' });
    const { notice } = w.notifier.sent[0]!;
    expect(notice.identityLink?.url).toMatch(/^https:\/\/privacy\.example\.lt\/forms\/softera\/confirm\?token=/);
    expect(notice.identityLink?.expiresAt).toBe('2027-03-12T10:00:00.000Z'); // valid until the reminder (10 days)
    const text = renderNotice(tenantRegistry.get('softera'), w.notifier.sent[0]!.c, notice).text;
    expect(text).toContain(notice.identityLink!.url);
    expect(text).toContain('vienkartinę nuorodą');
  });

  it('sends no link where the controller does not accept e-mail control (Gautora e-mail: QES only) or the notice goes on paper', async () => {
    const gautora = await world('gautora', 'email', { status: 'awaiting_identity' });
    expect(await emailControlLink(gautora.deps, gautora.c, 'identity_request')).toBeNull();
    const post = await world('softera', 'post', { status: 'awaiting_identity' });
    expect(await emailControlLink(post.deps, post.c, 'identity_request')).toBeNull();
  });

  it('tells the subject exactly what is missing in lt and en (Gautora: QES, no scanned letter, 003 §21.9)', async () => {
    const w = await world('gautora', 'email', { status: 'awaiting_identity' }, { language: 'en' });
    await awaitSubject(w.deps, { tenantId: 'gautora', caseId: 'c1', taskToken: 'tok', notice: 'identity_request' });
    const { notice, c } = w.notifier.sent[0]!;
    expect(notice.missingByLanguage?.en).toContain('A scanned, hand-signed letter is not accepted (003 §21.9).');
    expect(notice.missingByLanguage?.lt).toContain('Nuskenuotas ranka pasirašytas prašymas nepriimamas (003 §21.9).');
    const text = renderNotice(tenantRegistry.get('gautora'), c, notice).text;
    expect(text).toContain('Sign the request with a qualified electronic signature');
    expect(text).toContain('Pasirašykite prašymą kvalifikuotu elektroniniu parašu');
    expect(notice.identityLink).toBeUndefined();
  });
});

describe('web-form requests: the acknowledgement carries the link', () => {
  const acknowledged = (until: string) => ({ status: 'awaiting_identity' as const, acknowledgement: { status: 'sent' as const, at: NOW.toISOString(), confirmationLinkExpiresAt: until } });

  it('does not send a second e-mail while the acknowledgement’s confirmation link is valid, and reminds with a fresh link', async () => {
    const w = await world('softera', 'web_form', acknowledged('2027-03-04T10:00:00.000Z'));
    await awaitSubject(w.deps, { tenantId: 'softera', caseId: 'c1', taskToken: 'tok', notice: 'identity_request' });
    expect(w.notifier.sent).toEqual([]);
    const events = await w.repo.listEvents('softera', 'c1');
    expect(events.at(-1)).toMatchObject({ type: 'identity.requested', details: { via: 'acknowledgement' } });
    expect((await w.repo.getCase('softera', 'c1'))!.waiting).toMatchObject({ step: 'subject_identity', taskToken: 'tok' });

    await awaitSubject(w.deps, { tenantId: 'softera', caseId: 'c1', taskToken: 'tok2', notice: 'identity_reminder' });
    expect(w.notifier.sent.map((s) => s.notice.kind)).toEqual(['identity_reminder']);
    expect(w.notifier.sent[0]!.notice.identityLink?.url).toMatch(/\/forms\/softera\/confirm\?token=/);
  });

  it('asks by e-mail when the link has expired, or when the controller does not accept e-mail control (Gautora)', async () => {
    const expired = await world('softera', 'web_form', acknowledged('2027-03-01T00:00:00.000Z'));
    await awaitSubject(expired.deps, { tenantId: 'softera', caseId: 'c1', taskToken: 'tok', notice: 'identity_request' });
    expect(expired.notifier.sent.map((s) => s.notice.kind)).toEqual(['identity_request']);
    const gautora = await world('gautora', 'web_form', acknowledged('2027-03-04T10:00:00.000Z'));
    await awaitSubject(gautora.deps, { tenantId: 'gautora', caseId: 'c1', taskToken: 'tok', notice: 'identity_request' });
    expect(gautora.notifier.sent.map((s) => s.notice.kind)).toEqual(['identity_request']);
  });
});

describe('confirmEmailControl', () => {
  it('does not use the link up when it is only opened (GET), then verifies identity and resumes the workflow through the decisions use case on POST', async () => {
    const w = await world('softera', 'email');
    const link = await emailControlLink(w.deps, w.c, 'identity_request');
    const token = tokenOf(link!.url);
    expect((await previewEmailControl(w.deps, { tenantId: 'softera', token })).id).toBe('c1');
    expect(w.used.used.size).toBe(0);
    const result = await confirmEmailControl(w.deps, { tenantId: 'softera', token });
    expect(result).toMatchObject({ identityEstablished: true, alreadyUsed: false });
    expect(w.workflows.decisions).toEqual([{ token: 'tok-subject_identity', output: { decision: 'approved' } }]);
    const stored = (await w.repo.getCase('softera', 'c1'))!;
    expect(stored).toMatchObject({ status: 'in_progress', waiting: null, identity: { status: 'verified', method: 'email_control', evidence: { method: 'email_control', verdict: 'verified', matched: 'requester', reviewer: null } } });
    expect((await w.repo.listEvents('softera', 'c1')).at(-1)).toMatchObject({ type: 'decision.approve', summary: 'Identity verified (email_control).' });
  });

  it('refuses a second use of the same link', async () => {
    const w = await world('softera', 'email');
    const token = tokenOf((await emailControlLink(w.deps, w.c, 'identity_request'))!.url);
    await confirmEmailControl(w.deps, { tenantId: 'softera', token });
    expect(await confirmEmailControl(w.deps, { tenantId: 'softera', token })).toMatchObject({ alreadyUsed: true });
    expect(w.workflows.decisions).toHaveLength(1);
  });

  it('refuses a link once the case no longer uses the address it was sent to', async () => {
    const w = await world('softera', 'email');
    const token = tokenOf((await emailControlLink(w.deps, w.c, 'identity_request'))!.url);
    const c = (await w.repo.getCase('softera', 'c1'))!;
    await w.repo.saveCase({ ...c, subject: { ...c.subject, email: 'someone@else.lt' }, version: c.version + 1 }, []);
    await expect(previewEmailControl(w.deps, { tenantId: 'softera', token })).rejects.toBeInstanceOf(ValidationError);
    await expect(confirmEmailControl(w.deps, { tenantId: 'softera', token })).rejects.toBeInstanceOf(ValidationError);
    expect(w.used.used.size).toBe(0);
  });

  it('refuses an expired, forged or other-tenant link', async () => {
    const w = await world('softera', 'email');
    const short = await new FormTokenEmailControlLinks(new JoseFormTokens('s'.repeat(40), { now: () => new Date(NOW.getTime() - 3 * 86_400_000) }), 'https://x', clock).issue({ tenantId: 'softera', caseId: 'c1' }, 'x', 60);
    await expect(previewEmailControl(w.deps, { tenantId: 'softera', token: tokenOf(short.url) })).rejects.toThrow('expired');
    await expect(previewEmailControl(w.deps, { tenantId: 'softera', token: 'a.b.c' })).rejects.toBeInstanceOf(ValidationError);
    const token = tokenOf((await emailControlLink(w.deps, w.c, 'identity_request'))!.url);
    await expect(confirmEmailControl(w.deps, { tenantId: 'gautora', token })).rejects.toThrow('another controller');
  });

  it('records the confirmation but keeps waiting where the rule needs another method', async () => {
    const w = await world('gautora', 'web_form');
    // A link without an address digest (as the web form's links issued before) still works for its case.
    const plain = await tokens.issue({ purpose: 'confirm', tenantId: 'gautora', caseId: 'c1', jti: 'j1' }, 3600);
    const result = await confirmEmailControl(w.deps, { tenantId: 'gautora', token: plain });
    expect(result).toMatchObject({ identityEstablished: false, alreadyUsed: false });
    expect((await w.repo.getCase('gautora', 'c1'))!.identity.status).toBe('pending');
    expect(w.workflows.decisions).toEqual([]);
  });
});
