import { DescribeStateMachineCommand, type SFNClient } from '@aws-sdk/client-sfn';

/**
 * `/readyz`'s workflow check: Step Functions answers and the case workflow exists
 * (DescribeStateMachine on its ARN; IAM `states:DescribeStateMachine` on the state machines,
 * granted to the API function only). Its own module, like the SES check.
 * Example: `await sfnReadiness(client, arns.caseWorkflow)()`.
 */
export const sfnReadiness = (client: SFNClient, stateMachineArn: string) => async (): Promise<void> => {
  await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
};
