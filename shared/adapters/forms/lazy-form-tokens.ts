import { loadOnce } from '#domain/load-once.ts';
import type { DownloadClaims, FormTokens } from '#ports/forms.ts';
import { checkFormSecret } from './form-secret.ts';
import type { JoseFormTokens } from './jose-form-tokens.ts';

/**
 * The web form's tokens (JoseFormTokens) with jose loaded by the first token signed or checked.
 * The workflow steps and the inbound mail function sign e-mail control and download links with
 * them, but most of their invocations sign none (six of the eight workflow step functions never
 * do), and jose was ~18 KB of every cold start of those bundles (issue 15). The secret is checked
 * now, as the eager class checks it, so a bad configuration still fails at init.
 *
 * Primary course: `lazyFormTokens(secret, { now })` at init; the first `issue` imports the jose
 * chunk once (loadOnce) and signs exactly as `new JoseFormTokens(secret, { now })` would.
 * Example: `new FormTokenEmailControlLinks(lazyFormTokens(config.secret, { now: () => clock.now() }), config.baseUrl, clock)`.
 */
export function lazyFormTokens(secret: string, options: ConstructorParameters<typeof JoseFormTokens>[1] = {}): FormTokens & Pick<JoseFormTokens, 'issueDownload'> {
  checkFormSecret(secret);
  const tokens = loadOnce(() => import('./jose-form-tokens.ts').then(({ JoseFormTokens }) => new JoseFormTokens(secret, options)));
  return {
    issue: async (claims, ttlSeconds) => (await tokens()).issue(claims, ttlSeconds),
    verify: async (token, purpose) => (await tokens()).verify(token, purpose),
    issueDownload: async (file: DownloadClaims, ttlSeconds: number) => (await tokens()).issueDownload(file, ttlSeconds),
  };
}
