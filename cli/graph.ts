// The dashboard's own Graph client (lib/graph), signed in with msal-node: same calls, same retries,
// same errors. Graph failures become exit code 4 with code, message and request id.
import { createGraphApi, type GraphApi } from '../lib/graph/client';
import { GraphRequestError } from '../lib/graph/errors';
import type { Connection } from './connection';
import { CliError, EXIT } from './exit-codes';
import { lastSignInFailure, signIn } from './sign-in';

export function graphFor(connection: Connection, tell: (line: string) => void): GraphApi {
  const { settings } = connection;
  return createGraphApi({
    getToken: signIn(connection, tell),
    graphBaseUrl: settings.graphBaseUrl,
    readScopes: settings.scopes.read,
    writeScopes: settings.scopes.write,
  });
}

export function describeGraphError(error: GraphRequestError): string {
  return `Graph refused the request: ${error.status} ${error.code}: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`;
}

/** Graph errors as the pipeline should see them; everything else unchanged. */
export async function withGraphErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GraphRequestError) {
      const signInFailure = error.status === 0 ? lastSignInFailure() : undefined;
      throw signInFailure ?? new CliError(describeGraphError(error), EXIT.graph);
    }
    throw error;
  }
}
