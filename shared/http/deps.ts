import type { CaseRepository, Clock, IdGenerator, Mailer } from '#domain/ports.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { PartnerPrincipal, StaffPrincipal } from './auth.ts';

/** Everything the HTTP app needs, passed in so tests and the local stack choose the adapters. */
export interface ApiDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly verifyPartnerToken: (token: string) => Promise<PartnerPrincipal>;
  readonly verifyStaffToken: (token: string) => Promise<StaffPrincipal>;
  readonly limits: { readonly maxBodyBytes: number };
  /** Logs unexpected failures with full detail; responses only carry a correlation id. */
  readonly logError?: (correlationId: string, error: unknown) => void;
}

export interface AppEnv {
  Variables: { partner: PartnerPrincipal; staff: StaffPrincipal };
}
