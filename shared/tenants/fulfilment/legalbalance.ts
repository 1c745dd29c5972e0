import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';

const owner = (role: string) => ({ staffId: `${role}@legalbalance.local`, email: `${role}@legalbalance.local` });

/**
 * Legal Balance (debt collection), policy 001: data come from creditors (§4.3); recipients are
 * authorities, auditors, advisers and cross-border debt collection partners (§5.2). The debt
 * collection system and the contacts are examples.
 */
export const legalbalanceRegister = {
  tenantId: 'legalbalance',
  taskDueDaysBefore: 7,
  taskReminderDaysBefore: 2,
  systems: [
    {
      id: 'collection',
      name: 'Debt collection case system',
      owner: owner('agent'),
      categories: ['identity data', 'contact details', 'debt data', 'call and message records'],
      rights: ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection'],
      searchableBy: ['personal_code', 'email'],
      retention: 'As long as the claim is administered and the law requires (001 §3.2).',
      connector: { kind: 'manual', instructions: 'Search debtor files by the verified personal code; export the debtor card and call log.' },
      source: '001 §4.3',
      example: true,
    },
  ],
  recipients: [
    {
      id: 'creditor',
      name: 'The creditor who assigned the claim',
      kind: 'creditor',
      role: 'controller',
      owner: owner('agent'),
      categories: ['identity data', 'debt data'],
      contact: { kind: 'email', email: 'privacy@creditor.example' },
      replyDays: 14,
      source: '001 §4.3',
      example: true,
    },
    {
      id: 'cross_border_partner',
      name: 'Cross-border debt collection platform partner',
      kind: 'debt collection partner',
      role: 'controller',
      owner: owner('agent'),
      categories: ['identity data', 'contact details', 'debt data'],
      contact: { kind: 'email', email: 'privacy@crossborder.example' },
      replyDays: 14,
      source: '001 §5.2',
      example: true,
    },
  ],
} satisfies FulfilmentRegister;
