import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClients } from '#wiring/clients.ts';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';
import { qesIdentityVerifier } from '#wiring/qes.ts';
import { composeWorkflowDeps } from '#wiring/workflow.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { WorkflowConfig } from '#config/workflow-config.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { resumeOpenCases } from '#usecases/workflow/resume-open-cases.ts';
import { createWorkflowHandlers } from '../../functions/workflow/handlers.ts';
import { registerRightsdeskWorkflows, startLocalSfn } from './service.ts';
import { VirtualClock } from './virtual-clock.ts';

export interface LocalWorkflowsOptions {
  readonly port: number;
  readonly region: string;
  readonly tableName: string;
  readonly dynamodbEndpoint: string;
  readonly sesEndpoint: string;
  readonly mail: MailConfig;
  /** Where the virtual clock is remembered across restarts (`.local/clock.json`); none = start at now. */
  readonly clockFile?: string;
  /** Virtual time per real time (`RIGHTSDESK_TIME_SPEED`, default 1; e.g. 3600 = an hour a second). */
  readonly speed: number;
  readonly log?: (line: string) => void;
  /** E-mail control links in identity requests (the web form's secret; the base URL once known). */
  readonly emailControl?: { readonly secret: string; readonly baseUrl: () => string };
}

export interface LocalWorkflows {
  readonly endpoint: string;
  readonly clock: VirtualClock;
  readonly engine: WorkflowEngine;
  readonly arns: WorkflowConfig['arns'];
  /** Starts the workflows of every case not yet closed (executions do not survive a restart). */
  resume(): Promise<number>;
  stop(): Promise<void>;
}

const CLOCK_SAVE_MS = 5_000;

async function savedClock(file: string | undefined): Promise<number> {
  if (!file) return Date.now();
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { virtualNow?: unknown };
    // A clock that ran ahead (speed > 1) continues from there; time never goes back.
    return typeof saved.virtualNow === 'string' ? Math.max(Date.parse(saved.virtualNow) || 0, Date.now()) : Date.now();
  } catch {
    return Date.now();
  }
}

/**
 * The workflows part of `npm start`: the local Step Functions service with rightsdesk's state
 * machines, the same workflow handlers the Lambdas run (DynamoDB Local, the e-mail notifier, staff
 * alerts through the SES stand-in), and a clock that can run faster for demos.
 */
export async function startLocalWorkflows(options: LocalWorkflowsOptions): Promise<LocalWorkflows> {
  const clock = new VirtualClock({ start: new Date(await savedClock(options.clockFile)), speed: options.speed });
  const dynamodb = new DynamoDBClient({ ...AWS_CLIENT_LIMITS, region: options.region, endpoint: options.dynamodbEndpoint });
  const sfn = await startLocalSfn({ port: options.port, clock, dynamodb, region: options.region, ...(options.log ? { log: options.log } : {}) });
  const config: WorkflowConfig = {
    tableName: options.tableName,
    region: options.region,
    dynamodbEndpoint: options.dynamodbEndpoint,
    sesEndpoint: options.sesEndpoint,
    sfnEndpoint: sfn.endpoint,
    arns: {
      caseWorkflow: sfn.engine.stateMachineArn(STATE_MACHINES.caseWorkflow.name),
      deadlineTimer: sfn.engine.stateMachineArn(STATE_MACHINES.deadlineTimer.name),
    },
    settings: DEFAULT_WORKFLOW_SETTINGS,
  };
  // The same composition as the Lambdas; letters render in-process locally (on AWS: the `letters` function).
  const aws = awsClients({ ...config, ...(options.mail.s3Endpoint ? { s3Endpoint: options.mail.s3Endpoint } : {}) });
  const deps = composeWorkflowDeps(config, options.mail, {
    clock,
    aws,
    renderer: new PdfLetterRenderer(loadLetterFont()),
    identity: ({ messages, evidence, inboundMail, validationReports }) => qesIdentityVerifier({ messages, evidence, inboundMail, validationReports }, clock),
    ...(options.emailControl ? { links: options.emailControl } : {}),
  });
  await registerRightsdeskWorkflows(sfn, { tableName: options.tableName, handlers: createWorkflowHandlers(deps) });

  const saveClock = async () => {
    if (!options.clockFile) return;
    await mkdir(dirname(options.clockFile), { recursive: true });
    await writeFile(options.clockFile, JSON.stringify({ virtualNow: clock.now().toISOString(), speed: clock.speed }));
  };
  const saver = setInterval(() => void saveClock().catch(() => undefined), CLOCK_SAVE_MS);
  saver.unref();

  return {
    endpoint: sfn.endpoint,
    clock,
    engine: deps.workflows,
    arns: config.arns,
    resume: async () => {
      const { resumed, failed } = await resumeOpenCases({ tenants: tenantRegistry, repo: deps.repo, workflows: deps.workflows, steps: deps });
      for (const line of failed.slice(0, 20)) options.log?.(`Workflows       could not resume ${line}`);
      return resumed;
    },
    stop: async () => {
      clearInterval(saver);
      await saveClock().catch(() => undefined);
      await sfn.stop();
      clock.dispose();
      aws.destroy();
      dynamodb.destroy();
    },
  };
}
