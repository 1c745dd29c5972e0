import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import type { ValidationReportSummary } from '#domain/validation-report.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import { queryCasePartition } from './case-partition.ts';
import { caseKey } from './keys.ts';

/**
 * Validation reports in the case's partition, SK `VREPORT#<file sha256>`: kept with the case
 * (not in the evidence bucket, whose objects expire after 30 days), a few KB each. The XML
 * travels in `data` with its summary; listing reads both (a case has a handful at most).
 */
export const VALIDATION_REPORT_PREFIX = 'VREPORT#';

// Written only by save() below; the shape check is kept light (this store ships in the console bundle).
// Built on its first read (z.lazy): not every invocation of the functions that load this module reads one.
const StoredReportSchema = z.lazy(() => z.object({
  summary: z.custom<ValidationReportSummary>((v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string'),
  xml: z.string(),
}));

export class DynamoValidationReportStore implements ValidationReportStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async save(tenantId: string, caseId: string, summary: ValidationReportSummary, xml: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: caseKey(tenantId, caseId).PK, SK: `${VALIDATION_REPORT_PREFIX}${summary.id}`, type: 'validation-report', data: { summary, xml } },
      }),
    );
  }

  async list(tenantId: string, caseId: string): Promise<readonly ValidationReportSummary[]> {
    const items = await queryCasePartition(this.doc, this.tableName, tenantId, caseId, VALIDATION_REPORT_PREFIX, StoredReportSchema);
    return items.map((i) => i.summary);
  }

  async xml(tenantId: string, caseId: string, id: string): Promise<string | null> {
    const items = await queryCasePartition(this.doc, this.tableName, tenantId, caseId, `${VALIDATION_REPORT_PREFIX}${id}`, StoredReportSchema);
    return items.find((i) => i.summary.id === id)?.xml ?? null;
  }
}
