import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import { DataStack } from '../../infra/data-stack.ts';

describe('DataStack', () => {
  const template = Template.fromStack(new DataStack(new App(), 'Test'));

  it('creates the single table with the adapter’s keys, PITR, deletion protection and TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('declares exactly the indexes the request paths query', () => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    const table = Object.values(tables)[0] as { Properties: { GlobalSecondaryIndexes: Array<{ IndexName: string; KeySchema: unknown }> } };
    expect(table.Properties.GlobalSecondaryIndexes.map((i) => i.IndexName).sort()).toEqual(Object.values(TABLE_INDEXES).map((i) => i.name).sort());
    for (const index of Object.values(TABLE_INDEXES)) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        GlobalSecondaryIndexes: Match.arrayWith([
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          }),
        ]),
      });
    }
  });
});
