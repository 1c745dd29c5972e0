/**
 * What each function's code sends to AWS, per function (not per group of functions): the one
 * source of every function role's API grants. `ServiceStack` turns each entry into IAM
 * statements; `tests/unit/infra-least-privilege.test.ts` derives the SDK commands each
 * function's bundle can send and compares them with this table both ways, and the local IAM check
 * (`local/iam/`) evaluates every SDK call made in `npm start` and the integration tests against
 * the synthesized roles.
 *
 * The table and bucket keys also need the data key through the service (`kms:*` via DynamoDB and
 * S3); ServiceStack adds that for every function that touches them.
 */

/** What a grant points at; ServiceStack resolves each to ARNs. */
export type GrantTarget =
  | 'table'
  | 'tableIndexes'
  | 'openQueueIndex'
  | 'evidenceObjects'
  | 'evidenceBucket'
  | 'answersObjects'
  | 'answersBucket'
  | 'inboundBucket'
  | 'inboundObjects'
  | 'trustedListObjects'
  | 'mailIdentities'
  | 'stateMachines'
  | 'timerExecutions'
  | 'lettersFunction'
  | 'webhookKey'
  /** Actions that take no resource scoping (Step Functions task tokens): only `*` works. */
  | 'any';

export interface Grant {
  readonly actions: readonly string[];
  readonly on: readonly GrantTarget[];
  /** Why this function sends it (which code path). */
  readonly why: string;
}

const caseRecords: Grant = { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], on: ['table'], why: 'load and save the case (TransactWrite of Put items; no Update or ConditionCheck in any transaction)' };
const caseQueries: Grant = { actions: ['dynamodb:Query'], on: ['table', 'tableIndexes'], why: 'case events, subject and reference look-ups, queues' };
const caseUpdates: Grant = { actions: ['dynamodb:UpdateItem'], on: ['table'], why: 'counters, print queue, webhook outbox and rate-limit updates' };
/** H1: the message store reads threads with BatchGet for every received mail and SES event. */
const messageLookups: Grant = { actions: ['dynamodb:BatchGetItem'], on: ['table'], why: 'message store: thread and message-id look-ups (BatchGetCommand)' };
const sendMail: Grant = { actions: ['ses:SendEmail'], on: ['mailIdentities'], why: 'mail to subjects and staff from the tenant mailboxes, with the configuration set' };
const startWorkflows: Grant = { actions: ['states:StartExecution'], on: ['stateMachines'], why: 'start the case workflow and its deadline timer' };
/** H2: SendTaskSuccess is authorised on the token, not on a state machine: only `*` is accepted. */
const resumeWorkflows: Grant = { actions: ['states:SendTaskSuccess'], on: ['any'], why: 'resume a waiting workflow (decision, subject reply, confirmation)' };
const stopTimers: Grant = { actions: ['states:StopExecution'], on: ['timerExecutions'], why: 'stop the deadline timer when a case closes' };
const evidenceFiles: Grant = { actions: ['s3:GetObject', 's3:PutObject'], on: ['evidenceObjects'], why: 'identity evidence, attachments, letters' };
/** L1: erasing an ID scan deletes every version (ListObjectVersions + DeleteObjects by version). */
const eraseEvidence: Grant[] = [
  { actions: ['s3:ListBucketVersions'], on: ['evidenceBucket'], why: 'find every version of an ID scan to erase' },
  { actions: ['s3:DeleteObjectVersion'], on: ['evidenceObjects'], why: 'erase every version of an ID scan (DeleteObjects with VersionId)' },
];
/**
 * Issue 18: an e-mailed ID scan is also inside the received message. Staff read that message
 * (raw MIME over 64 KB is only in the bucket), and an approved review rewrites it without the
 * scan and erases its older versions.
 */
const redactInbound: Grant[] = [
  { actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObjectVersion'], on: ['inboundObjects'], why: 'read a received message; rewrite it without a reviewed ID scan and erase its older versions' },
  { actions: ['s3:ListBucketVersions'], on: ['inboundBucket'], why: 'find the older versions of a rewritten received message' },
];
const answerFiles: Grant = { actions: ['s3:GetObject', 's3:PutObject'], on: ['answersObjects'], why: 'answer files: staff uploads (presigned PUT) and attachments' };
const readAnswers: Grant = { actions: ['s3:GetObject'], on: ['answersObjects'], why: 'attach or link answer files (HeadObject, GetObject, presigned GET)' };
const renderLetters: Grant = { actions: ['lambda:InvokeFunction'], on: ['lettersFunction'], why: 'letter PDFs for post and in-person answers' };
/** What the channel notifier (e-mail, letters, webhooks outbox) sends for one notice. */
const notify: Grant[] = [caseRecords, caseQueries, messageLookups, sendMail, evidenceFiles, readAnswers, renderLetters];

/** HTTP functions (partner/staff API and the console pages) run the same staff use cases. */
const staffApi: Grant[] = [caseRecords, caseQueries, caseUpdates, messageLookups, sendMail, startWorkflows, resumeWorkflows, evidenceFiles, ...eraseEvidence, ...redactInbound, answerFiles, renderLetters];

export const FUNCTION_GRANTS: Readonly<Record<string, readonly Grant[]>> = {
  api: [
    ...staffApi,
    { actions: ['kms:GetPublicKey'], on: ['webhookKey'], why: 'serve the webhook signing key’s public half as JWKS' },
    // `/readyz` (shared/adapters/ses/readiness.ts, shared/adapters/sfn/readiness.ts).
    { actions: ['ses:GetAccount'], on: ['any'], why: '/readyz: SES answers for this account (an account-level read: no resource to scope it to)' },
    { actions: ['states:DescribeStateMachine'], on: ['stateMachines'], why: '/readyz: Step Functions answers and the case workflow exists' },
    { actions: ['kms:Sign'], on: ['webhookKey'], why: 'seal evidence packs (detached JWS over the manifest) with the published key' },
    { actions: ['s3:GetObject'], on: ['inboundObjects'], why: 'evidence packs: the raw received mail, as SES stored it' },
  ],
  // The retention purge erases whole cases (items, every object version) and leaves tombstones; it also refreshes the statistics snapshot.
  'accountability-sweep': [
    { actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], on: ['table'], why: 'tombstones and statistics snapshots (Put), the case item deleted with its tombstone (TransactWrite Delete + Put)' },
    caseQueries,
    { actions: ['dynamodb:BatchWriteItem'], on: ['table'], why: 'delete a purged case’s events, messages, outbox, thread index, webhook and print items (BatchWrite DeleteRequest)' },
    { actions: ['s3:ListBucketVersions'], on: ['evidenceBucket', 'answersBucket', 'inboundBucket'], why: 'find every version of a purged case’s objects' },
    { actions: ['s3:DeleteObjectVersion'], on: ['evidenceObjects', 'answersObjects', 'inboundObjects'], why: 'delete every version of a purged case’s objects (DeleteObjects with VersionId)' },
  ],
  console: staffApi,
  // Fulfilment (docs/fulfilment.md): tasks on the case, task data in the answers bucket, Art. 19 notices by e-mail,
  // the HTTP connector and API notices signed with the webhook key, the answer drafted (workflow resumed), the
  // console's sessions, and the register download (GSI4 queries, the PDF from the letters function).
  fulfilment: [
    caseRecords,
    caseQueries,
    caseUpdates,
    messageLookups,
    { ...sendMail, why: 'Art. 19 notices to recipients, threaded on the case' },
    resumeWorkflows,
    answerFiles,
    renderLetters,
    { actions: ['kms:Sign'], on: ['webhookKey'], why: 'sign the HTTP connector’s requests and Art. 19 API notices (ES256) inside KMS' },
  ],
  // Daily: the open cases by index, one digest e-mail per owner of open manual tasks.
  'task-digest': [caseQueries, { ...sendMail, why: 'the daily digest of open manual tasks to their owners' }],
  'inbound-email': [
    caseRecords,
    caseQueries,
    caseUpdates,
    messageLookups,
    sendMail,
    startWorkflows,
    resumeWorkflows,
    evidenceFiles,
    { actions: ['s3:GetObject'], on: ['inboundObjects'], why: 'read the raw message SES stored under inbound/' },
    // Issue 17: an e-mailed answer that restarts a post case's period is told the new date by letter.
    { ...renderLetters, why: 'the new-date letter of a paper case whose period an e-mailed answer restarted' },
  ],
  'ses-notifications': [caseRecords, caseQueries, caseUpdates, messageLookups],
  letters: [],
  webhooks: [caseRecords, caseQueries, caseUpdates, { actions: ['kms:Sign'], on: ['webhookKey'], why: 'sign webhook deliveries (ES256) inside KMS' }],
  forms: [caseRecords, caseQueries, caseUpdates, messageLookups, sendMail, startWorkflows, resumeWorkflows, evidenceFiles, readAnswers],
  'overdue-gauge': [{ actions: ['dynamodb:Query'], on: ['openQueueIndex'], why: 'one COUNT query on the open queue' }],
  'trusted-list-refresh': [{ actions: ['s3:GetObject', 's3:PutObject'], on: ['trustedListObjects'], why: 'the cached national trusted lists' }],
  // Workflow steps: each step's use case (shared/usecases/workflow/*) is the source.
  'workflow-intake': [
    caseRecords,
    caseQueries,
    messageLookups,
    evidenceFiles,
    { actions: ['s3:GetObject'], on: ['inboundObjects'], why: 'QES validation reads the received message and its attachments' },
    // Issue 15: intake sends the acknowledgement a new case owes (off the API's request path).
    { ...sendMail, why: 'the acknowledgement e-mail a new case owes (notice outbox)' },
    { actions: ['dynamodb:UpdateItem'], on: ['table'], why: 'notice outbox: claim, mark sent or release the acknowledgement' },
  ],
  'workflow-resume': [{ actions: ['dynamodb:GetItem'], on: ['table'], why: 'planResume only loads the case' }],
  'workflow-await-subject': [...notify, resumeWorkflows],
  'workflow-conclude': [...notify, stopTimers],
  'workflow-extend': notify,
  'workflow-fee-notice': notify,
  'workflow-flag-for-staff': [caseRecords, sendMail],
  'workflow-timer-plan': [caseRecords],
  'workflow-timer-alert': [caseRecords, sendMail],
};

/**
 * Actions a function's bundle can send (its SDK command classes are bundled) that its code never
 * reaches, so its role does not grant them: esbuild keeps a class whole (every method's commands)
 * and the eight workflow steps share one bundle. Each entry says why; the least-privilege test
 * fails if an entry is granted anyway or no longer in the bundle.
 */
const workflowBundle = 'the workflow steps share one bundle (functions/workflow/handler.ts)';
const notThisStep = (...steps: string[]) => `${workflowBundle}; only ${steps.join(', ')} reach it`;
const noStep = (what: string) => `${workflowBundle}; no step reaches it (${what})`;
const stepsShared = {
  'dynamodb:UpdateItem': noStep('reference counter, print-queue dispatch and webhook retries run in the API and the sweeper'),
  'states:StartExecution': noStep('workflows are started by intake channels and the local restart, never by a step'),
};
export const BUNDLED_NOT_SENT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  api: { 'states:StopExecution': 'SfnWorkflowEngine is bundled whole; only the conclude step stops timers' },
  // No kms:GetPublicKey in the console and webhooks bundles any more: KMS is loaded on first use (issue 15), so unused code no longer keeps it.
  console: { 'states:StopExecution': 'SfnWorkflowEngine is bundled whole; only the conclude step stops timers' },
  'inbound-email': { 'states:StopExecution': 'SfnWorkflowEngine is bundled whole; only the conclude step stops timers' },
  forms: { 'states:StopExecution': 'SfnWorkflowEngine is bundled whole; only the conclude step stops timers' },
  'accountability-sweep': {
    'dynamodb:UpdateItem': 'DynamoCaseRepository is bundled whole; the purge reads cases and trails, it never updates one',
    'dynamodb:BatchGetItem': 'DynamoMessageStore is bundled whole; the purge lists a case’s messages (Query) only',
  },
  fulfilment: {
    'states:StartExecution': 'SfnWorkflowEngine is bundled whole; fulfilment only resumes a waiting workflow (the drafted answer)',
    'states:StopExecution': 'SfnWorkflowEngine is bundled whole; only the conclude step stops timers',
    's3:ListBucketVersions': 'the API deps’ evidence and inbound erasers are bundled; no fulfilment route erases a scan',
    's3:DeleteObjectVersion': 'the API deps’ evidence and inbound erasers are bundled; no fulfilment route erases a scan',
  },
  'task-digest': {
    'dynamodb:GetItem': 'DynamoCaseRepository is bundled whole; the digest lists open cases (Query) only',
    'dynamodb:PutItem': 'DynamoCaseRepository is bundled whole; the digest lists open cases (Query) only',
    'dynamodb:UpdateItem': 'DynamoCaseRepository is bundled whole; the digest lists open cases (Query) only',
  },
  'overdue-gauge': {
    'dynamodb:GetItem': 'DynamoCaseRepository is bundled whole; the gauge calls countOverdue (one COUNT Query) only',
    'dynamodb:PutItem': 'DynamoCaseRepository is bundled whole; the gauge calls countOverdue (one COUNT Query) only',
    'dynamodb:UpdateItem': 'DynamoCaseRepository is bundled whole; the gauge calls countOverdue (one COUNT Query) only',
  },
  'workflow-intake': {
    'states:StartExecution': stepsShared['states:StartExecution'],
    'lambda:InvokeFunction': 'the channel notifier is bundled; intake sends only e-mail acknowledgements (letters are the other steps’)',
    'states:SendTaskSuccess': notThisStep('await-subject'),
    'states:StopExecution': notThisStep('conclude'),
  },
  'workflow-resume': {
    ...stepsShared,
    'dynamodb:BatchGetItem': notThisStep('the notifying steps'),
    'dynamodb:PutItem': 'planResume loads the case and returns a plan; it saves nothing',
    'dynamodb:Query': notThisStep('the notifying steps'),
    's3:GetObject': notThisStep('the notifying steps'),
    's3:PutObject': notThisStep('the notifying steps'),
    'lambda:InvokeFunction': notThisStep('the notifying steps'),
    'ses:SendEmail': notThisStep('the notifying steps and the alerts'),
    'states:SendTaskSuccess': notThisStep('await-subject'),
    'states:StopExecution': notThisStep('conclude'),
  },
  'workflow-await-subject': { ...stepsShared, 'states:StopExecution': notThisStep('conclude') },
  'workflow-conclude': { ...stepsShared, 'states:SendTaskSuccess': notThisStep('await-subject') },
  'workflow-extend': { ...stepsShared, 'states:SendTaskSuccess': notThisStep('await-subject'), 'states:StopExecution': notThisStep('conclude') },
  'workflow-fee-notice': { ...stepsShared, 'states:SendTaskSuccess': notThisStep('await-subject'), 'states:StopExecution': notThisStep('conclude') },
  ...Object.fromEntries(
    ['workflow-flag-for-staff', 'workflow-timer-plan', 'workflow-timer-alert'].map((step) => [
      step,
      {
        ...stepsShared,
        'dynamodb:BatchGetItem': notThisStep('the notifying steps'),
        'dynamodb:Query': notThisStep('the notifying steps'),
        's3:GetObject': notThisStep('the notifying steps'),
        's3:PutObject': notThisStep('the notifying steps'),
        'lambda:InvokeFunction': notThisStep('the notifying steps'),
        ...(step === 'workflow-timer-plan' ? { 'ses:SendEmail': notThisStep('the notifying steps, flag-for-staff and timer-alert') } : {}),
        'states:SendTaskSuccess': notThisStep('await-subject'),
        'states:StopExecution': notThisStep('conclude'),
      },
    ]),
  ),
};

/** The SDK commands (by class name) that map to each IAM action, for the bundle-derived check. */
export const COMMAND_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  // lib-dynamodb document commands and the low-level ones they wrap.
  GetCommand: ['dynamodb:GetItem'],
  GetItemCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchGetItemCommand: ['dynamodb:BatchGetItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  // Transactions are authorised per item (Put → PutItem, …): see transactItemActions.
  TransactWriteCommand: [],
  TransactWriteItemsCommand: [],
  TransactGetCommand: ['dynamodb:GetItem'],
  GetObjectCommand: ['s3:GetObject'],
  HeadObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  DeleteObjectCommand: ['s3:DeleteObject'],
  // Multi-object delete is authorised per key; the eraser always names a VersionId.
  DeleteObjectsCommand: ['s3:DeleteObjectVersion'],
  ListObjectVersionsCommand: ['s3:ListBucketVersions'],
  ListObjectsV2Command: ['s3:ListBucket'],
  SendEmailCommand: ['ses:SendEmail'],
  GetAccountCommand: ['ses:GetAccount'],
  DescribeStateMachineCommand: ['states:DescribeStateMachine'],
  StartExecutionCommand: ['states:StartExecution'],
  StopExecutionCommand: ['states:StopExecution'],
  SendTaskSuccessCommand: ['states:SendTaskSuccess'],
  SendTaskFailureCommand: ['states:SendTaskFailure'],
  SendTaskHeartbeatCommand: ['states:SendTaskHeartbeat'],
  InvokeCommand: ['lambda:InvokeFunction'],
  SignCommand: ['kms:Sign'],
  GetPublicKeyCommand: ['kms:GetPublicKey'],
};

/** A transaction's items are authorised as the item operations they contain. */
export const TRANSACT_ITEM_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};
