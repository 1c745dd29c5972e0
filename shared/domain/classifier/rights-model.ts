import { decodeModel, type LinearModel } from './model.ts';

/**
 * The shipped model (model-weights.ts, some 110 KB of base64), loaded on first use by a dynamic
 * import: the bundles are code-split (infra/bundling.ts), so the weights are a chunk of their own
 * that only the first classified e-mail of a process loads, and the inbound-email function's init
 * stays within its budget. Decoded once per process.
 */
let loaded: LinearModel | null = null;

export async function loadRightsModel(): Promise<LinearModel> {
  if (!loaded) {
    const { MODEL_WEIGHTS } = await import('./model-weights.ts');
    loaded = decodeModel(MODEL_WEIGHTS);
  }
  return loaded;
}

/** The model if `loadRightsModel` has run in this process, else null. */
export const loadedRightsModel = (): LinearModel | null => loaded;
