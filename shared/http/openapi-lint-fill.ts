/**
 * What the linters (tests/unit/openapi-lint.test.ts: Redocly recommended, Spectral oas) ask of
 * every operation in the served document and its parts do not all say: a description, a tag
 * that the document defines. Kept here, keyed by operationId, so the route files stay as they are.
 */

/** The groups of operations; an operation without a tag gets the group of its path. */
export const OPENAPI_TAGS = [
  { name: 'health', description: 'Liveness and readiness probes for the load balancer and monitoring; no token.' },
  { name: 'partner', description: 'The partner API (`/v1`, partner tokens): submit and track requests for a controller.' },
  { name: 'staff', description: "The staff API (`/console/api`, staff tokens): every step of a case in the controller's console." },
  { name: 'fulfilment', description: 'Systems, recipients and tasks of a case.' },
];

const DESCRIPTIONS: Record<string, string> = {
  health: 'Answers 200 while the function runs; checks nothing else.',
  readiness: 'Checks the case table, the mail sender and the workflow service; 503 with `checks` naming the one that does not answer.',
  createRequest: 'Registers a request received by the partner for its tenant and starts its workflow; the deadlines run from `receivedAt`.',
  getRequest: "A case the partner created, with its status, deadlines and public timeline (`events`); nothing internal to the controller's staff.",
  getDeadlines: 'The answer and extension deadlines a request received at that instant would have, in the tenant\'s calendar.',
  staffMe: 'Who the staff token belongs to: tenant and role, as the console shows them.',
  staffInbox: 'Open cases of the tenant, the soonest due first; 50 a page.',
  staffSearchCases: 'Cases of the tenant whose reference, e-mail address or name matches the query, open and closed.',
  staffRegisterRequest: 'Registers a request that arrived by post or in person; the deadlines run from the day it was received.',
  staffGetCase: 'Everything staff see of a case: subject, rights, deadlines, the step it waits at, identity, notes and full timeline.',
  staffCaseMessages: 'Every e-mail and letter of the case, in and out, each with its raw MIME for the record.',
  staffAnswerFile: 'Returns a presigned PUT to upload a file that goes with the answer (e.g. an export of the data).',
  staffCorrectRights: 'Replaces the rights of the case where the intake read them wrongly; the reasons are kept in the timeline.',
  staffReviewIdDocument: 'Accepts or refuses the ID document the subject sent when the workflow waits for that review.',
  staffReviewRepresentation: "Accepts or refuses a representative's authorization when the workflow waits for that review.",
  staffPrintQueue: 'Letters the workflow produced for post and documents to hand over in person, not yet dispatched.',
  staffDispatch: 'Records that a letter was posted (with its tracking number) or a document handed over, and when.',
  staffFlaggedInbound: 'Inbound mail the intake flagged for a person to look at before it counts.',
  staffUnprocessed: 'Inbound mail the intake could not process, kept so that nothing received is lost.',
  staffRetryUnprocessed: 'Runs the intake again on a message kept as unprocessed.',
  getRegister: 'The register of requests received from `from` to `to` (at most 366 days), as JSON, CSV or a PDF summary, for the accountability record.',
  getRetention: 'How long closed cases of the tenant are kept before the purge, and which policy section says so.',
  placeLegalHold: 'Keeps a case past its retention period (e.g. for a complaint or court case) until the hold is lifted; the reason is recorded.',
  liftLegalHold: 'Ends the legal hold, so the retention rule applies to the case again. The reason is recorded.',
  getEvidencePack: "The case's evidence pack: a ZIP of its record with a manifest of SHA-256 digests signed as a detached JWS.",
  getFulfilment: 'The identity claimed and verified, and the tasks planned for each system and recipient with their results.',
  listTasks: "Open fulfilment tasks of the signed-in staff member, or everyone's with `owner=all`, each with its case reference.",
  addTask: 'Adds a task for a system or recipient of the register that the plan left out; the reason is recorded.',
  listNotices: 'The Art. 19 notices of the case: one item per recipient task, with the notice sent, its reply due date and the reply.',
  sendNotices: 'Sends the due Art. 19 notices: by e-mail threaded on the case, or by a signed API request where the recipient has one.',
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
