import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { buildMailAdapters, s3ClientFor } from '#adapters/email-deps.ts';
import { buildFormsDeps } from '#adapters/forms-deps.ts';
import { buildWorkflowEngine } from '#adapters/sfn/build-engine.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { loadFormsConfig } from '#config/forms-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { systemClock } from '#adapters/system.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';

/**
 * The public web form (API Gateway routes `/forms/*` here): its own function, unauthenticated,
 * with its own small bundle. Config and clients are built once per container.
 */
const mail = loadMailConfig();
const dynamo = new DynamoDBClient({ region: mail.region, ...(mail.dynamodbEndpoint ? { endpoint: mail.dynamodbEndpoint } : {}) });
const mailer = new SesMailer(new SESv2Client({ region: mail.region, ...(mail.sesEndpoint ? { endpoint: mail.sesEndpoint } : {}) }), mail.sesConfigurationSet ? { configurationSet: mail.sesConfigurationSet } : {});
const s3 = s3ClientFor(mail);
const { notifier } = buildMailAdapters(mail, { dynamo, s3, mailer });
const { workflows } = buildWorkflowEngine(loadWorkflowEngineConfig());
if (!workflows) throw new Error('The forms function needs CASE_WORKFLOW_ARN and DEADLINE_TIMER_ARN.');
const deps = buildFormsDeps(loadFormsConfig(), {
  tenants: tenantRegistry,
  repo: new DynamoCaseRepository(dynamo, mail.tableName),
  mailer,
  notifier,
  clock: systemClock,
  dynamo,
  tableName: mail.tableName,
  workflows,
}, { answers: { s3, bucket: mail.answersBucket } });
const root = new Hono();
root.route('/forms', createFormsApp(deps));

export const handler = handle(root);
