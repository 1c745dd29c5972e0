import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';

const owner = (role: string) => ({ staffId: `${role}@lytagra.local`, email: `${role}@lytagra.local` });

/**
 * Lytagra, policy 004: clients' data go only to processors providing delivery and other services
 * of the contract (§2.2). The ERP and the delivery partner's contact are examples.
 */
export const lytagraRegister = {
  tenantId: 'lytagra',
  taskDueDaysBefore: 7,
  taskReminderDaysBefore: 2,
  systems: [
    {
      id: 'erp',
      name: 'ERP (clients, contracts, invoices)',
      owner: owner('agent'),
      categories: ['identity data', 'contact details', 'contracts', 'invoices'],
      rights: ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'direct_marketing_objection'],
      searchableBy: ['email', 'personal_code', 'customer_id'],
      retention: 'For the contract and as accounting law requires.',
      connector: { kind: 'manual', instructions: 'Search clients by the verified identifiers; export the client card, contracts and invoices.' },
      source: '004 §2.2',
      example: true,
    },
  ],
  recipients: [
    {
      id: 'delivery',
      name: 'Delivery service provider (processor)',
      kind: 'courier',
      role: 'processor',
      owner: owner('agent'),
      categories: ['contact details'],
      contact: { kind: 'email', email: 'privacy@delivery.example' },
      replyDays: 14,
      source: '004 §2.2',
      example: true,
    },
  ],
} satisfies FulfilmentRegister;
