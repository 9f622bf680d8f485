// The demo tenant's public automation client: only used for "Get a test token" against the demo
// tenant, whose token endpoint and secrets are documented in the README (never a real tenant).
export const DEMO_AUTOMATION_CLIENT = {
  clientId: 'demo-automation',
  secret: 'demo-automation-secret',
};

export async function requestDemoTestToken(
  tokenEndpoint: string,
  resourceAppIdOrUri: string,
): Promise<string> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_AUTOMATION_CLIENT.clientId,
      client_secret: DEMO_AUTOMATION_CLIENT.secret,
      scope: `${resourceAppIdOrUri}/.default`,
    }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(
      `The demo tenant refused the token request: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim(),
    );
  return body.access_token;
}
