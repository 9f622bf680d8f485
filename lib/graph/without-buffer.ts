// Stands in for Node's Buffer in the browser build (next.config.ts, turbopack.resolveAlias).
// The Graph SDK names Buffer only for binary request bodies (serializeContent turning an
// ArrayBuffer into a Buffer) and for file uploads from Node streams; the dashboard sends JSON
// alone. Without this, the bundler adds a 22 kB Buffer polyfill that every signed-in page
// downloads and compiles. Undefined, as in a browser: the SDK's own `typeof Buffer` checks hold.
export const Buffer = undefined;
