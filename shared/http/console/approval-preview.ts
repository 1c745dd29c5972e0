import { dataFiles } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { renderNotice } from '#templates/notices.ts';

/**
 * The drafted answer as the subject will receive it: the same template and the same data files
 * the answer step sends (workflow/conclude.ts), with staff's files named as attachments. Their
 * bytes are not read here: the preview names them, the approver opens them from the draft.
 * Example: `approvalPreview(tenant, c, now)` → `{ subject, text, dataFiles: ['GAU-…-data.json', …] }`.
 */
export function approvalPreview(tenant: TenantConfig, c: Case, now: Date): { subject: string; text: string; dataFiles: string[] } | null {
  const draft = c.draft;
  if (!draft) return null;
  const data = draft.answer?.data ? dataFiles(c.reference, draft.answer.data, now) : [];
  const staffFiles = (draft.files ?? []).map((f) => ({ filename: f.filename, contentType: f.contentType, content: new Uint8Array() }));
  const attachments = [...data, ...staffFiles];
  // As conclude.ts: a request that only objects to direct marketing gets the confirmation instead.
  const marketingOnly = c.rights.every((r) => r.type === 'direct_marketing_objection');
  const rendered = marketingOnly
    ? renderNotice(tenant, c, { kind: 'marketing_objection_confirmed', body: draft.body })
    : renderNotice(tenant, c, { kind: 'answer', body: draft.body, ...(draft.answer ? { answer: draft.answer } : {}), ...(attachments.length ? { attachments } : {}) });
  return { subject: rendered.subject, text: rendered.text, dataFiles: marketingOnly ? [] : data.map((f) => f.filename) };
}
