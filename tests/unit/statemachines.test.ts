import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINES, TABLE_SUBSTITUTION, WORKFLOW_FUNCTIONS } from '#adapters/sfn/definitions.ts';

type Validator = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as Validator;

const DIR = 'statemachines';
const files = readdirSync(DIR).filter((f) => f.endsWith('.asl.json'));
const substitutions: Record<string, string> = {
  [TABLE_SUBSTITUTION]: 'rightsdesk',
  ...Object.fromEntries(Object.values(WORKFLOW_FUNCTIONS).map((f) => [f.substitution, `arn:aws:lambda:eu-central-1:123456789012:function:${f.functionName}`])),
};

function load(file: string): { States: Record<string, Record<string, unknown>> } {
  const text = readFileSync(join(DIR, file), 'utf8').replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, key: string) => {
    if (!(key in substitutions)) throw new Error(`${file}: unknown substitution ${match}`);
    return substitutions[key]!;
  });
  return JSON.parse(text) as { States: Record<string, Record<string, unknown>> };
}

describe('statemachines/*.asl.json', () => {
  it('holds every state machine the app deploys', () => {
    expect(files.sort()).toEqual(Object.values(STATE_MACHINES).map((m) => m.file.replace(`${DIR}/`, '')).sort());
  });

  for (const file of files) {
    it(`${file} passes asl-validator once its substitutions are filled in`, () => {
      const result = aslValidator(load(file));
      expect(result.errorsText('\n')).toBe('');
      expect(result.isValid).toBe(true);
    });

    it(`${file} retries every Task with capped backoff and catches every failure`, () => {
      const { States } = load(file);
      for (const [name, state] of Object.entries(States)) {
        if (state.Type !== 'Task') continue;
        const retry = state.Retry as Array<{ MaxDelaySeconds?: number; MaxAttempts?: number }> | undefined;
        expect(retry?.length, `${name} has Retry`).toBeGreaterThan(0);
        for (const r of retry!) if (r.MaxAttempts !== 0) expect(r.MaxDelaySeconds, `${name} caps its backoff`).toBeGreaterThan(0);
        expect((state.Catch as unknown[] | undefined)?.length, `${name} has Catch`).toBeGreaterThan(0);
      }
    });

    it(`${file} uses only what the local engine runs (JSONPath, no Assign, no JSONata)`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      expect(text).not.toMatch(/"Assign"|"QueryLanguage"|\{%/);
    });
  }
});
