import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { synthesizedRolePolicies } from './local/iam/role-policies.ts';
import { installLocalIam, asFunction, localIamStats } from './local/iam/enforce.ts';
const t0 = Date.now();
const policies = await synthesizedRolePolicies({ tableName: 'rd' });
console.log('policies', Date.now() - t0, Object.keys(policies).length);
console.log(JSON.stringify(policies['ses-notifications']).slice(0, 1500));
installLocalIam(policies, { buckets: {} });
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 }));
for (const [fn, cmd] of [['ses-notifications', new BatchGetCommand({ RequestItems: { rd: { Keys: [{ PK: 'a', SK: 'b' }] } } })], ['overdue-gauge', new GetCommand({ TableName: 'rd', Key: { PK: 'a', SK: 'b' } })], ['letters', new GetCommand({ TableName: 'rd', Key: { PK: 'a', SK: 'b' } })]] as const) {
  try { await asFunction(fn, () => doc.send(cmd as never)); } catch (e) { console.log(fn, (e as Error).name, (e as Error).message.slice(0, 250)); }
}
const ses = new SESv2Client({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
for (const fn of ['forms', 'workflow-resume']) {
  try { await asFunction(fn, () => ses.send(new SendEmailCommand({ FromEmailAddress: 'privatumas@softera.lt', Destination: { ToAddresses: ['a@b.lt'] }, Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } } }))); } catch (e) { console.log(fn, (e as Error).name, (e as Error).message.slice(0, 250)); }
}
console.log(localIamStats(), Date.now() - t0);
