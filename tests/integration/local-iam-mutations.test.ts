import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { SfnWorkflowEngine } from '#adapters/sfn/workflow-engine.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSesNotificationHandler } from '../../functions/ses-notifications/handler.ts';
import { asFunction, installLocalIam, localIamStats, underRole } from '../../local/iam/enforce.ts';
import { synthesizedRolePolicies, type RolePolicies } from '../../local/iam/role-policies.ts';
import { startLocalSfn, type LocalSfn } from '../../local/sfn/service.ts';
import { VirtualClock } from '../../local/sfn/virtual-clock.ts';
import { rawMail, startEmailRig, unique, type EmailRig } from './email-support.ts';
import { dynamoClientFor, LOCAL_CREDENTIALS, LOCAL_REGION } from './helpers.ts';

/**
 * The mutation test of local IAM enforcement (issue 12): with the real synthesized roles each
 * path works; with one grant removed from the synthesized policy, the path that needs it fails
 * with AccessDenied — as it would on AWS. Each mutation removes exactly one action (optionally only
 * from the statements naming one resource) from one function's role.
 */
let real: RolePolicies;
let rig: EmailRig | undefined;
let sfn: LocalSfn | undefined;

beforeAll(async () => {
  real = await synthesizedRolePolicies({ tableName: inject('tableName') });
});
afterEach(async () => {
  installLocalIam(real, {});
  await rig?.stop();
  rig = undefined;
});
afterAll(async () => {
  await sfn?.stop();
});

/** The synthesized policies with `action` taken out of `fn`'s statements (those whose resources contain `on`, if given). */
function without(fn: string, action: string, on?: string): RolePolicies {
  const copy = structuredClone(real);
  let removed = 0;
  copy[fn] = copy[fn]!.map((doc) => ({
    ...doc,
    Statement: doc.Statement.flatMap((statement) => {
      const actions = [statement.Action].flat() as string[];
      if (!actions.includes(action) || (on && !JSON.stringify(statement.Resource).includes(on))) return [statement];
      removed += 1;
      const rest = actions.filter((a) => a !== action);
      return rest.length > 0 ? [{ ...statement, Action: rest }] : [];
    }),
  }));
  expect(removed, `${fn} has ${action}${on ? ` on ${on}` : ''} in the synthesized template`).toBeGreaterThan(0);
  return copy;
}

const mailbox = tenantRegistry.get('bajtel').mailbox;
const request = (from: string, messageId = `<m-${unique()}@example.lt>`) => rawMail([`From: ${from}`, `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: ${messageId}`, '', 'Prašau pateikti mano duomenų kopiją.']);

async function receive(policies: RolePolicies) {
  installLocalIam(policies, {});
  rig = await startEmailRig({ retryDelaysMs: [] });
  const from = `iam.${unique()}@example.lt`;
  await rig.send(request(from), { from, to: [mailbox] });
  const cases = await rig.caseFor('bajtel', from);
  return { cases, failures: rig.failures.join('\n'), acknowledgements: await rig.outboxTo(from) };
}

describe('local IAM: removing one grant a path needs makes that path fail with AccessDenied', () => {
  it('inbound mail works with the real template: case opened, acknowledgement sent', async () => {
    const result = await receive(real);
    expect(result.failures).toBe('');
    expect(result.cases).toHaveLength(1);
    expect(result.acknowledgements).toHaveLength(1);
  });

  it('without s3:GetObject on the inbound/ prefix, the inbound function cannot read the received mail', async () => {
    const result = await receive(without('inbound-email', 's3:GetObject', '/inbound/*'));
    expect(result.failures).toMatch(/is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::rightsdesk-inbound-mail-000000000000-eu-central-1\/inbound\//);
    expect(result.cases).toHaveLength(0);
  });

  it('without dynamodb:BatchGetItem, receiving mail fails (H1: the message store reads threads with BatchGet)', async () => {
    const result = await receive(without('inbound-email', 'dynamodb:BatchGetItem'));
    expect(result.failures).toMatch(/is not authorized to perform: dynamodb:BatchGetItem on resource: arn:aws:dynamodb:eu-central-1:000000000000:table\//);
    expect(result.cases).toHaveLength(0);
  });

  it('without ses:SendEmail, the acknowledgement is refused with AccessDenied and none is sent', async () => {
    const result = await receive(without('inbound-email', 'ses:SendEmail'));
    // The product handles the refusal (flag, don't lose): the case is kept, its acknowledgement marked failed.
    expect(result.acknowledgements).toHaveLength(0);
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]?.acknowledgement).toMatchObject({ status: 'failed' });
    expect(localIamStats().denied).toContainEqual(expect.objectContaining({ fn: 'inbound-email', action: 'ses:SendEmail', resource: `arn:aws:ses:eu-central-1:000000000000:identity/${mailbox}` }));
  });

  it('SES bounce notifications: the real role processes one; without dynamodb:BatchGetItem it is AccessDenied', async () => {
    const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
    const handler = underRole(
      'ses-notifications',
      createSesNotificationHandler({ tenants: tenantRegistry, repo: new DynamoCaseRepository(dynamo, inject('tableName')), messages: new DynamoMessageStore(dynamo, inject('tableName')), clock: systemClock }),
    );
    const bounce = {
      Records: [
        {
          Sns: {
            Timestamp: new Date().toISOString(),
            Message: JSON.stringify({
              notificationType: 'Bounce',
              mail: { messageId: `unknown-${unique()}`, source: mailbox, timestamp: new Date().toISOString() },
              bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'gone@example.lt' }] },
            }),
          },
        },
      ],
    };
    installLocalIam(real, {});
    await expect(handler(bounce)).resolves.toMatchObject({ flagged: 1 });
    installLocalIam(without('ses-notifications', 'dynamodb:BatchGetItem'), {});
    await expect(handler(bounce)).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('dynamodb:BatchGetItem') });
  });

  it('staff decisions resume workflows with SendTaskSuccess (H2: on "*"); without it the API is AccessDenied', async () => {
    sfn = await startLocalSfn({ clock: new VirtualClock() });
    const engine = new SfnWorkflowEngine(new SFNClient({ endpoint: sfn.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), {
      caseWorkflow: sfn.engine.stateMachineArn(STATE_MACHINES.caseWorkflow.name),
      deadlineTimer: sfn.engine.stateMachineArn(STATE_MACHINES.deadlineTimer.name),
    });
    // With the real role the call reaches the service, which knows no such task.
    installLocalIam(real, {});
    await expect(asFunction('api', () => engine.sendDecision('no-such-token', { decision: 'approve' }))).rejects.toMatchObject({ name: 'WorkflowNotWaitingError' });
    installLocalIam(without('api', 'states:SendTaskSuccess'), {});
    await expect(asFunction('api', () => engine.sendDecision('no-such-token', { decision: 'approve' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('is not authorized to perform: states:SendTaskSuccess on resource: *'),
    });
  });
});
