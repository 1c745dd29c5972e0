import { describe, expect, it } from 'vitest';
import { classifyAutomated, type MailSignals } from '#domain/automated-mail.ts';

const human: MailSignals = { headers: {}, contentType: 'text/plain; charset=utf-8', from: 'ona@example.lt', subject: 'Prašymas' };
const mail = (over: Partial<MailSignals>): MailSignals => ({ ...human, ...over });

describe('classifyAutomated', () => {
  it('passes ordinary mail from a person', () => {
    expect(classifyAutomated(human).kind).toBeNull();
    expect(classifyAutomated(mail({ headers: { 'auto-submitted': 'no' } })).kind).toBeNull();
    // Outlook puts this on ordinary mail too.
    expect(classifyAutomated(mail({ headers: { 'x-auto-response-suppress': 'DR, RN, NRN' } })).kind).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }],
    [{ 'auto-submitted': 'auto-generated' }],
    [{ precedence: 'bulk' }],
    [{ precedence: 'junk' }],
    [{ precedence: 'list' }],
    [{ 'x-autoreply': 'yes' }],
    [{ 'x-autorespond': 'vacation' }],
    [{ 'x-auto-response-suppress': 'All' }],
    [{ 'list-id': '<news.example.lt>' }],
  ])('says auto_reply when the headers are %j', (headers) => {
    expect(classifyAutomated(mail({ headers })).kind).toBe('auto_reply');
  });

  it('says auto_reply when the subject is an out-of-office note', () => {
    expect(classifyAutomated(mail({ subject: 'Automatic reply: Request received' })).kind).toBe('auto_reply');
    expect(classifyAutomated(mail({ subject: 'Automatinis atsakymas: Prašymas gautas' })).kind).toBe('auto_reply');
  });

  it('says bounce when the mail is a multipart/report delivery status notification', () => {
    expect(classifyAutomated(mail({ contentType: 'multipart/report; report-type=delivery-status; boundary=x' })).kind).toBe('bounce');
  });

  it('says auto_reply, not bounce, when the report is a read receipt', () => {
    expect(classifyAutomated(mail({ contentType: 'multipart/report; report-type=disposition-notification' })).kind).toBe('auto_reply');
  });

  it('says bounce when MAILER-DAEMON or postmaster writes', () => {
    expect(classifyAutomated(mail({ from: 'MAILER-DAEMON@mx.example.lt' })).kind).toBe('bounce');
    expect(classifyAutomated(mail({ headers: { 'x-failed-recipients': 'ona@example.lt' } })).kind).toBe('bounce');
  });
});
