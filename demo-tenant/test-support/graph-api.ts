// lib/graph's client, signed in to a demo tenant as one of its confidential clients: what tests of
// lib/graph's reads and writes run against (no sleeps between retries: tests wait for nothing).
import { createGraphApi, type GraphApi } from '../../lib/graph/client';
import { clientToken } from './http';

export async function graphApiAs(
  url: string,
  client: 'demo-automation' | 'demo-reader' = 'demo-automation',
): Promise<GraphApi> {
  const token = (await clientToken(url, 'https://graph.microsoft.com/.default', client)).body
    .access_token as string;
  return createGraphApi({
    // A reader has read scopes only: asking for write scopes fails as consent would.
    getToken: async (scopes) => {
      if (client === 'demo-reader' && scopes.includes('write'))
        throw new Error('a reader has no write scopes');
      return token;
    },
    graphBaseUrl: `${url}/v1.0`,
    readScopes: ['read'],
    writeScopes: ['write'],
    retryPolicy: { sleep: async () => undefined },
  });
}
