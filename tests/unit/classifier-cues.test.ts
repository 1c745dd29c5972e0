import { describe, expect, it } from 'vitest';
import { CUE_SOURCES, WEAK_ACCESS_SOURCES } from '#domain/classifier/cue-sources.ts';
import { WRITTEN_CUES, WRITTEN_WEAK_ACCESS } from '#domain/classifier/cues.ts';
import { CUES, WEAK_ACCESS, type Cue } from '#domain/classifier/lexicon.ts';

/** A cue with its pattern as source and flags, to compare patterns by what they match. */
const comparable = ({ pattern, ...cue }: Cue) => ({ ...cue, source: pattern.source, flags: pattern.flags });

// The expanded sources are computed when a Lambda bundle is built (infra/build-time-modules.mjs);
// the classifier's cues compiled from them must be the cues as written, expanded now.
describe('the classifier cues (classifier/cue-sources.ts, lexicon.ts)', () => {
  it('are the written cues, in order, with the same patterns, weights and rules', () => {
    expect(CUES.map(comparable)).toEqual(WRITTEN_CUES.map(comparable));
    expect(WEAK_ACCESS.map(comparable)).toEqual(WRITTEN_WEAK_ACCESS.map(comparable));
    expect(CUES.length).toBeGreaterThan(200);
    expect(CUES.every((cue) => cue.pattern instanceof RegExp)).toBe(true);
  });

  it('hold the expanded shorthand: a space stands for any white space, ~ for any ending', () => {
    const sources = [...CUE_SOURCES, ...WEAK_ACCESS_SOURCES].map((s) => s.pattern);
    expect(sources.some((s) => s.includes('\\s+'))).toBe(true);
    expect(sources.some((s) => s.includes('\\w*'))).toBe(true);
    const erase = CUES.find((cue) => cue.right === 'erasure' && cue.language === 'lt' && cue.pattern.test('prasau\nistrinti   mano duomenis'));
    expect(erase).toBeDefined();
  });
});
