import { UnauthenticatedError } from '#domain/errors.ts';

// A module apart from auth.ts (which re-exports it), so an app that reads the header at init
// (fulfilment-app.ts) does not bring jose with it: fulfilment's pages check a session cookie (issue 15).

/** Extracts the bearer token, or explains what is wrong with the header. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw new UnauthenticatedError('Send an "Authorization: Bearer <token>" header.');
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}
