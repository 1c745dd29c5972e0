import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { fulfilmentExtension } from '#http/fulfilment-app.ts';
import { describe, expect, it } from 'vitest';
import { allStaffPorts, MemoryAnswerFiles, recordingEngine } from '../support/fuzz-deps.ts';
import { harness } from '../support/harness.ts';

/**
 * The served `/openapi.json` (partner API and staff API `/console/api/...` in one document) is
 * lint-clean under Redocly's `recommended` ruleset and Spectral's `oas` ruleset (issue 19 item 7):
 * zero errors and zero warnings from each. The document is the one the app serves, fulfilment
 * routes included, built the way tests/unit/openapi-fuzz.test.ts builds it.
 */

// spectral-core is CommonJS; under ESM interop its named exports sit on the default export.
const { Spectral } = spectralCore;

interface Finding {
  linter: string;
  rule: string;
  severity: string;
  where: string;
  message: string;
}

describe('/openapi.json is lint-clean', async () => {
  const h = await harness({ workflows: recordingEngine(), answerFiles: new MemoryAnswerFiles(), extra: (repo) => allStaffPorts(repo), extensions: (deps) => [fulfilmentExtension(deps)] });
  const source = await (await h.get('/openapi.json')).text();

  it('under Redocly recommended: 0 errors, 0 warnings', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const findings: Finding[] = problems.filter((p) => !probeWithout4xx(p.ruleId, p.location[0]?.pointer)).map((p) => ({ linter: 'redocly', rule: p.ruleId, severity: p.severity, where: p.location[0]?.pointer ?? '', message: p.message }));
    report('redocly recommended', findings);
    expect(findings).toEqual([]);
  });

  it('under Spectral oas: 0 errors, 0 warnings', async () => {
    const spectral = new Spectral();
    // As `extends: spectral:oas` in a .spectral.yaml: the ruleset's recommended rules.
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    // A string is parsed as YAML, of which JSON is a subset; line numbers are not needed here.
    const results = await spectral.run(source);
    // Spectral severities: 0 error, 1 warn, 2 info, 3 hint; info and hint are not findings.
    const names = ['error', 'warn', 'info', 'hint'];
    const findings: Finding[] = results
      .filter((r) => r.severity <= 1)
      .map((r) => ({ linter: 'spectral', rule: String(r.code), severity: names[r.severity] ?? String(r.severity), where: r.path.join('.'), message: r.message }));
    report('spectral oas', findings);
    expect(findings).toEqual([]);
  });
});

/**
 * `operation-4xx-response` does not apply to the two probes: they take no parameters, body or
 * token, so no request to them can be a client error; documenting a 4xx would promise one that
 * never comes (the fuzz test checks each response against the documented statuses). Only these
 * two operations are exempt; every other operation must document a 4xx.
 */
function probeWithout4xx(rule: string, pointer: string | undefined): boolean {
  return rule === 'operation-4xx-response' && (pointer === '#/paths/~1healthz/get/responses' || pointer === '#/paths/~1readyz/get/responses');
}

function report(name: string, findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error').length;
  console.log(`${name}: ${errors} errors, ${findings.length - errors} warnings`);
  for (const f of findings) console.log(`  ${f.severity} ${f.rule} ${f.where}: ${f.message}`);
}
