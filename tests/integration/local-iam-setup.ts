import { afterAll, expect, inject } from 'vitest';
import { enableLocalIam, localIamStats } from '../../local/iam/enforce.ts';

// Runs before each integration test file: the roles were synthesized by global-setup (cached), so
// this only reads them. Handlers invoked under `asFunction(name, …)` are held to that role.
expect(await enableLocalIam({ tableName: inject('tableName') })).toBe(true);

afterAll(() => {
  const { checked, distinctDecisions, denied } = localIamStats();
  console.log(`local IAM: ${checked} authorisations checked (${distinctDecisions} distinct decisions evaluated), ${denied.length} denied`);
});
