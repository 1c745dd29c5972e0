import { createServer } from 'node:net';

/**
 * Asks the OS for a port that is free right now on `host`. Another process can still take it
 * before the caller binds it, so callers that spawn servers should treat a bind failure on a
 * port obtained here as retryable.
 *
 * `host` matters: a port free on 127.0.0.1 may be taken on 0.0.0.0 (or the reverse), so probe
 * the address the server will actually bind. DynamoDB Local binds 0.0.0.0.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`could not read the port the OS assigned on ${host}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/** True when `port` can be bound on `host` at this moment. */
export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}
