import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import type { Case } from '#domain/case.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { provedIdentifiers } from '#domain/fulfilment/identifiers.ts';
import { FulfilmentRegisterSchema, type PgConnector } from '#domain/fulfilment/register.ts';
import { eraseQuery, readQuery, subjectKeyQuery } from '#domain/fulfilment/sql.ts';
import { planTasks } from '#domain/fulfilment/tasks.ts';
import { alertsToSend, DEFAULT_WORKFLOW_SETTINGS, timerPoints } from '#domain/workflow.ts';
import { openCase } from '#domain/open-case.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { SEED_REGISTERS } from '#tenants/fulfilment/registers.ts';
import { bajtelRegister } from '#tenants/fulfilment/bajtel.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildStaffOpenApi } from '#http/staff-openapi.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { addTask } from '#usecases/fulfilment/tasks.ts';
import { InMemoryTaskDataStore } from '#adapters/memory/fulfilment.ts';

const NOW = new Date('2027-03-02T10:00:00Z');

function bajtelCase(rights: Array<'access' | 'erasure'>, patch: Partial<Case> = {}): Case {
  const opened = openCase({
    tenant: tenantRegistry.get('bajtel'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'email',
    receivedAt: new Date('2027-03-01T08:00:00Z'),
    request: { rights: rights.map((type) => ({ type })), subject: { name: 'Ona Petraitienė', email: 'Ona.Petraitiene@example.lt' } },
    actor: { kind: 'subject', id: 'ona' },
    earlierRequests: [],
    now: NOW,
  });
  return { ...opened.case, ...patch };
}

const shop = bajtelRegister.systems[0]!.connector as PgConnector;

describe('staff fulfilment OpenAPI', () => {
  it('is current in docs/staff-fulfilment-openapi.json', () => {
    expect(JSON.parse(readFileSync('docs/staff-fulfilment-openapi.json', 'utf8'))).toEqual(buildStaffOpenApi());
  });
});

describe('fulfilment registers', () => {
  it('gives every tenant a validated register whose clauses exist in its policy, examples marked', () => {
    expect(SEED_REGISTERS.map((r) => r.tenantId).sort()).toEqual(tenantRegistry.list().map((t) => t.id).sort());
    for (const register of SEED_REGISTERS) {
      const text = readFileSync(tenantRegistry.get(register.tenantId).policyDocument, 'utf8');
      for (const entry of [...register.systems, ...register.recipients]) {
        for (const [, clause] of entry.source.matchAll(/§(\d+(?:\.\d+)*)/g)) {
          expect(new RegExp(`^\\s*${clause!.replaceAll('.', '\\.')}(\\.|\\s|[A-Za-z])`, 'm').test(text), `${register.tenantId} ${entry.id}: ${entry.source}`).toBe(true);
        }
        // None of the five policies names a concrete system or processor: each entry is an example.
        expect(entry.example, `${register.tenantId} ${entry.id}`).toBe(true);
      }
    }
  });

  it('refuses a masking statement that sets a column outside its allow-list', () => {
    const erasures = shop.erasures.map((e) => (e.name === 'mask_orders' ? { ...e, set: { ...e.set, total_eur: null } } : e));
    const bad = { ...bajtelRegister, systems: [{ ...bajtelRegister.systems[0]!, connector: { ...shop, erasures } }, bajtelRegister.systems[1]!] };
    expect(FulfilmentRegisterSchema.safeParse(bad).success).toBe(false);
    expect(FulfilmentRegisterSchema.safeParse(bajtelRegister).success).toBe(true);
  });
});

describe('verified identifiers', () => {
  it('e-mail control proves the address; a pending identity proves nothing; a QES proves the personal code', () => {
    const verified = bajtelCase(['access'], { identity: { status: 'verified', method: 'email_control', acceptedMethods: ['email_control'], rule: 'x', assertionSupplied: false, evidence: { method: 'email_control', verdict: 'verified', reasons: [], matched: 'requester', reviewer: null, checkedAt: NOW.toISOString() } } });
    expect(provedIdentifiers(verified)).toEqual([{ kind: 'email', value: 'ona.petraitiene@example.lt', method: 'email_control', provedAt: NOW.toISOString() }]);
    expect(provedIdentifiers(bajtelCase(['access']))).toEqual([]);
    const qes = bajtelCase(['access'], { identity: { status: 'verified', method: 'qes', acceptedMethods: ['qes'], rule: 'x', assertionSupplied: false, evidence: { method: 'qes', verdict: 'verified', reasons: [], signer: { name: 'ONA PETRAITIENĖ', personalCode: '48501011234' }, matched: 'requester', reviewer: null, checkedAt: NOW.toISOString() } } });
    expect(provedIdentifiers(qes)).toEqual([expect.objectContaining({ kind: 'personal_code', value: '48501011234', method: 'qes' })]);
    const partner = bajtelCase(['access'], { identity: { status: 'verified', method: 'partner_assertion', acceptedMethods: ['partner_assertion'], rule: 'x', assertionSupplied: true, evidence: { method: 'partner_assertion', verdict: 'verified', reasons: [], partnerSubject: 'cust-1001', matched: 'requester', reviewer: null, checkedAt: NOW.toISOString() } } });
    expect(provedIdentifiers(partner)).toEqual([expect.objectContaining({ kind: 'customer_id', value: 'cust-1001' })]);
  });
});

describe('PostgreSQL statements', () => {
  it('binds only verified identifiers and keys as parameters; names are quoted from the register', () => {
    expect(subjectKeyQuery(shop, [], false)).toBeNull();
    const q = subjectKeyQuery(shop, [{ kind: 'email', value: "x' OR 1=1 --", method: 'email_control', provedAt: '' }], true)!;
    expect(q.text).toBe('SELECT "id" AS key FROM "customers" WHERE lower("email") = lower($1) ORDER BY 1 FOR UPDATE');
    expect(q.values).toEqual(["x' OR 1=1 --"]);
    const read = readQuery(shop.reads[1]!, [1001]);
    expect(read.text).toBe('SELECT "order_no", "placed_at", "total_eur", "delivery_name", "delivery_address", "delivery_phone", "status" FROM "orders" WHERE "customer_id" = ANY($1) ORDER BY 1');
    const mask = eraseQuery(shop.erasures.find((e) => e.name === 'mask_orders')!, [1001]);
    expect(mask.text).toBe('UPDATE "orders" SET "delivery_name" = $2, "delivery_address" = NULL, "delivery_phone" = NULL WHERE "customer_id" = ANY($1) AND ("delivery_name" IS DISTINCT FROM $2 OR "delivery_address" IS NOT NULL OR "delivery_phone" IS NOT NULL) RETURNING 1');
    expect(mask.values).toEqual([[1001], 'ERASED']);
  });
});

describe('tasks', () => {
  it('plans one task per right and system, recipients by category, due 7 days before the legal deadline', () => {
    const access = planTasks(bajtelCase(['access']), bajtelRegister, NOW);
    expect(access.map((t) => [t.id, t.connector, t.status])).toEqual([
      ['access:shop_db', 'postgres', 'open'],
      ['access:newsletter', 'manual', 'open'],
      ['access:courier', 'notice', 'done'],
      ['access:debt_recovery', 'notice', 'done'],
    ]);
    const c = bajtelCase(['erasure']);
    const erasure = planTasks(c, bajtelRegister, NOW);
    expect(erasure.filter((t) => t.target.kind === 'recipient').map((t) => [t.id, t.status])).toEqual([
      ['erasure:courier', 'open'],
      ['erasure:debt_recovery', 'open'],
    ]);
    expect(Date.parse(c.dueAt) - Date.parse(erasure[0]!.dueAt)).toBe(7 * 86_400_000);
    expect(Date.parse(erasure[0]!.dueAt) - Date.parse(erasure[0]!.remindAt!)).toBe(2 * 86_400_000);
  });

  it('the deadline timer reminds and escalates each open task on its own', () => {
    const tasks = planTasks(bajtelCase(['access']), bajtelRegister, NOW);
    const c = bajtelCase(['access'], { status: 'in_progress', fulfilment: { identifiers: [], plannedAt: NOW.toISOString(), tasks } });
    const points = timerPoints(c, DEFAULT_WORKFLOW_SETTINGS).filter((p) => p.taskId);
    expect(points.map((p) => `${p.kind}:${p.taskId}`).sort()).toEqual(['task_overdue:access:newsletter', 'task_overdue:access:shop_db', 'task_reminder:access:newsletter', 'task_reminder:access:shop_db']);
    expect(alertsToSend(points.filter((p) => p.kind === 'task_overdue'))).toHaveLength(2);
  });

  it('refuses to approve the answer while a task is open (409)', async () => {
    const repo = new InMemoryCaseRepository();
    const tasks = planTasks(bajtelCase(['access']), fulfilmentRegisters.get('bajtel'), NOW);
    const c = bajtelCase(['access'], {
      status: 'awaiting_approval',
      waiting: { step: 'approval', taskToken: 'tok', since: NOW.toISOString() },
      draft: { body: 'Answer', draftedBy: 'agent-1', draftedAt: NOW.toISOString() },
      fulfilment: { identifiers: [], plannedAt: NOW.toISOString(), tasks },
    });
    await repo.createCase(c, []);
    const deps = { tenants: tenantRegistry, repo, clock: { now: () => NOW }, workflows: { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined } };
    const approve = () => decide(deps, { tenantId: 'bajtel', caseId: 'c1', step: 'approval', decision: 'approve', actor: { kind: 'staff', id: 'approver-1' }, role: 'approver' });
    await expect(approve()).rejects.toBeInstanceOf(ConflictError);
    const stored = (await repo.getCase('bajtel', 'c1'))!;
    const finished = { ...stored.fulfilment!, tasks: stored.fulfilment!.tasks.map((t) => ({ ...t, status: 'skipped' as const, skipped: { reason: 'test', by: 'a', at: NOW.toISOString() } })) };
    await repo.saveCase({ ...stored, fulfilment: finished, version: stored.version + 1 }, []);
    await expect(approve()).resolves.toMatchObject({ outcome: 'approved' });
  });

  it('adds a task once; a target outside the register is refused, a case not in the tenant is not found (never a crash)', async () => {
    const repo = new InMemoryCaseRepository();
    const c = bajtelCase(['access'], { fulfilment: { identifiers: [], plannedAt: NOW.toISOString(), tasks: planTasks(bajtelCase(['access']), fulfilmentRegisters.get('bajtel'), NOW) } });
    await repo.createCase(c, []);
    const deps = { repo, clock: { now: () => NOW }, registers: fulfilmentRegisters, data: new InMemoryTaskDataStore() };
    const add = (tenantId: string) => addTask(deps, { tenantId, caseId: 'c1', right: 'access', targetId: 'debt_recovery', reason: 'The subject names the agency.', actor: { kind: 'staff', id: 'agent-1' } });
    const added = await add('bajtel');
    expect(added.fulfilment!.tasks.filter((t) => t.id === 'access:debt_recovery')).toHaveLength(1);
    expect((await add('bajtel')).fulfilment!.tasks.filter((t) => t.id === 'access:debt_recovery')).toHaveLength(1);
    await expect(add('softera')).rejects.toBeInstanceOf(ValidationError); // not in softera's register
    await expect(addTask(deps, { tenantId: 'bajtel', caseId: 'nope', right: 'access', targetId: 'debt_recovery', reason: 'x', actor: { kind: 'staff', id: 'agent-1' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
