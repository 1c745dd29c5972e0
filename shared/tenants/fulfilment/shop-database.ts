import type { PgConnector } from '#domain/fulfilment/register.ts';

/**
 * The demo shop database both e-shops run on in the local stack (local/postgres/seed.sql):
 * customers, orders, newsletter subscriptions, loyalty points. A controller with another schema
 * writes its own statements; these show every kind once.
 */
export function shopDatabaseConnector(database: string, invoices: { readonly legalBasis: string; readonly reason: string }): PgConnector {
  return {
    kind: 'postgres',
    database,
    // The subject's customer row, found only by a verified identifier (never by a claimed name).
    subject: {
      table: 'customers',
      key: 'id',
      match: [
        { column: 'email', identifier: 'email', caseInsensitive: true },
        { column: 'personal_code', identifier: 'personal_code' },
        { column: 'id', identifier: 'customer_id' },
      ],
    },
    reads: [
      { name: 'customer_account', table: 'customers', key: 'id', columns: ['id', 'email', 'first_name', 'last_name', 'phone', 'address', 'created_at'], category: 'Account' },
      { name: 'customer_orders', table: 'orders', key: 'customer_id', columns: ['order_no', 'placed_at', 'total_eur', 'delivery_name', 'delivery_address', 'delivery_phone', 'status'], category: 'Orders' },
      { name: 'newsletter_subscription', table: 'newsletter_subscriptions', key: 'customer_id', columns: ['email', 'subscribed_at', 'source'], category: 'Newsletter subscription' },
      { name: 'loyalty_points', table: 'loyalty_points', key: 'customer_id', columns: ['points', 'reason', 'earned_at'], category: 'Loyalty points' },
    ],
    // Order: dependants first; the customer row is masked last so every step still finds its keys.
    erasures: [
      { name: 'delete_newsletter', table: 'newsletter_subscriptions', key: 'customer_id', action: 'delete', category: 'Newsletter subscription' },
      { name: 'delete_loyalty', table: 'loyalty_points', key: 'customer_id', action: 'delete', category: 'Loyalty points' },
      {
        name: 'mask_orders',
        table: 'orders',
        key: 'customer_id',
        action: 'mask',
        columns: ['delivery_name', 'delivery_address', 'delivery_phone'],
        set: { delivery_name: 'ERASED', delivery_address: null, delivery_phone: null },
        kept: { data: 'Order numbers, dates and amounts (invoices)', reason: invoices.reason, legalBasis: invoices.legalBasis },
        category: 'Orders',
      },
      {
        name: 'mask_customer',
        table: 'customers',
        key: 'id',
        action: 'mask',
        columns: ['email', 'first_name', 'last_name', 'phone', 'address', 'personal_code'],
        set: { email: null, first_name: 'ERASED', last_name: 'ERASED', phone: null, address: null, personal_code: null },
        kept: { data: 'The customer number the kept invoices refer to', reason: invoices.reason, legalBasis: invoices.legalBasis },
        category: 'Account',
      },
    ],
  };
}
