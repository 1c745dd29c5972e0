'use strict';
// The Lambda bundles' stand-in for @xmldom/xmldom's own `lib/entities.js` (infra/xmldom-lazy-entities.mjs
// points xmldom's `require('./entities')` here). The original builds and freezes its ~2 200-entry
// HTML entity table at load (Object.create over every property descriptor, then Object.freeze):
// ~20 ms of every init of a bundle with xmldom (docs/performance.md, 2026-12-05 night). xmldom reads
// that table only to parse `text/html`; we parse only XML (shared/signatures/xml.ts), which knows
// just the five predefined entities below. So the HTML table is the original module's, evaluated on
// its first read, and the XML one is the same five entries, frozen the same way
// (tests/unit/xmldom-lazy-entities.test.ts compares both with the original).
/* global require, exports -- CommonJS, as xmldom itself. */
/* eslint-disable @typescript-eslint/no-require-imports -- xmldom is CommonJS: a lazy require() is what defers the table. */
var freeze = require('@xmldom/xmldom/lib/conventions.js').freeze;

exports.XML_ENTITIES = freeze({
	amp: '&',
	apos: "'",
	gt: '>',
	lt: '<',
	quot: '"',
});

var original;
function html() {
	if (!original) original = require('@xmldom/xmldom/lib/entities.js');
	return original.HTML_ENTITIES;
}
Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: html });
// Deprecated alias of HTML_ENTITIES in xmldom (kept for anything that still reads it).
Object.defineProperty(exports, 'entityMap', { enumerable: true, get: html });
