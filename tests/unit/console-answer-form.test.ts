import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { answerFromForm } from '#http/console/answer-form.ts';

const rights = [{ type: 'access' as const, status: 'in_progress' as const }, { type: 'erasure' as const, status: 'in_progress' as const }];

describe('answerFromForm', () => {
  it('returns undefined when staff filled in no structured field', () => {
    expect(answerFromForm({ body: 'Text only', answerData: '  ', 'outcome.access': '' }, { rights })).toBeUndefined();
  });

  it('builds the data categories and per-right results, erasure with erased and kept lines', () => {
    const answer = answerFromForm(
      {
        answerData: '[{"category": "Orders", "records": [{"no": "O-1", "total": 12.5}]}]',
        'outcome.access': 'fulfilled',
        'outcome.erasure': 'partially_fulfilled',
        'summary.erasure': 'Account deleted.',
        erased: 'Account\n\n Newsletter profile ',
        kept: 'Invoices 2024–2026 | Accounting Act, Art. 19 | 2036-12-31\nClaim file | Pending claim',
      },
      { rights },
    );
    expect(answer).toEqual({
      data: [{ category: 'Orders', records: [{ no: 'O-1', total: 12.5 }] }],
      results: [
        { type: 'access', outcome: 'fulfilled' },
        {
          type: 'erasure',
          outcome: 'partially_fulfilled',
          summary: 'Account deleted.',
          erased: ['Account', 'Newsletter profile'],
          kept: [
            { data: 'Invoices 2024–2026', reason: 'Accounting Act, Art. 19', until: '2036-12-31' },
            { data: 'Claim file', reason: 'Pending claim' },
          ],
        },
      ],
    });
  });

  it('refuses data that is not JSON, and content the answer schema rejects', () => {
    expect(() => answerFromForm({ answerData: '[{category: 1' }, { rights })).toThrow(ValidationError);
    expect(() => answerFromForm({ answerData: '{"category": "x"}' }, { rights })).toThrow(/not valid/);
    expect(() => answerFromForm({ 'outcome.erasure': 'fulfilled', kept: 'Invoices without a reason' }, { rights })).toThrow(/kept/);
    expect(() => answerFromForm({ 'outcome.access': 'done' }, { rights })).toThrow(ValidationError);
  });
});
