/**
 * The S3 commands the blob store sends, imported by name: a dynamic `import('@aws-sdk/client-s3')`
 * keeps every export of the package (all ~100 commands, the aggregated `S3` client, paginators,
 * waiters), which lands at init wherever the client itself is made at init (trusted-list-refresh:
 * ~22 KB; issue 15). Importing this module instead keeps only these.
 */
export { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
