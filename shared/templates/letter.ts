import { localDateOfWallMs } from '#deadlines/civil-date.ts';
import { zoneOffsetMs } from '#deadlines/zone.ts';
import type { Case } from '#domain/case.ts';
import type { LetterDocument } from '#domain/letters.ts';
import type { Notice } from '#domain/notices.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { renderNotice } from './notices.ts';

/**
 * A notice as a printed letter (post, or handed over in person): the controller's letterhead
 * from its configuration, the subject's postal address, the date in the controller's zone, the
 * reference, and the same text the e-mail would carry (case language + official language).
 */
export function letterFor(tenant: TenantConfig, c: Case, notice: Notice, at: Date): LetterDocument {
  const rendered = renderNotice(tenant, c, notice);
  const lt = c.language === 'lt';
  const ctl = tenant.controller;
  const letterhead = [
    ctl.legalName,
    ctl.companyCode ? `${lt ? 'Įmonės kodas' : 'Company code'} ${ctl.companyCode}` : '',
    ctl.address ?? '',
    [ctl.phone, tenant.mailbox, ctl.website].filter(Boolean).join(' · '),
  ].filter((l) => l !== '');
  const recipient = [c.subject.name, ...(c.subject.postalAddress ?? '').split(/\s*(?:\n|;)\s*/)].map((l) => l.trim()).filter((l) => l !== '');
  const date = localDateOfWallMs(at.getTime() + zoneOffsetMs(at.getTime(), tenant.timeZone));
  const city = ctl.address?.match(/LT-\d{5}\s+([^,]+)/)?.[1]?.trim();
  // E-mail phrasing ("reply to this e-mail") reads wrong on paper; the controller's address is in the letterhead.
  const body = rendered.text
    .replace(/Atsakykite į šį laišką\./g, 'Atsakykite mums raštu arba el. paštu.')
    .replace(/Please reply to this e-mail\./g, 'Please reply in writing or by e-mail.')
    .replace(/^-----$/gm, '');
  return {
    letterhead,
    recipient,
    dateLine: city ? `${city}, ${date}` : date,
    referenceLine: `${lt ? 'Nr.' : 'Ref.'} ${c.reference}`,
    title: rendered.subject,
    body,
    language: c.language,
  };
}
