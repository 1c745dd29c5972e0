import { COMMAND_ACTIONS, TRANSACT_ITEM_ACTIONS } from '../../infra/permissions.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './role-policies.ts';

/** One authorisation AWS makes for a call: an action on a resource, with its request context. */
export interface IamRequest {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
}

/** Local names → the deployed ones the synthesized policies name. */
export interface LocalNames {
  /** The deployed configuration set's name (local sends may name any). */
  readonly configurationSet?: string;
}

/**
 * The deployed bucket a local bucket stands for (`rightsdesk-<purpose>-<account>-<region>`): local
 * buckets (`rightsdesk-evidence`, `email-test-inbound-mail`, `channels-test-answers`, …) say their
 * purpose in their name. Any other bucket is no rightsdesk bucket, and no role grants it.
 */
export function deployedBucket(local: string): string {
  const purpose = local.includes('inbound') ? 'inbound-mail' : local.includes('evidence') ? 'evidence' : local.includes('answers') ? 'answers' : undefined;
  return purpose ? `rightsdesk-${purpose}-${LOCAL_ACCOUNT}-${LOCAL_REGION}` : local;
}

type Input = Record<string, unknown>;
const arn = (service: string, resource: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;

/**
 * What IAM authorises for one SDK command, as AWS does: lib-dynamodb's document commands as the
 * item actions they become (transactions per item, batch reads per table, queries on an index as
 * the index ARN), S3 object keys as object ARNs (multi-delete per key and version), SES sends on
 * the sender identity and the configuration set, Step Functions on the state machine or
 * execution ARN (task tokens: no resource), KMS on the key.
 */
export function iamRequests(commandName: string, input: Input, names: LocalNames): IamRequest[] {
  const table = (name: unknown) => arn('dynamodb', `table/${String(name)}`);
  const bucket = (name: unknown) => deployedBucket(String(name));
  const object = (b: unknown, key: unknown) => `arn:aws:s3:::${bucket(b)}/${String(key)}`;
  switch (commandName) {
    case 'TransactWriteCommand':
    case 'TransactWriteItemsCommand':
      return ((input.TransactItems ?? []) as Input[]).flatMap((item) =>
        Object.entries(item).map(([kind, operation]) => ({ action: TRANSACT_ITEM_ACTIONS[kind] ?? `dynamodb:${kind}`, resource: table((operation as Input).TableName) })),
      );
    case 'TransactGetCommand':
    case 'TransactGetItemsCommand':
      return ((input.TransactItems ?? []) as Input[]).map((item) => ({ action: 'dynamodb:GetItem', resource: table((item.Get as Input).TableName) }));
    case 'BatchGetCommand':
    case 'BatchGetItemCommand':
      return Object.keys((input.RequestItems ?? {}) as Input).map((name) => ({ action: 'dynamodb:BatchGetItem', resource: table(name) }));
    case 'BatchWriteCommand':
    case 'BatchWriteItemCommand':
      return Object.keys((input.RequestItems ?? {}) as Input).map((name) => ({ action: 'dynamodb:BatchWriteItem', resource: table(name) }));
    case 'QueryCommand':
    case 'ScanCommand':
      return [{ action: COMMAND_ACTIONS[commandName]![0]!, resource: input.IndexName ? `${table(input.TableName)}/index/${String(input.IndexName)}` : table(input.TableName) }];
    case 'GetCommand':
    case 'GetItemCommand':
    case 'PutCommand':
    case 'PutItemCommand':
    case 'UpdateCommand':
    case 'UpdateItemCommand':
    case 'DeleteCommand':
    case 'DeleteItemCommand':
      return [{ action: COMMAND_ACTIONS[commandName]![0]!, resource: table(input.TableName) }];
    case 'GetObjectCommand':
    case 'HeadObjectCommand':
    case 'PutObjectCommand':
    case 'DeleteObjectCommand':
      return [{ action: input.VersionId && commandName === 'DeleteObjectCommand' ? 's3:DeleteObjectVersion' : COMMAND_ACTIONS[commandName]![0]!, resource: object(input.Bucket, input.Key) }];
    case 'DeleteObjectsCommand':
      return ((input.Delete as { Objects?: Input[] } | undefined)?.Objects ?? []).map((o) => ({ action: o.VersionId ? 's3:DeleteObjectVersion' : 's3:DeleteObject', resource: object(input.Bucket, o.Key) }));
    case 'ListObjectVersionsCommand':
    case 'ListObjectsV2Command':
      return [{ action: COMMAND_ACTIONS[commandName]![0]!, resource: `arn:aws:s3:::${bucket(input.Bucket)}`, context: input.Prefix ? { 's3:prefix': String(input.Prefix) } : {} }];
    case 'SendEmailCommand': {
      const from = String(input.FromEmailAddress ?? '').replace(/^.*<([^>]+)>\s*$/, '$1');
      const requests: IamRequest[] = [{ action: 'ses:SendEmail', resource: arn('ses', `identity/${from}`) }];
      if (input.ConfigurationSetName) requests.push({ action: 'ses:SendEmail', resource: arn('ses', `configuration-set/${names.configurationSet ?? String(input.ConfigurationSetName)}`) });
      return requests;
    }
    case 'GetAccountCommand':
      return [{ action: 'ses:GetAccount', resource: '*' }];
    case 'StartExecutionCommand':
      return [{ action: 'states:StartExecution', resource: String(input.stateMachineArn) }];
    case 'DescribeStateMachineCommand':
      return [{ action: 'states:DescribeStateMachine', resource: String(input.stateMachineArn) }];
    case 'StopExecutionCommand':
      return [{ action: 'states:StopExecution', resource: String(input.executionArn) }];
    case 'SendTaskSuccessCommand':
    case 'SendTaskFailureCommand':
    case 'SendTaskHeartbeatCommand':
      return [{ action: COMMAND_ACTIONS[commandName]![0]!, resource: '*' }];
    case 'InvokeCommand':
      return [{ action: 'lambda:InvokeFunction', resource: String(input.FunctionName).startsWith('arn:') ? String(input.FunctionName) : arn('lambda', `function:${String(input.FunctionName)}`) }];
    case 'SignCommand':
    case 'GetPublicKeyCommand':
      return [{ action: COMMAND_ACTIONS[commandName]![0]!, resource: String(input.KeyId).startsWith('arn:') ? String(input.KeyId) : arn('kms', `key/${String(input.KeyId)}`) }];
    default:
      throw new Error(`Local IAM: no mapping for ${commandName}; add it to local/iam/requests.ts and infra/permissions.ts`);
  }
}
