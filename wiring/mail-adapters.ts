import { loadOnce } from '#domain/load-once.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { AnswerDownloads, LetterRenderer, PrintQueue } from '#ports/channels.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { Clock, Mailer, NoticeOutbox, SubjectNotifier } from '#ports/cases.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';

export interface MailAdapters {
  readonly messages: MessageStore;
  readonly inboundMail: BlobStore;
  readonly evidence: BlobStore;
  /** ETSI validation reports of the signed files judged at intake, kept with each case. */
  readonly validationReports: ValidationReportStore;
  readonly printQueue: PrintQueue;
  readonly notifier: SubjectNotifier;
  /** Claim → send → record for acknowledgements (one per case, whoever sends it). */
  readonly outbox: NoticeOutbox;
}

/** The channels' stores, made at init (mail.ts) or on first use (http-mail.ts). */
export type MailStores = Omit<MailAdapters, 'notifier'>;

/** What the notifier is made with beside the stores (mail.ts `buildMailAdapters`). */
export interface MailExtras {
  readonly downloads?: AnswerDownloads;
  readonly renderer?: LetterRenderer;
  readonly clock?: Clock;
}

/**
 * The notifier that routes each notice by the case's channel (e-mail; letters for post and in
 * person when a renderer is given) over the given stores. It is loaded with the first notice sent,
 * not at init: most of the API's and the console's requests send none (issue 15).
 */
export function withNotifier(config: MailConfig, stores: MailStores, mailer: Mailer, tenants: TenantRegistry = tenantRegistry, extras: MailExtras = {}): MailAdapters {
  const clock = extras.clock ?? systemClock;
  const { messages, evidence, printQueue } = stores;
  const notifierNow = loadOnce<SubjectNotifier>(() =>
    Promise.all([import('#usecases/notify-subject.ts'), import('#usecases/channel-notifier.ts'), import('#adapters/mail/mime-email-sender.ts')]).then(
      ([{ createSubjectNotifier }, { createChannelNotifier }, { MimeEmailSender }]) =>
        createChannelNotifier({
          email: createSubjectNotifier({
            tenants,
            messages,
            email: new MimeEmailSender(mailer),
            evidence,
            clock,
            ...(extras.downloads ? { downloads: extras.downloads } : {}),
            attachmentLimitBytes: config.attachmentLimitBytes,
          }),
          ...(extras.renderer ? { letters: { tenants, renderer: extras.renderer, printQueue, evidence, messages, clock } } : {}),
        }),
    ),
  );
  return { ...stores, notifier: { notify: async (c, notice) => (await notifierNow()).notify(c, notice) } };
}
