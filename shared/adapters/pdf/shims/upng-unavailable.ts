/**
 * Stands in for `@pdf-lib/upng` (PNG decoding, ~24 KB minified, plus its pako) in the letters
 * bundle, via esbuild's `alias` (infra/bundling.ts). Letters embed no images; pdf-lib calls UPNG
 * only from `embedPng`, so reaching this is a programming error, not a bad PNG.
 */
function unavailable(): never {
  throw new Error('PNG embedding is not part of the letters function (@pdf-lib/upng is aliased away in infra/bundling.ts).');
}

export const decode = unavailable;
export const toRGBA8 = unavailable;

export default { decode, toRGBA8 };
