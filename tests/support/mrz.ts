/** Builds a TD1 (identity card) MRZ with correct ICAO 9303 check digits, for tests. */
export function td1(o: { number: string; birth: string; expiry: string; surname: string; given: string; country?: string; sex?: 'M' | 'F' }): string {
  const country = o.country ?? 'LTU';
  const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
  const l1 = `I<${country}${o.number}${check(o.number)}`.padEnd(30, '<');
  const l2a = `${yymmdd(o.birth)}${check(yymmdd(o.birth))}${o.sex ?? 'M'}${yymmdd(o.expiry)}${check(yymmdd(o.expiry))}${country}`.padEnd(29, '<');
  const composite = l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29);
  const l3 = `${o.surname}<<${o.given.replace(/ /g, '<')}`.padEnd(30, '<');
  return [l1, `${l2a}${check(composite)}`, l3].join('\n');
}

export function check(s: string): number {
  const weights = [7, 3, 1];
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    total += value * weights[i % 3]!;
  }
  return total % 10;
}
