import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import { SfnServiceError, type LocalStepFunctions } from './engine.ts';

/**
 * The AWS JSON 1.0 protocol `@aws-sdk/client-sfn` speaks: `POST /` with
 * `X-Amz-Target: AWSStepFunctions.<Operation>`, a JSON body, and errors as HTTP 400
 * `{ "__type": "<ErrorName>", "message": "…" }`. Timestamps are epoch seconds. Signatures are not
 * checked (the stand-ins accept any credentials, and listen on loopback only).
 */
const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

const arnOnly = z.object({ executionArn: z.string() });
const schemas = {
  StartExecution: z.object({ stateMachineArn: z.string(), name: z.optional(z.string()), input: z.optional(z.string()) }),
  StopExecution: z.object({ executionArn: z.string(), error: z.optional(z.string()), cause: z.optional(z.string()) }),
  DescribeExecution: arnOnly,
  GetExecutionHistory: z.object({ executionArn: z.string(), reverseOrder: z.optional(z.boolean()), maxResults: z.optional(z.number()), nextToken: z.optional(z.string()) }),
  SendTaskSuccess: z.object({ taskToken: z.string(), output: z.string() }),
  SendTaskFailure: z.object({ taskToken: z.string(), error: z.optional(z.string()), cause: z.optional(z.string()) }),
  SendTaskHeartbeat: z.object({ taskToken: z.string() }),
  ListExecutions: z.object({ stateMachineArn: z.string() }),
  DescribeStateMachine: z.object({ stateMachineArn: z.string() }),
};
type Operation = keyof typeof schemas;

const seconds = (d: Date | undefined) => (d ? d.getTime() / 1000 : undefined);

function parse<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SfnServiceError('ValidationException', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data as z.infer<S>;
}

function dispatch(engine: LocalStepFunctions, operation: Operation, body: unknown): unknown {
  switch (operation) {
    case 'StartExecution': {
      const started = engine.startExecution(parse(schemas.StartExecution, body));
      return { executionArn: started.executionArn, startDate: seconds(started.startDate) };
    }
    case 'StopExecution':
      return { stopDate: seconds(engine.stopExecution(parse(schemas.StopExecution, body)).stopDate) };
    case 'DescribeExecution': {
      const e = engine.describeExecution(parse(schemas.DescribeExecution, body).executionArn);
      return { ...e, startDate: seconds(e.startDate), stopDate: seconds(e.stopDate) };
    }
    case 'GetExecutionHistory': {
      const input = parse(schemas.GetExecutionHistory, body);
      const page = engine.getExecutionHistory(input.executionArn, input);
      return { ...page, events: page.events.map((event) => ({ ...event, timestamp: seconds(event.timestamp) })) };
    }
    case 'SendTaskSuccess': {
      const input = parse(schemas.SendTaskSuccess, body);
      engine.sendTaskSuccess(input.taskToken, input.output);
      return {};
    }
    case 'SendTaskFailure': {
      const input = parse(schemas.SendTaskFailure, body);
      engine.sendTaskFailure(input.taskToken, input.error, input.cause);
      return {};
    }
    case 'SendTaskHeartbeat':
      engine.sendTaskHeartbeat(parse(schemas.SendTaskHeartbeat, body).taskToken);
      return {};
    case 'DescribeStateMachine':
      return engine.describeStateMachine(parse(schemas.DescribeStateMachine, body).stateMachineArn);
    case 'ListExecutions':
      return {
        executions: engine.listExecutions(parse(schemas.ListExecutions, body).stateMachineArn).map((e) => ({
          executionArn: e.executionArn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: seconds(e.startDate),
          stopDate: seconds(e.stopDate),
        })),
      };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new SfnServiceError('ValidationException', 'Request too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': crypto.randomUUID() });
  res.end(text);
}

export interface SfnHttpServer {
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function serveSfn(engine: LocalStepFunctions, port = 0): Promise<SfnHttpServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const target = String(req.headers['x-amz-target'] ?? '');
        const operation = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : '';
        if (req.method !== 'POST' || !(operation in schemas)) {
          throw new SfnServiceError('UnknownOperationException', `Operation "${target}" is not supported by the local Step Functions service.`);
        }
        const text = await readBody(req);
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          throw new SfnServiceError('SerializationException', 'The body is not JSON.');
        }
        reply(res, 200, dispatch(engine, operation as Operation, body));
      } catch (error) {
        if (error instanceof SfnServiceError) reply(res, 400, { __type: error.type, message: error.message });
        else reply(res, 500, { __type: 'InternalFailure', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${HOST}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
