import type { Cue } from './lexicon.ts';
import { WRITTEN_CUES, WRITTEN_WEAK_ACCESS } from './cues.ts';

/** A cue with its pattern as the expanded source and flags (`new RegExp(pattern, flags)` is the cue's pattern). */
export type CueSource = Omit<Cue, 'pattern'> & { readonly pattern: string; readonly flags: string };

const sourceOf = ({ pattern, ...cue }: Cue): CueSource => ({ ...cue, pattern: pattern.source, flags: pattern.flags });

/**
 * The classifier's cues (cues.ts) with their patterns expanded from the shorthand they are written
 * in, as sources: lexicon.ts compiles each once.
 *
 * A Lambda bundle holds this module's values, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) expands the patterns when the bundle is built, so the first
 * classified e-mail of a process neither runs the expansion nor parses each pattern twice (issue
 * 15: ~7 ms for the ~270 cues, measured as the module's import). Tests and the local stack expand
 * them here, once per process.
 */
export const CUE_SOURCES: readonly CueSource[] = WRITTEN_CUES.map(sourceOf);

export const WEAK_ACCESS_SOURCES: readonly CueSource[] = WRITTEN_WEAK_ACCESS.map(sourceOf);
