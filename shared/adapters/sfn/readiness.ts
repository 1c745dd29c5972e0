import type { SFNClient } from '@aws-sdk/client-sfn';
import { resolveClient, type ClientSource } from '../client-source.ts';

/**
 * `/readyz`'s workflow check: Step Functions answers and the case workflow exists
 * (DescribeStateMachine on its ARN; IAM `states:DescribeStateMachine` on the state machines,
 * granted to the API function only). Its own module, like the SES check.
 * Example: `await sfnReadiness(client, arns.caseWorkflow)()`.
 */
export const sfnReadiness = (client: ClientSource<SFNClient>, stateMachineArn: string) => async (): Promise<void> => {
  const { DescribeStateMachineCommand } = await import('@aws-sdk/client-sfn');
  await (await resolveClient(client)).send(new DescribeStateMachineCommand({ stateMachineArn }));
};
