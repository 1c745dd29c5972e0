import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/bundling.ts';
import { BUNDLED_NOT_SENT, FUNCTION_GRANTS } from '../../infra/permissions.ts';
import { bundleCommands, type BundleCommands } from '../support/bundle-commands.ts';
import { synthTemplates } from '../support/synth.ts';
import { apiActions, functionRoles, roleStatements } from '../support/template-roles.ts';

/**
 * M4, both ways, per function: the SDK commands each function's bundle can send (derived from
 * the bundle CDK deploys, not from a list) against the actions its synthesized role allows. No
 * missing grant: every command the bundle can send is granted, or listed in BUNDLED_NOT_SENT with
 * the reason the function never reaches it. No unused grant: every granted action is one the
 * bundle can send, and nothing listed as unreached is granted.
 */
let service: Template;
let roles: Record<string, string>;
const bundles = new Map<string, BundleCommands>();

beforeAll(async () => {
  ({ service } = synthTemplates({ 'rightsdesk:lotlSignersFile': 'cdk.json' }));
  roles = functionRoles(service);
  for (const spec of FUNCTIONS) {
    const key = `${spec.entry}|${JSON.stringify(spec.alias ?? {})}`;
    if (!bundles.has(key)) bundles.set(key, await bundleCommands(spec));
  }
}, 180_000);

const bundleOf = (name: string): BundleCommands => {
  const spec = FUNCTIONS.find((f) => f.name === name)!;
  return bundles.get(`${spec.entry}|${JSON.stringify(spec.alias ?? {})}`)!;
};

describe('least privilege per function (derived from each bundle)', () => {
  it('deploys every function, each with its own role and its own grant list', () => {
    expect(Object.keys(roles).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    expect(new Set(Object.values(roles)).size).toBe(FUNCTIONS.length);
    expect(Object.keys(FUNCTION_GRANTS).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  it('maps every SDK command any bundle imports to its IAM action', () => {
    for (const spec of FUNCTIONS) expect(bundleOf(spec.name).unmapped, spec.name).toEqual([]);
    // The derivation sees real commands (a sanity floor: the API sends at least these).
    expect([...bundleOf('api').commands]).toEqual(expect.arrayContaining(['BatchGetCommand', 'SendEmailCommand', 'SendTaskSuccessCommand', 'ListObjectVersionsCommand', 'DeleteObjectsCommand']));
  });

  for (const spec of FUNCTIONS) {
    it(`${spec.name}: no missing grant and no unused grant`, () => {
      const sendable = bundleOf(spec.name).actions;
      const granted = apiActions(roleStatements(service, roles[spec.name]!));
      const unreached = BUNDLED_NOT_SENT[spec.name] ?? {};
      const missing = [...sendable].filter((action) => !granted.has(action) && !(action in unreached));
      const unused = [...granted].filter((action) => !sendable.has(action));
      const grantedAnyway = Object.keys(unreached).filter((action) => granted.has(action));
      const stale = Object.keys(unreached).filter((action) => !sendable.has(action));
      expect({ missing, unused, grantedAnyway, stale }).toEqual({ missing: [], unused: [], grantedAnyway: [], stale: [] });
    });
  }
});
