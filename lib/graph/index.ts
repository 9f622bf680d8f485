// lib/graph: the one place where the dashboard talks to Microsoft Graph. No React.
export * from './types';
export * from './errors';
export { createGraphApi, toGraphRequestError, type GraphApi, type GraphApiOptions } from './client';
export { chunkRequests, MAX_BATCH_SIZE } from './batch';
export { loadDirectoryIndex, joinDirectory, type IndexProgress } from './directory-index';
export type { DirectorySearch } from './directory';
export { linkRequest, unlinkRequest, refBody } from './links';
