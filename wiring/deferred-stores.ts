// The stores the HTTP functions make on their first call (lazyAdapter), in one module: esbuild
// makes a chunk for each dynamic import and one more for each set of them that shares a module,
// so one import per store split the helpers they share with the case repository (key layout,
// queries, records) into a dozen sub-kilobyte chunks that the console's first request then loaded
// one by one (24 files instead of 17; 20 with this module; issue 15). Together they are one
// chunk, loaded by the first call to any of them.
export { DynamoInboundLedger } from '#adapters/dynamodb/inbound-ledger.ts';
export { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
export { DynamoNoticeOutbox } from '#adapters/dynamodb/notice-outbox.ts';
export { DynamoPrintQueue } from '#adapters/dynamodb/print-queue.ts';
export { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
export { DynamoValidationReportStore } from '#adapters/dynamodb/validation-report-store.ts';
export { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
export { S3BlobEraser } from '#adapters/s3/blob-eraser.ts';
