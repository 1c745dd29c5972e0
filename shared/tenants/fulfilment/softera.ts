import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';

const owner = (role: string) => ({ staffId: `${role}@softera.local`, email: `${role}@softera.local` });

/**
 * Softera Baltic, policy 000: recipients are "data processors … (e.g., IT service providers)",
 * debt database administrators and authorities (§8). No systems are named: all are examples.
 */
export const softeraRegister = {
  tenantId: 'softera',
  taskDueDaysBefore: 7,
  taskReminderDaysBefore: 2,
  systems: [
    {
      id: 'crm',
      name: 'Customer relationship management (CRM)',
      owner: owner('agent'),
      categories: ['contact details', 'contracts', 'correspondence'],
      rights: ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection'],
      searchableBy: ['email', 'personal_code'],
      retention: 'No longer than necessary for the purposes (000 §7).',
      connector: { kind: 'http', url: 'https://crm.softera.example/rightsdesk', callbackTimeoutSeconds: 7 * 86_400 },
      source: '000 §8',
      example: true,
    },
  ],
  recipients: [
    {
      id: 'it_provider',
      name: 'IT service provider (processor)',
      kind: 'IT provider',
      role: 'processor',
      owner: owner('agent'),
      categories: ['contact details', 'login data'],
      contact: { kind: 'email', email: 'privacy@it-provider.example' },
      replyDays: 14,
      source: '000 §8',
      example: true,
    },
  ],
} satisfies FulfilmentRegister;
