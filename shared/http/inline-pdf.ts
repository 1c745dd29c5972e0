/** A PDF shown in the browser's viewer (to print), never stored by a cache: it carries personal data. */
export function inlinePdf(body: Uint8Array, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
