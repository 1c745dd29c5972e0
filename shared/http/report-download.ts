/** Headers of a validation report download: XML as a file, not rendered, not kept in caches. */
export function reportDownloadHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': 'application/xml; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
