import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas that `/openapi.json` publishes, which zod
 * generates from the schemas that validate requests (shared/http/schemas.ts).
 *
 * Written here because no maintained package fits this project's versions: `zod-fast-check`
 * 0.10.1 requires zod 3 and fast-check < 4 (we run zod 4 and fast-check 4), and
 * `json-schema-fast-check` 0.0.6 builds on fast-check 1. The subset covered is the one zod emits:
 * `$ref`, `anyOf`, `enum`, `const`, objects (required, `additionalProperties: false`), arrays
 * (min/max items), strings (min/max length, `pattern`, formats `email`, `uri`, `date-time`),
 * booleans, integers, null.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: readonly JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
};

export type Components = Record<string, JsonSchema>;

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = components[name];
  if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
  return resolve(target, components);
}

/** Free text as a hostile client sends it: any code unit, lone surrogates included. */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 300) });

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  const fits = (s: string) => s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  if (schema.format === 'date-time') {
    // Mostly near today (where deadlines are computed), sometimes any year from 0001 to 9999.
    const near = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2105-01-01T00:00:00Z'), noInvalidDate: true });
    const any = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    return fc
      .tuple(fc.oneof({ arbitrary: near, weight: 3 }, { arbitrary: any, weight: 1 }), fc.constantFrom('Z', '+02:00', '-05:30', '+00:00'))
      .map(([d, offset]) => (offset === 'Z' ? d.toISOString() : d.toISOString().replace('Z', offset)))
      .filter(fits);
  }
  if (schema.format === 'uri') {
    const https = schema.pattern?.startsWith('^https') ?? false;
    return fc.webUrl({ validSchemes: https ? ['https'] : ['https', 'http'], withQueryParameters: true, withFragments: true }).filter(fits);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 300) }).filter(fits);
}

/** Values the schema accepts (callers filter by a validator for what JSON Schema cannot say). */
export function validArbitrary(schema: JsonSchema, components: Components): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.anyOf) return fc.oneof(...s.anyOf.map((branch) => validArbitrary(branch, components)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      return stringArbitrary(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e6), max: Math.min(s.maximum ?? 1e6, 1e6) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'array': {
      const items = validArbitrary(s.items ?? {}, components);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) };
      const item = resolve(s.items ?? {}, components);
      // Arrays of tagged objects (rights by `type`) are unique by their enum property: the schema's
      // description says each may appear once, which JSON Schema cannot express.
      const tag = Object.entries(item.properties ?? {}).find(([, p]) => resolve(p, components).enum)?.[0];
      return tag ? fc.uniqueArray(items, { ...constraints, selector: (v) => (v as Record<string, unknown>)[tag] }) : fc.array(items, constraints);
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(props)) record[key] = validArbitrary(prop, components);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return fc.jsonValue();
  }
}

type Mutation = 'drop-required' | 'wrong-type' | 'extra-key' | 'long-string' | 'hostile-string' | 'null';

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function mutateAt(value: unknown, path: readonly string[], mutation: Mutation, junk: string): unknown {
  if (path.length === 0) {
    switch (mutation) {
      case 'wrong-type':
        return typeof value === 'string' ? 42 : typeof value === 'number' ? 'forty-two' : Array.isArray(value) ? {} : typeof value === 'object' ? [] : 'x';
      case 'long-string':
        return 'x'.repeat(5000);
      case 'hostile-string':
        return junk;
      case 'null':
        return null;
      default:
        return value;
    }
  }
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mutation === 'drop-required' && !Array.isArray(copy)) {
    delete copy[head];
    return copy;
  }
  if (rest.length === 0 && mutation === 'extra-key' && !Array.isArray(copy)) {
    return { ...copy, [`unexpected_${junk.length}`]: junk };
  }
  (copy as Record<string, unknown>)[head] = mutateAt((copy as Record<string, unknown>)[head], rest, mutation, junk);
  return copy;
}

/** A valid value broken in one place: a key dropped or added, a leaf of the wrong type, too long, hostile text or null. */
export function mutatedArbitrary(schema: JsonSchema, components: Components): fc.Arbitrary<unknown> {
  return validArbitrary(schema, components).chain((value) => {
    const all = paths(value);
    return fc
      .tuple(fc.constantFrom(...all), fc.constantFrom<Mutation>('drop-required', 'wrong-type', 'extra-key', 'long-string', 'hostile-string', 'null'), anyText(200))
      .map(([path, mutation, junk]) => mutateAt(value, path, mutation, junk));
  });
}

/** Mostly valid, often broken in one place, sometimes any JSON at all. */
export function inputArbitrary(schema: JsonSchema, components: Components): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validArbitrary(schema, components), weight: 4 },
    { arbitrary: mutatedArbitrary(schema, components), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}

/** A string parameter: valid for its schema, or hostile text. */
export function parameterArbitrary(schema: JsonSchema, components: Components): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: validArbitrary(schema, components).map(String), weight: 3 },
    { arbitrary: anyText(300), weight: 1 },
  );
}
