import { describe, expect, it } from 'vitest';
import { domainOf, normaliseMessageId, parseMessageIds, referencesIn, replyHeaders, replySubject, stripReplyPrefixes } from '#domain/threading.ts';

describe('threading', () => {
  it('names the parent in In-Reply-To and appends it to its References when replying', () => {
    expect(replyHeaders({ messageId: '<b@x>', references: ['<a@x>'] })).toEqual({ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] });
    expect(replyHeaders({ messageId: '<a@x>', references: [] })).toEqual({ inReplyTo: '<a@x>', references: ['<a@x>'] });
    expect(replyHeaders(null)).toEqual({ inReplyTo: null, references: [] });
  });

  it('keeps the root and the newest ids when References grow long', () => {
    const refs = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const { references } = replyHeaders({ messageId: '<last@x>', references: refs });
    expect(references).toHaveLength(20);
    expect(references[0]).toBe('<m0@x>');
    expect(references.at(-1)).toBe('<last@x>');
  });

  it('builds "Re: <their subject> [<reference>]" once, however many prefixes there were', () => {
    expect(replySubject('Dėl duomenų', 'SOF-2026-000001', 'Request received')).toBe('Re: Dėl duomenų [SOF-2026-000001]');
    expect(replySubject('RE: Fwd: Re: Dėl duomenų', 'SOF-2026-000001', 'x')).toBe('Re: Dėl duomenų [SOF-2026-000001]');
    expect(replySubject('Re: Request received – SOF-2026-000001', 'SOF-2026-000001', 'x')).toBe('Re: Request received – SOF-2026-000001');
  });

  it('uses a fresh subject with the reference when there is nothing to reply to', () => {
    expect(replySubject(null, 'SOF-2026-000001', 'Request received – SOF-2026-000001')).toBe('Request received – SOF-2026-000001');
    expect(replySubject('', 'SOF-2026-000001', 'Request received')).toBe('Request received [SOF-2026-000001]');
    expect(replySubject('Re:', 'SOF-2026-000001', 'Request received')).toBe('Request received [SOF-2026-000001]');
  });

  it('strips Lithuanian and English reply prefixes', () => {
    expect(stripReplyPrefixes('Ats.: Pers.: Prašymas')).toBe('Prašymas');
    expect(stripReplyPrefixes('AW: Re[2]: x')).toBe('x');
  });

  it('parses every message id in a header and normalises bare ones', () => {
    expect(parseMessageIds('<a@x> <b@x>\r\n <a@x>')).toEqual(['<a@x>', '<b@x>']);
    expect(parseMessageIds(['<a@x>', '<c@x>'])).toEqual(['<a@x>', '<c@x>']);
    expect(parseMessageIds('a@x')).toEqual(['<a@x>']);
    expect(normaliseMessageId(' a@x ')).toBe('<a@x>');
  });

  it('finds case references of the given prefixes only', () => {
    expect(referencesIn('Re: sof-2026-000001 and GAU-2026-000002', ['SOF'])).toEqual(['SOF-2026-000001']);
    expect(referencesIn('SOF-2026-0000012', ['SOF'])).toEqual([]);
  });

  it('reads the domain of an address', () => {
    expect(domainOf('Ona@Example.LT')).toBe('example.lt');
  });
});
