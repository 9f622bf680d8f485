import { GRAPH_APP_ID } from '../contracts';

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

/**
 * The challenge Graph sends with a 401, e.g. `Bearer realm="", authorization_uri=
 * "https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
 * (Microsoft identity platform docs, "Microsoft identity platform and OAuth 2.0" / CAE guide: the
 * response to GET https://graph.microsoft.com/v1.0/me without a token). client_id is Graph's appId;
 * authorization_uri is the authority's authorize endpoint, here the demo tenant's own.
 */
export function bearerChallenge(authorizationUri: string): string {
  return `Bearer realm="", authorization_uri="${authorizationUri}", client_id="${GRAPH_APP_ID}"`;
}
