/**
 * The single table's key design, shared by the DynamoDB adapter, the local stack (which creates
 * the table in DynamoDB Local) and CDK (which creates it on AWS). See README "Data model".
 */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Attribute holding an epoch-seconds expiry; DynamoDB TTL deletes such items (not DynamoDB Local). */
  ttlAttribute: 'expiresAt',
} as const;

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** Global secondary indexes; every request path queries one of these, never scans. */
export const TABLE_INDEXES = {
  /** Tenant + status, sorted by due instant: the console's status tabs and deadline sweeps. */
  byStatusDue: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /** Tenant + open/closed, sorted by due instant: the inbox of all open cases. */
  byQueueDue: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  /** Tenant + subject key, sorted by receipt: repeat-request detection and search by e-mail. */
  bySubject: { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  /**
   * Tenant + month of receipt (UTC), sorted by receipt: the register of requests (cases and the
   * tombstones purged cases leave) for a period, whatever their status or due date.
   */
  byReceipt: { name: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
} as const satisfies Record<string, IndexDefinition>;

/** Every key attribute is a string. */
export const KEY_ATTRIBUTES: readonly string[] = [
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...Object.values(TABLE_INDEXES).flatMap((i) => [i.partitionKey, i.sortKey]),
];
