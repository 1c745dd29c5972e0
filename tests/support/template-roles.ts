import type { Template } from 'aws-cdk-lib/assertions';
import { FUNCTIONS } from '../../infra/bundling.ts';

export interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly Sid?: string;
}
type Resource = { Type: string; Properties: Record<string, unknown> };

/** The logical id of each function's role in the service template, by function name. */
export function functionRoles(service: Template): Record<string, string> {
  const functions = service.findResources('AWS::Lambda::Function') as Record<string, Resource>;
  const roles: Record<string, string> = {};
  for (const spec of FUNCTIONS) {
    const fn = Object.entries(functions).find(([id]) => id.startsWith(`Fn${spec.name.replaceAll('-', '')}`));
    if (!fn) continue;
    roles[spec.name] = (fn[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  }
  return roles;
}

/** Every statement of the role's inline policies and the policies attached to it. */
export function roleStatements(service: Template, roleId: string): Statement[] {
  const role = (service.findResources('AWS::IAM::Role') as Record<string, Resource>)[roleId];
  const inline = ((role?.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap((p) => p.PolicyDocument.Statement);
  const attached = Object.values(service.findResources('AWS::IAM::Policy') as Record<string, Resource>)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  return [...inline, ...attached];
}

/**
 * The actions a function's role allows for its code: not its logs, X-Ray, the data key (used
 * through DynamoDB and S3), nor its own on-failure queue (Lambda sends there with the role).
 */
export function apiActions(statements: readonly Statement[]): Set<string> {
  return new Set(
    statements
      .filter((s) => s.Effect === 'Allow')
      .filter((s) => !JSON.stringify(s.Resource).includes('Failures'))
      .flatMap((s) => [s.Action].flat())
      .filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:') && !['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'].includes(a)),
  );
}
