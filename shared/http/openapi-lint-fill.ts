/**
 * What the linters (tests/unit/openapi-lint.test.ts: Redocly recommended, Spectral oas) ask of
 * every operation in the served document and its parts do not all say: a description, a tag
 * that the document defines. Kept here, keyed by operationId, so the route files stay as they are.
 */

/** The groups of operations; an operation without a tag gets the group of its path. */
export const OPENAPI_TAGS = [
  { name: 'health', description: 'Liveness and readiness probes; no token.' },
  { name: 'partner', description: 'The partner API (`/v1`, partner tokens).' },
  { name: 'staff', description: 'The staff API (`/console/api`, staff tokens).' },
  { name: 'fulfilment', description: 'Systems, recipients and tasks of a case.' },
];

const DESCRIPTIONS: Record<string, string> = {
  health: 'Answers 200 while the function runs; checks nothing else.',
  readiness: 'Checks the table, the mail sender and the workflow service.',
  createRequest: 'Registers a request for the partner\'s tenant and starts its workflow; deadlines run from `receivedAt`.',
  getRequest: 'A case the partner created, with its status, deadlines and public timeline.',
  getDeadlines: 'The deadlines of a request received at that instant, in the tenant\'s calendar.',
  staffMe: 'Who the staff token belongs to: tenant and role, as the console shows them.',
  staffInbox: 'Open cases of the tenant, the soonest due first; 50 a page.',
  staffSearchCases: 'Cases of the tenant whose reference, e-mail address or name matches the query, open and closed.',
  staffRegisterRequest: 'Registers a request that arrived by post or in person; the deadlines run from the day it was received.',
  staffGetCase: 'Everything staff see of a case, with its full timeline.',
  staffCaseMessages: 'Every message of the case, in and out, with its raw MIME.',
  staffAnswerFile: 'A presigned PUT for a file that goes with the answer.',
  staffCorrectRights: 'Replaces the rights of the case; the reasons are kept in the timeline.',
  staffReviewIdDocument: 'Accepts or refuses the ID document the subject sent when the workflow waits for that review.',
  staffReviewRepresentation: "Accepts or refuses a representative's authorization when the workflow waits for that review.",
  staffPrintQueue: 'Letters the workflow produced for post and documents to hand over in person, not yet dispatched.',
  staffDispatch: 'Records that a letter was posted (with its tracking number) or a document handed over, and when.',
  staffPrintBatchLetters: 'The letters of the selected print items joined into one PDF, shown in the browser to print.',
  staffBatchDispatch: 'Records that several letters were posted (or documents handed over) on one date, each exactly once.',
  staffFlaggedInbound: 'Inbound mail the intake flagged for a person to look at before it counts.',
  staffUnprocessed: 'Inbound mail the intake could not process, kept so that nothing received is lost.',
  staffRetryUnprocessed: 'Runs the intake again on a message kept as unprocessed.',
  getRegister: 'Requests received from `from` to `to` (at most 366 days), as JSON, CSV or a PDF summary.',
  getRetention: 'How long closed cases of the tenant are kept before the purge, and which policy section says so.',
  placeLegalHold: 'Keeps a case past its retention period until the hold is lifted; the reason is recorded.',
  liftLegalHold: 'Ends the legal hold, so the retention rule applies to the case again. The reason is recorded.',
  getEvidencePack: 'A ZIP of the case record with a signed manifest of SHA-256 digests.',
  getFulfilment: 'The identity claimed and verified, and the tasks with their results.',
  listTasks: "Open fulfilment tasks of the signed-in staff member, or everyone's with `owner=all`, each with its case reference.",
  addTask: 'Adds a task for a system or recipient of the register that the plan left out; the reason is recorded.',
  listNotices: 'One item per recipient task: the notice sent, its reply due date and the reply.',
  sendNotices: 'Sends the due Art. 19 notices by e-mail or signed API request.',
  assembleAnswer: 'Drafts the answer from the results of the finished tasks; the case then awaits approval by someone else.',
};

/** Adds the missing descriptions and tags to the operations of `paths`, in place; returns the tags to declare. */
export function fillForLint(paths: Record<string, Record<string, { operationId?: string; description?: string; tags?: string[] }>>): typeof OPENAPI_TAGS {
  for (const [path, item] of Object.entries(paths)) {
    const group = path.startsWith('/console/api') ? 'staff' : path.startsWith('/v1') ? 'partner' : 'health';
    for (const op of Object.values(item)) {
      const text = op.operationId ? DESCRIPTIONS[op.operationId] : undefined;
      if (!op.description && text) op.description = text;
      if (!op.tags?.length) op.tags = [group];
    }
  }
  return OPENAPI_TAGS;
}
