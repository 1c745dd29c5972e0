import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';
import * as unbundled from '../fixtures/xmldom-bundle/entry.ts';

/**
 * The Lambda bundles give xmldom an entity module that builds its HTML table on first use
 * (infra/xmldom-lazy-entities.mjs, shared/signatures/xmldom-entities.cjs). What this must not
 * change: every XML file the signature stack reads (entities, character references, C14N of
 * them, a signed third-party trusted list) reads the same bundled as unbundled, and `text/html`
 * still knows HTML's entities. What it must change: the table is not built at init.
 */
const ENTRY = 'tests/fixtures/xmldom-bundle/entry.ts';
const SHIM = resolve('shared/signatures/xmldom-entities.cjs');
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/libdigidocpp/${name}`));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

let dir: string;
let metafile: Metafile;
let bundled: typeof unbundled;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rightsdesk-xmldom-bundle-'));
  const deployed = await build({ ...lambdaBuildOptions({ entry: ENTRY }), write: true, outdir: join(dir, 'deployed'), sourcemap: false, metafile: true });
  metafile = deployed.metafile;
  // The control: the same entry without the plugins, as bundled before (xmldom's own entities.js).
  await build({ ...lambdaBuildOptions({ entry: ENTRY }), plugins: [], write: true, outdir: join(dir, 'plain'), sourcemap: false });
  bundled = (await import(pathToFileURL(join(dir, 'deployed', 'index.mjs')).href)) as typeof unbundled;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a bundle in a fresh node: how many HTML-sized tables (> 1 000 keys) were frozen by xmldom's `freeze` after the import, an XML parse and an HTML parse. */
function tablesBuilt(bundle: string): number[] {
  const script = `
    const descriptors = Object.getOwnPropertyDescriptors;
    let built = 0;
    Object.getOwnPropertyDescriptors = (o) => { if (Object.keys(o).length > 1000) built++; return descriptors(o); };
    const counts = [];
    const m = await import(${JSON.stringify(pathToFileURL(join(dir, bundle, 'index.mjs')).href)});
    counts.push(built);
    m.readXml(new TextEncoder().encode('<a t="&quot;">x &amp; y &#x10D;</a>'));
    counts.push(built);
    m.readHtml('<p>a&nbsp;b</p>');
    counts.push(built);
    console.log(JSON.stringify(counts));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as number[];
}

describe('xmldom as bundled for Lambda', () => {
  it("resolves xmldom's own entity module to the lazy one", () => {
    const domParser = Object.entries(metafile.inputs).find(([path]) => /@xmldom\/xmldom\/lib\/dom-parser\.js$/.test(path));
    expect(domParser).toBeDefined();
    const shim = Object.keys(metafile.inputs).find((path) => resolve(path) === SHIM);
    expect(shim).toBeDefined();
    expect(domParser![1].imports.map((i) => i.path)).toContain(shim);
  });

  it('reads entities and character references in text and attributes as unbundled, and canonicalises them the same', () => {
    const doc = utf8('<?xml version="1.0" encoding="UTF-8"?><r xmlns="urn:t" a="&quot;q&apos; &lt;&gt; &#38;">&lt;b&gt; &amp; &#x10D;&#269; &#128512;&#13;\n<![CDATA[&amp;]]></r>');
    const read = bundled.readXml(doc);
    expect(read).toEqual(unbundled.readXml(doc));
    expect(read).toEqual({
      text: '<b> & čč 😀\r\n&amp;',
      attributes: { xmlns: 'urn:t', a: '"q\' <> &' },
      // C14N 1.0: `&` `<` `>` escaped in text, CR as &#xD;, `"` and `<` in attributes, CDATA as text.
      c14n: '<r xmlns="urn:t" a="&quot;q\' &lt;> &amp;">&lt;b&gt; &amp; čč 😀&#xD;\n&amp;amp;</r>',
    });
  });

  it('refuses what XML does not define (an HTML entity, a DTD) as unbundled', () => {
    for (const text of ['<r>a&nbsp;b</r>', '<r>&eacute;</r>', '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>']) {
      const read = bundled.readXml(utf8(text));
      expect(read, text).toEqual(unbundled.readXml(utf8(text)));
      expect(read, text).toHaveProperty('refused');
    }
  });

  it("reads libdigidocpp's TSL.xml (CR character references in its base64) to the same canonical form", () => {
    const read = bundled.readXml(fixture('TSL.xml'));
    expect(read).toEqual(unbundled.readXml(fixture('TSL.xml')));
    expect('c14n' in read && read.c14n.split('&#xD;').length - 1).toBe(29);
  });

  it("loads libdigidocpp's signed test trusted list and verifies its signature as unbundled", () => {
    const read = bundled.readTrustedList(fixture('EE_T.xml'), fixture('TSL.crt'));
    expect(read).toEqual(unbundled.readTrustedList(fixture('EE_T.xml'), fixture('TSL.crt')));
    expect(read.territory).toBe('EE_T');
    expect(read.services).toBeGreaterThan(0);
  });

  it("still reads HTML's named entities in text/html, from the table built on first use", () => {
    const html = '<html><body><p>a&nbsp;b &eacute; &amp; &Zscr;</p></body></html>';
    expect(bundled.readHtml(html)).toBe(unbundled.readHtml(html));
    expect(bundled.readHtml(html)).toBe('a\u00a0b é & \u{1d4b5}');
  });

  it('builds the HTML entity table on the first text/html parse, not at init nor for XML (the plain bundle: at init)', () => {
    expect(tablesBuilt('deployed')).toEqual([0, 0, 1]);
    expect(tablesBuilt('plain')).toEqual([1, 1, 1]);
  });
});

describe('shared/signatures/xmldom-entities.cjs', () => {
  const require = createRequire(import.meta.url);
  const original = require('@xmldom/xmldom/lib/entities.js') as Record<string, unknown>;
  const lazy = require(SHIM) as Record<string, unknown>;

  it("has xmldom's exports: the same XML table, frozen without a prototype, and xmldom's own HTML table", () => {
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(original).sort());
    expect({ ...(lazy.XML_ENTITIES as object) }).toEqual({ ...(original.XML_ENTITIES as object) });
    expect(Object.isFrozen(lazy.XML_ENTITIES)).toBe(true);
    expect(Object.getPrototypeOf(lazy.XML_ENTITIES)).toBe(Object.getPrototypeOf(original.XML_ENTITIES));
    expect(lazy.HTML_ENTITIES).toBe(original.HTML_ENTITIES);
    expect(lazy.entityMap).toBe(original.entityMap);
  });
});
