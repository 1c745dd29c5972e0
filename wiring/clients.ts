import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';

/**
 * Every AWS SDK client of a deployable is made here, once per service, configured the same way
 * on AWS (region only) and on the local stack (the stand-ins' endpoints). The caller passes the
 * client class, so each bundle imports only the SDK packages it really uses (esbuild keeps every
 * import of an external package, used or not).
 */
export interface Endpoints {
  readonly region: string;
  readonly dynamodbEndpoint?: string | undefined;
  readonly sesEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
  readonly sfnEndpoint?: string | undefined;
}

export type AwsService = 'dynamodb' | 'ses' | 's3' | 'sfn' | 'kms' | 'lambda';

interface Destroyable {
  destroy(): void;
}

function endpointOf(service: AwsService, e: Endpoints): string | undefined {
  switch (service) {
    case 'dynamodb':
      return e.dynamodbEndpoint;
    case 'ses':
      return e.sesEndpoint;
    case 's3':
      return e.s3Endpoint;
    case 'sfn':
      return e.sfnEndpoint;
    default:
      return undefined;
  }
}

/** The client configuration for a service: the S3 stand-in needs path-style addressing and no streaming checksums (local/services/s3-local.ts). */
export function clientConfig(service: AwsService, e: Endpoints): Record<string, unknown> {
  const endpoint = endpointOf(service, e);
  // Every client gets connect/request timeouts and a bounded retry budget (docs/exactly-once.md).
  if (!endpoint) return { ...AWS_CLIENT_LIMITS, region: e.region };
  if (service === 's3') return { ...AWS_CLIENT_LIMITS, region: e.region, endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' };
  return { ...AWS_CLIENT_LIMITS, region: e.region, endpoint };
}

/**
 * One deployable's clients: each service's client is made on first use and then shared by every
 * adapter of that composition root. Example: `const aws = awsClients(config);
 * new DynamoCaseRepository(aws.get(DynamoDBClient, 'dynamodb'), table)`.
 */
export interface AwsClients {
  readonly endpoints: Endpoints;
  get<C extends Destroyable>(Client: new (config: Record<string, unknown>) => C, service: AwsService): C;
  /** Closes every client made (the local stack's stop, tests). */
  destroy(): void;
}

export function awsClients(endpoints: Endpoints): AwsClients {
  const made = new Map<AwsService, Destroyable>();
  return {
    endpoints,
    get<C extends Destroyable>(Client: new (config: Record<string, unknown>) => C, service: AwsService): C {
      let client = made.get(service) as C | undefined;
      if (!client) {
        client = new Client(clientConfig(service, endpoints));
        made.set(service, client);
      }
      return client;
    },
    destroy() {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
}
