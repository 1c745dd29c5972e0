import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { Case } from '#domain/case.ts';
import { ValidationError } from '#domain/errors.ts';
import { listCaseMessages, searchCases } from '#usecases/staff-cases.ts';
import { staffCaseDetail, type StaffCaseDetail } from '#usecases/staff-case-detail.ts';
import { registerSubjectReply } from '#usecases/workflow/register-reply.ts';
import { parseWith, readJson } from '../body.ts';
import { StaffReplySchema } from './schemas.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { noWorkflows, notConfigured } from './not-configured.ts';

const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
const SearchQuery = z.lazy(() => z.object({ q: z.string().check(z.trim(), z.minLength(1), z.maxLength(254)) }));

/** What staff see of a case in a result list: enough to pick the right one. */
function caseSummary(c: Case) {
  return {
    id: c.id,
    reference: c.reference,
    channel: c.channel,
    status: c.status,
    language: c.language,
    receivedAt: c.receivedAt,
    dueDate: c.dueDate,
    dueAt: c.dueAt,
    subject: { name: c.subject.name, ...(c.subject.email ? { email: c.subject.email } : {}) },
    rights: c.rights.map((r) => ({ type: r.type, status: r.status, ...(r.details ? { details: r.details } : {}) })),
    acknowledgement: c.acknowledgement,
  };
}

/** The full case for staff; the workflow's task token never leaves the server. */
function staffCaseJson(d: StaffCaseDetail) {
  const { timer, ...all } = d.case;
  const c: Omit<typeof all, 'waiting'> & { waiting?: unknown } = { ...all };
  delete c.waiting;
  return {
    ...c,
    waiting: d.waiting,
    nextActor: d.nextActor,
    flags: { ...d.flags, ...(c.repeat ? { repeatRule: c.repeat } : {}) },
    daysLeft: d.daysLeft,
    deadlinesInForce: d.deadlinesInForce,
    clock: d.clock,
    alertsSent: timer?.fired ?? [],
    timeline: d.events.map((e) => ({ seq: e.seq, at: e.at, type: e.type, actor: e.actor, visibility: e.visibility, summary: e.summary, ...(e.details ? { details: e.details } : {}) })),
  };
}

/**
 * Staff read access to cases and their messages (mounted under `/console/api`). The tenant comes
 * only from the staff token, so another tenant's case is a 404.
 */
export function consoleCaseRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  api.get('/cases', async (c) => {
    const { q } = parseWith(SearchQuery, c.req.query(), 'query');
    const cases = await searchCases(deps, { tenantId: c.get('staff').tenantId, q });
    return c.json({ items: cases.map(caseSummary) });
  });

  api.get('/cases/:id', async (c) => {
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const detail = await staffCaseDetail(deps, { tenantId: c.get('staff').tenantId, caseId: id });
    return c.json(staffCaseJson(detail));
  });

  // The subject's answer to the details asked for, when it came on paper, in person or by phone.
  api.post('/cases/:id/replies', async (c) => {
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const staff = c.get('staff');
    const body = await readJson(c, StaffReplySchema);
    if (!deps.workflows) throw noWorkflows();
    await registerSubjectReply(
      { ...deps, workflows: deps.workflows },
      { tenantId: staff.tenantId, caseId: id, note: body.note, via: body.via ?? 'post', ...(body.receivedAt ? { receivedAt: body.receivedAt } : {}), actor: { kind: 'staff', id: staff.userId } },
    );
    return c.json(staffCaseJson(await staffCaseDetail(deps, { tenantId: staff.tenantId, caseId: id })), 202);
  });

  api.get('/cases/:id/messages', async (c) => {
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    if (!deps.messages) throw notConfigured('The message store');
    const messages = await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: c.get('staff').tenantId, caseId: id });
    return c.json({
      items: messages.map((m) => ({
        id: m.id,
        direction: m.direction,
        channel: m.channel,
        at: m.at,
        subject: m.subject,
        messageId: m.messageId,
        inReplyTo: m.inReplyTo,
        references: m.references,
        from: m.from,
        to: m.to,
        raw: m.raw,
        attachments: m.attachments,
        ...(m.notice ? { notice: m.notice } : {}),
        ...(m.classification ? { classification: m.classification } : {}),
        ...(m.automated ? { automated: m.automated } : {}),
      })),
    });
  });

  api.get('/inbound/flagged', async (c) => {
    if (!deps.messages) throw notConfigured('The message store');
    const items = await deps.messages.listFlagged(c.get('staff').tenantId, 100);
    return c.json({ items });
  });

  return api;
}
