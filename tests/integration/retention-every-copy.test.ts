import { describe, expect, inject, it } from 'vitest';
import { DynamoCaseRecordEraser } from '#adapters/dynamodb/case-record-eraser.ts';
import { DynamoInboundLedger } from '#adapters/dynamodb/inbound-ledger.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { asFunction } from '../../local/iam/enforce.ts';
import { dynamoClientFor } from './helpers.ts';

const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
const tableName = inject('tableName');

/**
 * The purge's table eraser on DynamoDB Local, under the accountability sweep's IAM role: a purged
 * case's received mail leaves no inbound-ledger entry and no flagged-mail item (those are keyed by
 * delivery, not by case), while another delivery's stay.
 */
describe('retention: the inbound ledger and flagged mail of a purged case', () => {
  it('deletes the ledger entry and the flagged items of each received e-mail, and nothing else', async () => {
    const ledger = new DynamoInboundLedger(dynamo, tableName);
    const messages = new DynamoMessageStore(dynamo, tableName);
    const eraser = new DynamoCaseRecordEraser(dynamo, tableName);
    const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const at = '2012-05-02T08:00:00.000Z';
    const gone = `gone-${run}`;
    const kept = `kept-${run}`;
    for (const id of [gone, kept]) {
      await ledger.record({ deliveryId: id, rawKey: `inbound/${id}`, receivedAt: at, recipients: ['privacy@bajtel.lt'], tenantId: 'bajtel', nextAttemptAt: at });
      await messages.flag({ id: `${id}#auto_reply`, tenantId: 'bajtel', at, flag: 'auto_reply', reason: 'Looked automated', rawKey: `inbound/${id}` });
    }
    expect(await ledger.get(gone)).not.toBeNull();

    const footprint = { tenantId: 'bajtel', caseId: `case-${run}`, reference: `BAJ-2012-${run}`, threadIds: [], eventSeqs: [], printIds: [], inboundDeliveries: [{ id: gone, at }] };
    await asFunction('accountability-sweep', () => eraser.eraseAround(footprint));
    // Idempotent: a resumed purge finds nothing more to delete.
    await asFunction('accountability-sweep', () => eraser.eraseAround(footprint));

    expect(await ledger.get(gone)).toBeNull();
    expect(await ledger.get(kept)).not.toBeNull();
    const flagged = (await messages.listFlagged('bajtel', 500)).map((f) => f.id);
    expect(flagged).not.toContain(`${gone}#auto_reply`);
    expect(flagged).toContain(`${kept}#auto_reply`);
  });
});
