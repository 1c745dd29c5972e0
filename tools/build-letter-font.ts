// Run: npx tsx tools/build-letter-font.ts
//
// Writes the letter font the `letters` function embeds: DejaVu Sans subset by @pdf-lib/fontkit to
// Basic Latin, Latin-1, Latin Extended-A and typographic punctuation (shared/adapters/pdf/font/:
// the TTF, its metrics and the DejaVu licence). Run it after updating dejavu-fonts-ttf or
// @pdf-lib/fontkit, or after changing the character set in tools/letter-font-data.ts;
// tests/unit/letter-font.test.ts fails while the committed files are out of date. The runtime
// reads these files only, so fontkit (~900 KB of Unicode tables) stays out of the Lambda bundle.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildLetterFont, formatMetrics, LETTER_FONT_DIR, LETTER_FONT_FILES } from './letter-font-data.ts';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const { ttf, metrics, licence } = await buildLetterFont();
await mkdir(root(LETTER_FONT_DIR), { recursive: true });
await writeFile(root(LETTER_FONT_FILES.ttf), ttf);
await writeFile(root(LETTER_FONT_FILES.metrics), formatMetrics(metrics));
await writeFile(root(LETTER_FONT_FILES.licence), licence);
console.log(
  `wrote ${LETTER_FONT_FILES.ttf} (${(ttf.byteLength / 1024).toFixed(1)} KB, ${metrics.codePoints.length} characters) and ${LETTER_FONT_FILES.metrics} from ${metrics.source}`,
);
