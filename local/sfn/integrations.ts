import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * What a Task's `Resource` does locally: Lambda ARNs (plain, or through `lambda:invoke`) run the
 * same handler functions the Lambdas deploy, in-process; `arn:aws:states:::dynamodb:*` direct
 * integrations call DynamoDB (Local) with the state's parameters, as Step Functions would.
 * Errors carry the names Step Functions gives them, so `Retry`/`Catch` match the same way.
 */
export type LocalFunction = (event: unknown) => Promise<unknown>;

export type Invoke = (resource: string, parameters: unknown) => Promise<unknown>;

const LAMBDA_ARN = /^arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;
const DYNAMODB = /^arn:aws:states:::dynamodb:(getItem|putItem|updateItem|deleteItem)$/;

/** An error as Step Functions reports it: `name` is what ErrorEquals matches. */
export class TaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

function functionName(ref: unknown): string {
  if (typeof ref !== 'string') throw new TaskError('States.Runtime', 'lambda:invoke needs a FunctionName string.');
  return LAMBDA_ARN.exec(ref)?.[1] ?? ref;
}

const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export function createInvoke(options: { functions: ReadonlyMap<string, LocalFunction>; dynamodb?: DynamoDBClient }): Invoke {
  const callFunction = async (name: string, payload: unknown): Promise<unknown> => {
    const fn = options.functions.get(name);
    if (!fn) throw new TaskError('Lambda.ResourceNotFoundException', `No local function named "${name}".`);
    try {
      return asJson(await fn(asJson(payload)));
    } catch (error) {
      // Lambda reports a function error by its type name, with the message in the cause.
      const err = error instanceof Error ? error : new Error(String(error));
      throw new TaskError(err.name, JSON.stringify({ errorType: err.name, errorMessage: err.message }));
    }
  };

  return async (resource, parameters) => {
    const lambda = LAMBDA_ARN.exec(resource);
    if (lambda) return callFunction(lambda[1]!, parameters);
    if (resource === 'arn:aws:states:::lambda:invoke') {
      const p = (parameters ?? {}) as { FunctionName?: unknown; Payload?: unknown };
      return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: await callFunction(functionName(p.FunctionName), p.Payload ?? {}) };
    }
    const dynamo = DYNAMODB.exec(resource);
    if (dynamo) {
      if (!options.dynamodb) throw new TaskError('States.Runtime', 'No DynamoDB endpoint is configured for the local Step Functions service.');
      // The integration's parameters are the DynamoDB API's own request shape.
      const input = parameters as never;
      const command = { getItem: GetItemCommand, putItem: PutItemCommand, updateItem: UpdateItemCommand, deleteItem: DeleteItemCommand }[dynamo[1] as 'getItem'];
      try {
        const output: Record<string, unknown> = { ...(await options.dynamodb.send(new command(input))) };
        delete output.$metadata;
        return asJson(output);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        throw new TaskError(`DynamoDB.${err.name}`, err.message);
      }
    }
    throw new TaskError('States.Runtime', `The local Step Functions service has no integration for "${resource}".`);
  };
}
