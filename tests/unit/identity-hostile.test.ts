import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { canonicalize, c14nMethod } from '#signatures/c14n.ts';
import { UnsafeInputError } from '#signatures/errors.ts';
import { parseXml } from '#signatures/xml.ts';
import { readZip } from '#signatures/zip.ts';

const DIR = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(DIR + name));

describe('parseXml', () => {
  it.each(['xml-bomb-attr.xml', 'xml-bomb-cont.xml', 'xxe-sentinel-dtd.dtd'])('refuses %s without expanding anything', (name) => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(() => parseXml(read(name), name)).toThrow(/document type declaration/);
    expect(performance.now() - started).toBeLessThan(50);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses an external-entity probe pointing at the sentinel file', () => {
    const probe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://${DIR}xxe-sentinel.txt">]><r>&x;</r>`;
    expect(() => parseXml(new TextEncoder().encode(probe), 'probe')).toThrow(UnsafeInputError);
  });

  it('refuses oversized, non-UTF-8, deeply nested and malformed input', () => {
    expect(() => parseXml(new Uint8Array(2048), 'big', { maxBytes: 1024 })).toThrow(/larger than/);
    expect(() => parseXml(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]), 'latin')).toThrow(/UTF-8/);
    expect(() => parseXml(new TextEncoder().encode('<a>'.repeat(200) + '</a>'.repeat(200)), 'deep')).toThrow(/nested/);
    expect(() => parseXml(new TextEncoder().encode('<a><b></a>'), 'broken')).toThrow(/well-formed/);
  });
});

describe('canonicalize', () => {
  const doc = new DOMParser().parseFromString(
    '<r xmlns="urn:d" xmlns:a="urn:a" xmlns:u="urn:unused" xml:lang="lt"><a:e  z="2" a:y="1" b="&#13;x&#9;" ><!--c--><f>&lt;&amp;&#13;</f></a:e></r>',
    'text/xml',
  );
  const e = doc.documentElement!.firstChild as unknown as Parameters<typeof canonicalize>[0];

  it('renders inherited namespaces and xml:lang at the apex for inclusive C14N 1.1', () => {
    expect(canonicalize(e, c14nMethod('http://www.w3.org/2006/12/xml-c14n11'))).toBe(
      '<a:e xmlns="urn:d" xmlns:a="urn:a" xmlns:u="urn:unused" b="&#xD;x&#x9;" z="2" xml:lang="lt" a:y="1"><f>&lt;&amp;&#xD;</f></a:e>',
    );
  });

  it('renders only visibly used namespaces for exclusive C14N, and comments only when asked', () => {
    expect(canonicalize(e, c14nMethod('http://www.w3.org/2001/10/xml-exc-c14n#WithComments'))).toBe(
      '<a:e xmlns:a="urn:a" b="&#xD;x&#x9;" z="2" a:y="1"><!--c--><f xmlns="urn:d">&lt;&amp;&#xD;</f></a:e>',
    );
  });
});

describe('readZip', () => {
  it('refuses an entry that inflates far beyond its compressed size (a ZIP bomb)', () => {
    const bomb = zip([['mimetype', Buffer.from('application/vnd.etsi.asic-e+zip'), false], ['bomb.txt', Buffer.alloc(8 * 1024 * 1024), true]]);
    const started = performance.now();
    expect(() => readZip(bomb)).toThrow(/compressed more than/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses too many entries, too large a total and an entry lying about its size', () => {
    const files = Array.from({ length: 5 }, (_, i) => [`f${i}`, Buffer.from('x'), false] as const);
    const limits = { maxArchiveBytes: 1 << 20, maxEntries: 4, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxRatio: 100 };
    expect(() => readZip(zip(files), limits)).toThrow(/5 files/);
    expect(() => readZip(zip([['a', Buffer.alloc(300), false]]), { ...limits, maxTotalBytes: 200 })).toThrow(/unpacks to more than|larger than/);
    const liar = zip([['a', Buffer.alloc(1000, 1), true]], { declaredSize: 10 });
    expect(() => readZip(liar)).toThrow(/larger than it claims|damaged/);
  });

  it.each(['/etc/passwd', '../x', 'a/../../x', 'C:/x', 'a\\..\\x', 'a//b'])('refuses the escaping path %s', (name) => {
    expect(() => readZip(zip([[name, Buffer.from('x'), false]]))).toThrow(/unsafe path/);
  });
});

/** A minimal ZIP writer for hostile test input (sizes can be made to lie). */
function zip(files: ReadonlyArray<readonly [string, Buffer, boolean]>, opts: { declaredSize?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data, deflate] of files) {
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const usize = opts.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(data) >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(data) >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}
