import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/bundling.ts';
import { functionRoles, roleStatements, type Statement } from '../support/template-roles.ts';
import { synthTemplates } from '../support/synth.ts';

/**
 * Template checks for what cfn-lint and checkov found on cdk.out and what reading infra/ against
 * the code found (docs/deploy.md): each was invisible to every other test, and each fails on AWS
 * (or leaves personal data where it should not be).
 */
type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let data: Template;
let service: Template;
let roles: Record<string, string>;
let synthError: unknown;

beforeAll(() => {
  const built = synthTemplates();
  data = built.data;
  service = built.service;
  roles = functionRoles(service);
  try {
    built.synth();
  } catch (error) {
    synthError = error;
  }
}, 120_000);

const resources = (template: Template, type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);
const statementsOf = (name: string): Statement[] => roleStatements(service, roles[name]!);
const allows = (name: string, action: string) => statementsOf(name).filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action));
const dataKeyPolicy = (): Statement[] => {
  const key = resources(data, 'AWS::KMS::Key').find(([id]) => id.startsWith('DataKey'));
  return ((key?.[1].Properties.KeyPolicy as { Statement: Statement[] }) ?? { Statement: [] }).Statement;
};
const serviceActions = (principal: string): string[] =>
  dataKeyPolicy()
    .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === JSON.stringify({ Service: principal }))
    .flatMap((s) => [s.Action].flat());
/** Does a key-policy action list cover `action` (e.g. `kms:GenerateDataKey*` covers `kms:GenerateDataKey`)? */
const covers = (granted: readonly string[], action: string) => granted.some((g) => g === action || (g.endsWith('*') && action.startsWith(g.slice(0, -1))));

describe('deploy-time defects (docs/deploy.md)', () => {
  it('synthesises cdk-nag clean with the fixes', () => {
    expect(synthError).toBeUndefined();
  });

  it('H1: every function whose bundle holds the message store may BatchGetItem on the table', () => {
    for (const name of ['inbound-email', 'ses-notifications', 'api', 'console', 'forms', 'workflow-intake', 'workflow-await-subject', 'workflow-conclude']) {
      const grants = allows(name, 'dynamodb:BatchGetItem');
      expect(grants, name).toHaveLength(1);
      expect(JSON.stringify(grants[0]?.Resource)).toContain('Cases');
    }
  });

  it('H2: SendTaskSuccess is granted on "*" (it takes no resource), only to the functions that resume workflows', () => {
    const holders = Object.keys(roles).filter((name) => allows(name, 'states:SendTaskSuccess').length > 0).sort();
    // fulfilment: drafting the answer from the task results resumes the workflow waiting for the draft.
    expect(holders).toEqual(['api', 'console', 'forms', 'fulfilment', 'inbound-email', 'workflow-await-subject'].sort());
    for (const name of holders) expect(allows(name, 'states:SendTaskSuccess').map((s) => s.Resource)).toEqual(['*']);
    // Nothing sends SendTaskFailure: no function may.
    expect(Object.keys(roles).filter((name) => allows(name, 'states:SendTaskFailure').length > 0)).toEqual([]);
  });

  it('H3: the alarms topic is encrypted with the data key, and CloudWatch may use that key', () => {
    const alarmsTopic = resources(service, 'AWS::SNS::Topic').find(([, t]) => t.Properties.DisplayName === 'rightsdesk alarms');
    expect(alarmsTopic?.[1].Properties.KmsMasterKeyId).toBeDefined();
    const granted = serviceActions('cloudwatch.amazonaws.com');
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey']) expect(covers(granted, action), action).toBe(true);
  });

  it('H4: SES may encrypt for the mail-events topic (Decrypt and GenerateDataKey*) and for the inbound bucket', () => {
    const granted = serviceActions('ses.amazonaws.com');
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt']) expect(covers(granted, action), action).toBe(true);
    const ses = dataKeyPolicy().find((s) => JSON.stringify(s.Principal).includes('ses.amazonaws.com'));
    expect(ses?.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });

  it('M1: the Cognito domain prefix is unique per account unless one is configured', () => {
    service.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { 'Fn::Join': ['', ['rightsdesk-', { Ref: 'AWS::AccountId' }]] } });
    const configured = synthTemplates({ 'rightsdesk:cognitoDomainPrefix': 'softera-privacy' });
    configured.service.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'softera-privacy' });
  }, 120_000);

  it('M2: the staff user pool has deletion protection and is retained', () => {
    service.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    const [[, pool] = ['', undefined]] = resources(service, 'AWS::Cognito::UserPool');
    expect(pool?.DeletionPolicy).toBe('Retain');
  });

  it('M3: every log group is encrypted with the customer-managed key', () => {
    const groups = resources(service, 'AWS::Logs::LogGroup');
    // 18 functions (the trusted-list refresh only with its signers file: 17 here), 2 state machines, API access logs.
    expect(groups.length).toBeGreaterThanOrEqual(20);
    for (const [id, group] of groups) expect(JSON.stringify(group.Properties.KmsKeyId), id).toContain('DataKey');
    const logs = dataKeyPolicy().find((s) => JSON.stringify(s.Principal).includes('logs.eu-central-1.amazonaws.com'));
    expect(logs?.Condition).toMatchObject({ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } });
  });

  it('M4: grants are per function: steps that send no mail may not send mail, and the resume step only reads', () => {
    for (const name of ['workflow-resume', 'workflow-timer-plan', 'ses-notifications', 'webhooks', 'overdue-gauge', 'letters']) {
      expect(allows(name, 'ses:SendEmail'), name).toHaveLength(0);
    }
    // Issue 15: intake sends the acknowledgement a new case owes (moved off the API's request
    // path), so it may send mail, from the tenant mailboxes only, like every notifying step.
    const mailScope = (name: string) => allows(name, 'ses:SendEmail').map((s) => JSON.stringify([s.Resource, s.Condition ?? null]));
    expect(mailScope('workflow-intake')).toHaveLength(1);
    expect(mailScope('workflow-intake')).toEqual(mailScope('workflow-extend'));
    const resume = statementsOf('workflow-resume').flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('dynamodb:') || a.startsWith('s3:') || a.startsWith('states:') || a.startsWith('ses:'));
    expect(resume).toEqual(['dynamodb:GetItem']);
    // Only the conclude step stops timers; only the staff functions erase evidence (ID scans), and the retention purge (whole closed cases).
    expect(Object.keys(roles).filter((name) => allows(name, 'states:StopExecution').length > 0)).toEqual(['workflow-conclude']);
    expect(Object.keys(roles).filter((name) => allows(name, 's3:DeleteObjectVersion').length > 0).sort()).toEqual(['accountability-sweep', 'api', 'console']);
    // No two workflow steps with different code share a policy.
    const stepPolicies = Object.keys(roles).filter((n) => n.startsWith('workflow-')).map((n) => JSON.stringify(statementsOf(n).filter((s) => ![s.Action].flat().some((a) => a.startsWith('logs:')))));
    expect(new Set(stepPolicies).size).toBeGreaterThanOrEqual(6);
  });

  it('L1: erasing an ID scan removes every version: versioned evidence bucket, ListBucketVersions + DeleteObjectVersion, noncurrent versions expire', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['rightsdesk-evidence-'])] }),
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 1 } })]) },
    });
    for (const name of ['api', 'console']) {
      expect(JSON.stringify(allows(name, 's3:ListBucketVersions')[0]?.Resource)).toMatch(/rightsdesk-evidence-[^/]*"\]\]\}$/);
      expect(JSON.stringify(allows(name, 's3:DeleteObjectVersion')[0]?.Resource)).toContain('rightsdesk-evidence-');
      // A plain DeleteObject would only add a delete marker: nothing needs it any more.
      expect(allows(name, 's3:DeleteObject')).toHaveLength(0);
    }
  });

  it('L2: every EventBridge target and the SNS subscription has a dead-letter queue, each alarmed', () => {
    const rules = resources(service, 'AWS::Events::Rule');
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const [id, rule] of rules) {
      for (const target of rule.Properties.Targets as Array<Record<string, unknown>>) expect(target.DeadLetterConfig, id).toMatchObject({ Arn: expect.anything() });
    }
    service.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: { deadLetterTargetArn: Match.anyValue() } });
    const queues = resources(service, 'AWS::SQS::Queue').map(([id]) => id);
    const alarmed = resources(service, 'AWS::CloudWatch::Alarm').map(([, a]) => JSON.stringify(a.Properties));
    for (const queue of queues) expect(alarmed.some((a) => a.includes(`"${queue}"`)), queue).toBe(true);
  });

  it('L3: every function has reserved concurrency, within the default account quota; switchable off for new accounts', () => {
    const functions = resources(service, 'AWS::Lambda::Function');
    let total = 0;
    for (const [id, fn] of functions) {
      expect(fn.Properties.ReservedConcurrentExecutions, id).toBeGreaterThan(0);
      total += fn.Properties.ReservedConcurrentExecutions as number;
    }
    expect(total).toBe(FUNCTIONS.filter((f) => f.name !== 'trusted-list-refresh').reduce((sum, f) => sum + f.reservedConcurrency, 0));
    expect(total).toBeLessThanOrEqual(1000 - 100 - 500); // leaves room under the default quota of 1 000
    const off = synthTemplates({ 'rightsdesk:reserveConcurrency': 'false' });
    for (const [, fn] of resources(off.service, 'AWS::Lambda::Function')) expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
  }, 120_000);

  it('L4: no bucket uses ACLs (object ownership enforced, no AccessControl)', () => {
    for (const [id, bucket] of resources(data, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.AccessControl, id).toBeUndefined();
      if (id.startsWith('AccessLogs')) expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
  });

  it('L5: the receipt rule requires TLS', () => {
    service.hasResourceProperties('AWS::SES::ReceiptRule', { Rule: Match.objectLike({ TlsPolicy: 'Require' }) });
  });

  it('L5: the region comes from context (default eu-central-1), never from the CLI default region', () => {
    const previous = process.env.CDK_DEFAULT_REGION;
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    try {
      const built = synthTemplates();
      expect(JSON.stringify(built.service.toJSON())).toContain(':eu-central-1:');
      expect(JSON.stringify(built.service.toJSON())).not.toContain('us-east-1');
      const other = synthTemplates({ 'rightsdesk:region': 'eu-north-1' });
      expect(JSON.stringify(other.service.toJSON())).toContain(':eu-north-1:');
    } finally {
      if (previous === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = previous;
    }
  }, 180_000);

  it('every encrypted topic, queue and bucket: the data key lets each AWS service that writes to it use the key as that service must', () => {
    /** What a service principal must be allowed on the key to write to an encrypted resource of each kind (AWS docs). */
    const required: Record<string, readonly string[]> = {
      'AWS::SNS::Topic': ['kms:GenerateDataKey', 'kms:Decrypt'],
      'AWS::SQS::Queue': ['kms:GenerateDataKey', 'kms:Decrypt'],
      'AWS::S3::Bucket': ['kms:GenerateDataKey', 'kms:Encrypt'],
    };
    const writers: Array<{ resource: string; type: string; service: string; encrypted: boolean }> = [];
    const topicEncrypted = (id: string) => Boolean((service.findResources('AWS::SNS::Topic') as Record<string, Resource>)[id]?.Properties.KmsMasterKeyId);
    // CloudWatch alarms publish to the topics in their actions.
    for (const [, alarm] of resources(service, 'AWS::CloudWatch::Alarm')) {
      for (const action of (alarm.Properties.AlarmActions ?? []) as Array<{ Ref: string }>) writers.push({ resource: action.Ref, type: 'AWS::SNS::Topic', service: 'cloudwatch.amazonaws.com', encrypted: topicEncrypted(action.Ref) });
    }
    // SES configuration-set events publish to SNS.
    for (const [, destination] of resources(service, 'AWS::SES::ConfigurationSetEventDestination')) {
      const topic = (destination.Properties.EventDestination as { SnsDestination?: { TopicARN: { Ref: string } } }).SnsDestination?.TopicARN.Ref;
      if (topic) writers.push({ resource: topic, type: 'AWS::SNS::Topic', service: 'ses.amazonaws.com', encrypted: topicEncrypted(topic) });
    }
    // SES receipt rules write received mail to S3.
    for (const [, rule] of resources(service, 'AWS::SES::ReceiptRule')) {
      for (const action of (rule.Properties.Rule as { Actions: Array<{ S3Action?: { BucketName: unknown } }> }).Actions) {
        if (!action.S3Action) continue;
        const bucket = resources(data, 'AWS::S3::Bucket').find(([id]) => JSON.stringify(action.S3Action?.BucketName).includes(id));
        writers.push({ resource: bucket?.[0] ?? 'unknown', type: 'AWS::S3::Bucket', service: 'ses.amazonaws.com', encrypted: JSON.stringify(bucket?.[1].Properties.BucketEncryption).includes('aws:kms') });
      }
    }
    // EventBridge and SNS send undeliverable events to dead-letter queues.
    const queueEncrypted = (arn: unknown) => {
      const queue = resources(service, 'AWS::SQS::Queue').find(([id]) => JSON.stringify(arn).includes(id));
      return { id: queue?.[0] ?? 'unknown', encrypted: Boolean(queue?.[1].Properties.KmsMasterKeyId) && queue?.[1].Properties.KmsMasterKeyId !== 'alias/aws/sqs' && !queue?.[1].Properties.SqsManagedSseEnabled };
    };
    for (const [, rule] of resources(service, 'AWS::Events::Rule')) {
      for (const target of rule.Properties.Targets as Array<{ DeadLetterConfig?: { Arn: unknown } }>) {
        if (target.DeadLetterConfig) writers.push({ resource: queueEncrypted(target.DeadLetterConfig.Arn).id, type: 'AWS::SQS::Queue', service: 'events.amazonaws.com', encrypted: queueEncrypted(target.DeadLetterConfig.Arn).encrypted });
      }
    }
    for (const [, subscription] of resources(service, 'AWS::SNS::Subscription')) {
      const dlq = (subscription.Properties.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined)?.deadLetterTargetArn;
      if (dlq) writers.push({ resource: queueEncrypted(dlq).id, type: 'AWS::SQS::Queue', service: 'sns.amazonaws.com', encrypted: queueEncrypted(dlq).encrypted });
    }
    expect(writers.filter((w) => w.service === 'cloudwatch.amazonaws.com' && w.encrypted).length).toBeGreaterThan(0);
    expect(writers.filter((w) => w.service === 'ses.amazonaws.com' && w.encrypted).map((w) => w.type).sort()).toEqual(['AWS::S3::Bucket', 'AWS::SNS::Topic']);
    expect(writers.filter((w) => w.type === 'AWS::SQS::Queue')).toHaveLength(resources(service, 'AWS::Events::Rule').length + 1);
    for (const writer of writers.filter((w) => w.encrypted)) {
      const granted = serviceActions(writer.service);
      for (const action of required[writer.type] ?? []) expect(covers(granted, action), `${writer.service} → ${writer.resource}: ${action}`).toBe(true);
    }
    // Every service the key lets in has a resource it writes to (no stale service grants), besides Logs (M3).
    const granted = dataKeyPolicy().flatMap((s) => [((s.Principal ?? {}) as { Service?: string }).Service ?? []].flat());
    for (const principal of granted) expect(principal === 'logs.eu-central-1.amazonaws.com' || writers.some((w) => w.encrypted && w.service === principal), principal).toBe(true);
  });
});
