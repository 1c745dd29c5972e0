import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { shopDatabaseConnector } from './shop-database.ts';

const owner = (role: string) => ({ staffId: `${role}@bajtel.local`, email: `${role}@bajtel.local` });

/**
 * BAJTEL.LT (eleme.lt), policy 002. The policy names categories (§3.1), sources (§4.1), purposes
 * (§5.1–§5.4), recipient categories (§8.1) and storage (§12.1) but no systems or named recipients:
 * every system and recipient below is an example for the controller to replace.
 */
export const bajtelRegister = {
  tenantId: 'bajtel',
  taskDueDaysBefore: 7,
  taskReminderDaysBefore: 2,
  systems: [
    {
      id: 'shop_db',
      name: 'eleme.lt shop database (customers, orders, newsletter, loyalty)',
      owner: owner('agent'),
      categories: ['name, surname', 'e-mail address', 'telephone number', 'address', 'orders'],
      rights: ['access', 'portability', 'erasure', 'rectification'],
      searchableBy: ['email', 'personal_code', 'customer_id'],
      retention: 'As long as needed for the purposes; invoices as accounting law requires (002 §12.1).',
      connector: shopDatabaseConnector('bajtel_shop', { reason: 'Accounting documents must be kept.', legalBasis: 'GDPR Art. 17(3)(b); Law on Accounting of the Republic of Lithuania' }),
      source: '002 §3.1',
      example: true,
    },
    {
      id: 'newsletter',
      name: 'Newsletter service (mailing list)',
      owner: owner('agent'),
      categories: ['e-mail address', 'name'],
      rights: ['access', 'erasure', 'direct_marketing_objection', 'consent_withdrawal'],
      searchableBy: ['email'],
      retention: 'Until consent is withdrawn (002 §5.4).',
      connector: { kind: 'manual', instructions: 'Search the mailing list by the verified e-mail address; export or unsubscribe and delete the contact.' },
      source: '002 §5.4',
      example: true,
    },
  ],
  recipients: [
    {
      id: 'courier',
      name: 'Parcel courier (product delivery service provider)',
      kind: 'courier',
      role: 'processor',
      owner: owner('agent'),
      categories: ['name, surname', 'telephone number', 'address'],
      contact: { kind: 'email', email: 'privacy@courier.example' },
      replyDays: 14,
      source: '002 §8.1',
      example: true,
    },
    {
      id: 'debt_recovery',
      name: 'Debt recovery service provider',
      kind: 'creditor',
      role: 'controller',
      owner: owner('approver'),
      categories: ['name, surname', 'address', 'financial information'],
      contact: { kind: 'email', email: 'dpo@debt-recovery.example' },
      replyDays: 14,
      source: '002 §8.1',
      example: true,
    },
  ],
} satisfies FulfilmentRegister;
