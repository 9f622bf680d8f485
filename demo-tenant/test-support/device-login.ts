// A person approving a device code in a browser, as plain HTTP requests: open the verification page,
// enter the code, confirm the app, sign in, and land on "Signed in". Cookies are kept as a browser
// keeps them; every form is read from the page the tenant served, nothing is made up here.
import { httpsClient, type HttpsAnswer } from './https';

export interface DeviceLogin {
  /** The pages' final answer (the "Signed in" page when all went well). */
  final: HttpsAnswer;
  /** Each step's method and path, for a test's failure message. */
  steps: string[];
}

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

export async function approveDeviceCode(
  verificationUri: string,
  caPath: string,
  userCode: string,
  user = { email: 'admin@contoso.demo', password: 'Admin-Demo-1' },
): Promise<DeviceLogin> {
  const https = httpsClient(caPath);
  const cookies = new Map<string, string>();
  const steps: string[] = [];
  const send = async (url: string, form?: Record<string, string>): Promise<HttpsAnswer> => {
    steps.push(`${form ? 'POST' : 'GET'} ${new URL(url).pathname}`);
    const answer = await https(url, {
      method: form ? 'POST' : 'GET',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of ([] as string[]).concat(answer.headers['set-cookie'] ?? [])) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && typeof location === 'string')
      return send(new URL(location, url).toString());
    return answer;
  };

  const input = await send(verificationUri);
  const action = (html: string) =>
    new URL(
      /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? verificationUri,
      verificationUri,
    ).toString();
  const confirm = await send(action(input.text), {
    xsrf: field(input.text, 'xsrf') ?? '',
    user_code: userCode,
  });
  if (!field(confirm.text, 'confirm')) return { final: confirm, steps };
  const login = await send(action(confirm.text), {
    xsrf: field(confirm.text, 'xsrf') ?? '',
    user_code: field(confirm.text, 'user_code') ?? userCode,
    confirm: 'yes',
  });
  if (!/name="password"/.test(login.text)) return { final: login, steps };
  const final = await send(action(login.text), user);
  return { final, steps };
}
