import { loadOnce } from '#domain/load-once.ts';

/** A port whose members are all methods returning promises: only such a port can wait for its adapter. */
type AsyncPort<P> = { readonly [K in keyof P]: (...args: never[]) => Promise<unknown> };

/**
 * The port's method names, every one listed (the compiler refuses a missing name): `true` for each
 * method, and for an optional one whether the adapter has it, so `port.ping?.()` means what it
 * meant with the adapter made at init.
 */
export type PortMethods<P> = { readonly [K in keyof P]-?: undefined extends P[K] ? boolean : true };

/**
 * A port backed by an adapter made on its first call rather than at init. `load` is typically a
 * dynamic `import()` of the adapter's module, which the Lambda bundle turns into a chunk of its
 * own: a cold start whose request never calls the port neither compiles nor runs that module
 * (issue 15: the API's and fulfilment's composition roots made ~20 KB of adapters at every init
 * that their usual first request never calls, ~3.5 ms of compile per 100 KB).
 *
 * Each call waits for the one adapter (`loadOnce`: concurrent first calls share one load, and every
 * later call goes to that same object, so its state — caches, pools, leases — is the eager one's),
 * then calls it with the same arguments: its results, errors, retries and exactly-once behaviour are
 * the adapter's own. A load that fails fails that call and is tried again by the next one.
 *
 * The port is named (`lazyAdapter<InboundLedger>(…)`; nothing is inferred from the adapter's class),
 * so the result is exactly the port and the listing names exactly its methods.
 *
 * Primary course: `lazyAdapter<InboundLedger>(() => import('#adapters/dynamodb/inbound-ledger.ts').then((m) =>
 * new m.DynamoInboundLedger(dynamo, table)), { record: true, get: true, … })` at init; the first
 * `ledger.get(id)` imports the chunk, makes the ledger and returns its answer.
 *
 * Example: `lazyAdapter<PartnerAssertionVerifier>(() => import('…/jose-partner-assertions.ts').then((m) => new m.JosePartnerAssertions(keys)), { verify: true })`.
 */
export function lazyAdapter<P extends AsyncPort<P>>(load: () => Promise<NoInfer<P>>, methods: NoInfer<PortMethods<P>>): P {
  const adapter = loadOnce(load);
  const port: Partial<Record<keyof P, (...args: never[]) => Promise<unknown>>> = {};
  for (const name of Object.keys(methods) as Array<keyof P & string>) {
    if (!methods[name]) continue;
    // Called as a method of the adapter, so a class's `this` is the adapter itself.
    port[name] = async (...args: never[]) => (await adapter())[name](...args);
  }
  // Every listed method is set above with the adapter's own signature (PortMethods names them all).
  return port as P;
}
