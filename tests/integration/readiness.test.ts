import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import { sesReadiness } from '#adapters/ses/readiness.ts';
import { sfnReadiness } from '#adapters/sfn/readiness.ts';
import { startLocalSfn, type LocalSfn } from '../../local/sfn/service.ts';
import { VirtualClock } from '../../local/sfn/virtual-clock.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './helpers.ts';

/** `/readyz`'s SES and Step Functions checks against the stand-ins (the API function's calls on AWS). */
let sfn: LocalSfn;
beforeAll(async () => {
  sfn = await startLocalSfn({ clock: new VirtualClock({ start: new Date() }), region: LOCAL_REGION });
  sfn.engine.registerStateMachine('rightsdesk-case-workflow', JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }));
});
afterAll(() => sfn.stop());

const client = <T>(Ctor: new (config: object) => T, endpoint: string) => new Ctor({ ...AWS_CLIENT_LIMITS, endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });

describe('/readyz checks', () => {
  it('SES: the stand-in answers GetAccount; a closed port does not', async () => {
    await expect(sesReadiness(client(SESv2Client, inject('sesEndpoint')))()).resolves.toBeUndefined();
    await expect(sesReadiness(client(SESv2Client, 'http://127.0.0.1:9'))()).rejects.toThrow();
  });

  it('Step Functions: DescribeStateMachine of the case workflow answers; an unknown machine or a closed port does not', async () => {
    const arn = sfn.engine.stateMachineArn('rightsdesk-case-workflow');
    await expect(sfnReadiness(client(SFNClient, sfn.endpoint), arn)()).resolves.toBeUndefined();
    await expect(sfnReadiness(client(SFNClient, sfn.endpoint), sfn.engine.stateMachineArn('nothing'))()).rejects.toThrow(/Does Not Exist/);
    await expect(sfnReadiness(client(SFNClient, 'http://127.0.0.1:9'), arn)()).rejects.toThrow();
  });
});
