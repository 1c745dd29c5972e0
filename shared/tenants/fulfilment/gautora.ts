import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { shopDatabaseConnector } from './shop-database.ts';

const owner = (role: string) => ({ staffId: `${role}@gautora.local`, email: `${role}@gautora.local` });

/**
 * GAUTORA, policy 003: orders and accounting kept 50 years (§7.1.1), newsletters (§8.3.1) and the
 * loyalty card programme (§8.3.2) by consent, processors "e-shop developers; server maintenance
 * companies" (§6.4). The systems and the processors' contacts are examples for the controller to
 * replace; the categories and retention are the policy's.
 */
export const gautoraRegister = {
  tenantId: 'gautora',
  taskDueDaysBefore: 7,
  taskReminderDaysBefore: 2,
  systems: [
    {
      id: 'shop_db',
      name: 'E-shop database (customers, orders, newsletter, loyalty points)',
      owner: owner('agent'),
      categories: ['name, surname', 'e-mail address', 'telephone number', 'address', 'orders', 'loyalty card'],
      rights: ['access', 'portability', 'erasure', 'rectification'],
      searchableBy: ['email', 'personal_code', 'customer_id'],
      retention: 'Purchase and accounting documents 50 years (003 §7.1.1); login data 3 years after last use (003 §7.1.4).',
      connector: shopDatabaseConnector('gautora_shop', { reason: 'Purchase and accounting documents are kept for 50 years.', legalBasis: 'GDPR Art. 17(3)(b); 003 §7.1.1 (Chief Archivist of Lithuania order on retention)' }),
      source: '003 §7.1.1',
      example: true,
    },
    {
      id: 'newsletter',
      name: 'Newsletter and loyalty card mailing tool',
      owner: owner('agent'),
      categories: ['name, surname', 'e-mail address', 'telephone number'],
      rights: ['access', 'erasure', 'direct_marketing_objection', 'consent_withdrawal'],
      searchableBy: ['email'],
      retention: 'While the programme runs or until consent is withdrawn; loyalty card data 3 years after the card’s last use (003 §8.5.2).',
      connector: { kind: 'manual', instructions: 'Find the contact by the verified e-mail address in the mailing tool; export it for access, delete it for erasure or objection.' },
      source: '003 §8.3.1',
      example: true,
    },
  ],
  recipients: [
    {
      id: 'eshop_developer',
      name: 'E-shop developer (processor)',
      kind: 'IT provider',
      role: 'processor',
      owner: owner('agent'),
      categories: ['name, surname', 'e-mail address', 'telephone number', 'address', 'orders'],
      contact: { kind: 'email', email: 'privacy@eshop-developer.example' },
      replyDays: 14,
      source: '003 §6.4',
      example: true,
    },
    {
      id: 'server_maintenance',
      name: 'Server maintenance company (processor)',
      kind: 'IT provider',
      role: 'processor',
      owner: owner('agent'),
      categories: ['name, surname', 'e-mail address', 'orders'],
      contact: { kind: 'email', email: 'privacy@hosting.example' },
      replyDays: 14,
      source: '003 §6.4',
      example: true,
    },
  ],
} satisfies FulfilmentRegister;
