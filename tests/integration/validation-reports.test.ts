import { afterAll, describe, expect, inject, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoValidationReportStore } from '#adapters/dynamodb/validation-report-store.ts';
import type { ValidationReportSummary } from '#domain/validation-report.ts';
import { storedCase } from '../support/identity-methods.ts';
import { dynamoClientFor } from './helpers.ts';

/**
 * The ETSI validation reports on DynamoDB Local: kept in the case's partition beside its events
 * (whose reads they must not disturb), one per file (saving again replaces), per case.
 */
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
const reports = new DynamoValidationReportStore(dynamo, inject('tableName'));
const repo = new DynamoCaseRepository(dynamo, inject('tableName'));
afterAll(() => dynamo.destroy());

const summary = (id: string, fileName: string, indication: ValidationReportSummary['indication'] = 'TOTAL_PASSED'): ValidationReportSummary => ({
  id, fileName, format: 'ddoc', indication, subIndication: indication === 'TOTAL_PASSED' ? null : 'HASH_FAILURE', signatureLevel: indication === 'TOTAL_PASSED' ? 'QESig' : 'NA',
  inWords: { en: 'Valid qualified electronic signature of a person.', lt: 'Galiojantis asmens kvalifikuotas elektroninis parašas.' }, provesIdentity: indication === 'TOTAL_PASSED',
  checkedAt: '2026-11-23T09:00:00.000Z', sizeBytes: 40,
});

describe('DynamoValidationReportStore (DynamoDB Local)', () => {
  it('keeps each file’s report with the case, replaces a re-judged file’s, and leaves the case’s events alone', async () => {
    const { c, repo: memory } = await storedCase({ tenant: 'gautora', channel: 'email' });
    const events = await memory.listEvents('gautora', c.id);
    const caseId = crypto.randomUUID();
    await repo.createCase({ ...c, id: caseId, reference: `GAU-2099-${caseId.slice(0, 6)}` }, events.map((e) => ({ ...e, caseId })));
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    await reports.save('gautora', caseId, summary(a, 'prasymas.ddoc'), '<ValidationReport>a1</ValidationReport>');
    await reports.save('gautora', caseId, summary(b, 'kitas.ddoc', 'TOTAL_FAILED'), '<ValidationReport>b</ValidationReport>');
    await reports.save('gautora', caseId, summary(a, 'prasymas.ddoc'), '<ValidationReport>a2</ValidationReport>');
    expect((await reports.list('gautora', caseId)).map((r) => [r.fileName, r.indication])).toEqual([['prasymas.ddoc', 'TOTAL_PASSED'], ['kitas.ddoc', 'TOTAL_FAILED']]);
    expect(await reports.xml('gautora', caseId, a)).toBe('<ValidationReport>a2</ValidationReport>');
    expect(await reports.xml('gautora', caseId, 'c'.repeat(64))).toBeNull();
    expect(await reports.list('softera', caseId)).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(await repo.listEvents('gautora', caseId)).toHaveLength(events.length);
    expect((await repo.getCase('gautora', caseId))?.id).toBe(caseId);
  });
});
