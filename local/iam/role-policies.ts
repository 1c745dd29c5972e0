import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The account and region the local world pretends to be (the local Step Functions service's). */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'eu-central-1';

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: ReadonlyArray<Record<string, unknown>>;
}

/** Each function's identity policies (by function name, as in infra/bundling.ts), ARNs resolved. */
export type RolePolicies = Record<string, PolicyDocument[]>;

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}
interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
}

/**
 * Resolves the intrinsic functions a synthesized role policy uses to the concrete ARNs of the
 * local world: pseudo parameters, Fn::Join, cross-stack imports, and Ref/GetAtt of the resources
 * the policies name (table, keys, functions, SES identities and configuration set).
 */
class Resolver {
  private readonly exports = new Map<string, unknown>();
  constructor(
    private readonly templates: readonly CfnTemplate[],
    private readonly names: { readonly tableName: string },
  ) {
    for (const template of templates) {
      for (const output of Object.values(template.Outputs ?? {})) if (output.Export) this.exports.set(String(this.value(output.Export.Name, template)), { value: output.Value, template });
    }
  }

  value(node: unknown, template: CfnTemplate): unknown {
    if (Array.isArray(node)) return node.map((item) => this.value(item, template));
    if (!node || typeof node !== 'object') return node;
    const object = node as Record<string, unknown>;
    if ('Ref' in object) return this.ref(String(object.Ref), template);
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => this.value(part, template)).join(separator);
    }
    if ('Fn::GetAtt' in object) {
      const [id, attribute] = object['Fn::GetAtt'] as [string, string];
      return this.attribute(id, attribute, template);
    }
    if ('Fn::ImportValue' in object) {
      const name = String(this.value(object['Fn::ImportValue'], template));
      const exported = this.exports.get(name) as { value: unknown; template: CfnTemplate } | undefined;
      if (!exported) throw new Error(`Local IAM: no stack exports ${name}`);
      return this.value(exported.value, exported.template);
    }
    return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, this.value(value, template)]));
  }

  private ref(id: string, template: CfnTemplate): string {
    if (id === 'AWS::AccountId') return LOCAL_ACCOUNT;
    if (id === 'AWS::Region') return LOCAL_REGION;
    if (id === 'AWS::Partition') return 'aws';
    if (id === 'AWS::URLSuffix') return 'amazonaws.com';
    const resource = template.Resources[id];
    if (!resource) throw new Error(`Local IAM: Ref to unknown resource ${id}`);
    switch (resource.Type) {
      case 'AWS::SES::EmailIdentity':
        return String(resource.Properties?.EmailIdentity);
      // The local world names the configuration set after its logical id (SES_CONFIGURATION_SET).
      case 'AWS::SES::ConfigurationSet':
        return String(resource.Properties?.Name ?? id);
      case 'AWS::DynamoDB::Table':
        return this.names.tableName;
      default:
        return id;
    }
  }

  private attribute(id: string, attribute: string, template: CfnTemplate): string {
    const resource = template.Resources[id];
    if (!resource) throw new Error(`Local IAM: GetAtt of unknown resource ${id}`);
    if (attribute !== 'Arn') return `${id}.${attribute}`;
    const arn = (service: string, resourcePath: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resourcePath}`;
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table':
        return arn('dynamodb', `table/${this.names.tableName}`);
      case 'AWS::KMS::Key':
        return arn('kms', `key/${id}`);
      case 'AWS::Lambda::Function':
        return arn('lambda', `function:${id}`);
      case 'AWS::Logs::LogGroup':
        return arn('logs', `log-group:${id}`);
      case 'AWS::SQS::Queue':
        return arn('sqs', id);
      case 'AWS::S3::Bucket':
        return `arn:aws:s3:::${String(this.value(resource.Properties?.BucketName ?? id, template))}`;
      default:
        return arn(resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown', id);
    }
  }
}

/**
 * Every function's identity policies from the synthesized service template (its inline policies
 * and the AWS::IAM::Policy resources attached to its role), keyed by function name.
 */
export function rolePoliciesFromTemplates(service: CfnTemplate, data: CfnTemplate, names: { readonly tableName: string }): RolePolicies {
  const resolver = new Resolver([data, service], names);
  const policies: RolePolicies = {};
  for (const [id, resource] of Object.entries(service.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const functionName = functionNameOf(id);
    if (!functionName) continue;
    const roleId = (resource.Properties?.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = service.Resources[roleId];
    const inline = ((role?.Properties?.Policies ?? []) as Array<{ PolicyDocument: PolicyDocument }>).map((p) => p.PolicyDocument);
    const attached = Object.values(service.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(`"${roleId}"`))
      .map((r) => r.Properties?.PolicyDocument as PolicyDocument);
    policies[functionName] = [...inline, ...attached].map((doc) => resolver.value(doc, service) as PolicyDocument);
  }
  return policies;
}

/** `FnworkflowintakeABC123` → `workflow-intake`, from the function names in infra/bundling.ts. */
let knownNames: readonly string[] = [];
export function setKnownFunctionNames(names: readonly string[]): void {
  knownNames = names;
}
function functionNameOf(logicalId: string): string | undefined {
  const candidates = knownNames.filter((name) => logicalId.startsWith(`Fn${name.replaceAll('-', '')}`));
  // The longest match: `Fnworkflowtimerplan…` must not be taken for another step's prefix.
  return candidates.sort((a, b) => b.length - a.length)[0];
}

/**
 * The synthesized templates (in-memory synth without bundling, ~20 s), cached under
 * `.local/iam/` by a hash of everything that shapes the roles, so `npm start`, the integration
 * suite and `npm run invoke` pay for it once per change of infra/.
 */
export async function synthesizedRolePolicies(options: { readonly tableName: string; readonly cacheDir?: string; readonly context?: Record<string, unknown> }): Promise<RolePolicies> {
  const root = resolve(import.meta.dirname, '../..');
  const inputs = ['infra', 'cdk.json', 'shared/tenants', 'shared/adapters/dynamodb/table.ts', 'shared/adapters/sfn/definitions.ts', 'statemachines', 'local/iam/role-policies.ts'];
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options.context ?? {}));
  for (const input of inputs) for (const file of listFiles(join(root, input))) hash.update(file).update(readFileSync(file));
  const cacheDir = options.cacheDir ?? join(root, '.local', 'iam');
  const cacheFile = join(cacheDir, `templates-${hash.digest('hex').slice(0, 16)}.json`);
  let templates: { service: CfnTemplate; data: CfnTemplate };
  if (existsSync(cacheFile)) {
    templates = JSON.parse(readFileSync(cacheFile, 'utf8')) as typeof templates;
  } else {
    const [{ App }, { buildApp }] = await Promise.all([import('aws-cdk-lib'), import('../../infra/app.ts')]);
    const { context } = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    // No bundling: the roles do not depend on the code assets.
    // The trusted-list refresh is deployed only with a LOTL signers file; its role does not depend
    // on the file's content, so any file stands in, and the local world holds its role too.
    const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [], 'rightsdesk:lotlSignersFile': join(root, 'cdk.json'), ...options.context }, outdir: join(cacheDir, 'cdk.out') });
    const built = buildApp(app);
    const assembly = app.synth();
    templates = {
      service: assembly.getStackByName(built.service.stackName).template as CfnTemplate,
      data: assembly.getStackByName(built.data.stackName).template as CfnTemplate,
    };
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(templates));
  }
  const { FUNCTIONS } = await import('../../infra/bundling.ts');
  setKnownFunctionNames(FUNCTIONS.map((f) => f.name));
  return rolePoliciesFromTemplates(templates.service, templates.data, options);
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => listFiles(join(path, entry)));
}
