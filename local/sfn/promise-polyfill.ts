/**
 * aws-local-stepfunctions v3 declares Node ≥ 22 and calls `Promise.withResolvers` (Node 22+) in
 * every Task; on Node 20 each Task would fail with "Promise.withResolvers is not a function".
 * Imported for its side effect before the library runs anything.
 */
interface WithResolvers {
  withResolvers?: <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
}

const P = Promise as unknown as WithResolvers;
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};
