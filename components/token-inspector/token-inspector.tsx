'use client';

import { Link } from '@/components/ui/link';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { useDirectoryIndex } from '@/components/shell/use-directory-index';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyBlock } from '@/components/ui/copy-block';
import { formatDuration } from '@/lib/policy/format';
import { FIRST_PARTY_RESOURCES } from '@/lib/policy/rules';
import { compareWithPolicy } from '@/lib/token/compare';
import { inspectToken } from '@/lib/token/decode';

const CLAIM_HELP: Record<string, string> = {
  aud: 'Audience: the resource (API) the token is for. Its policy sets the lifetime.',
  iss: 'Issuer',
  tid: 'Tenant that issued the token',
  iat: 'Issued at',
  nbf: 'Not valid before',
  exp: 'Expires at',
  scp: 'Delegated permissions',
  roles: 'Application permissions (or app roles)',
  appid: 'Client app that asked for the token',
  azp: 'Client app that asked for the token',
  oid: 'Object id of the user or service principal',
  xms_cc: 'Client capabilities (cp1 = CAE-capable)',
};

function Time({ label, value }: { label: string; value?: Date }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-sm">
        {value.toLocaleString()}{' '}
        <span className="text-xs text-slate-500 dark:text-slate-400">
          ({value.toISOString().replace('T', ' ').slice(0, 19)} UTC)
        </span>
      </dd>
    </div>
  );
}

export function TokenInspector() {
  const { settings, tokenSource } = useAuth();
  const directory = useDirectoryIndex();
  const [pasted, setPasted] = useState('');
  const [resource, setResource] = useState('00000007-0000-0000-c000-000000000000');
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const result = useMemo(() => (pasted.trim() ? inspectToken(pasted) : undefined), [pasted]);
  const token = result?.ok ? result : undefined;
  const verdict = useMemo(
    () =>
      token && directory.data
        ? compareWithPolicy(token, { tenantId: settings.tenantId, index: directory.data })
        : undefined,
    [token, directory.data, settings.tenantId],
  );

  useEffect(() => {
    if (!token?.expiresAt || token.expiresAt.getTime() < Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [token]);

  const apis = useMemo(
    () => [
      ...FIRST_PARTY_RESOURCES.map((r) => ({ value: r.appId, label: r.displayName })),
      ...(directory.index?.targets ?? [])
        .filter((t) => (t.application?.identifierUris?.length ?? 0) > 0 && t.servicePrincipal)
        .slice(0, 200)
        .map((t) => ({ value: t.appId, label: t.displayName })),
    ],
    [directory.index],
  );

  // From the admin's own session, as in a real tenant: never a client secret in the browser.
  const getTestToken = async () => {
    setFetching(true);
    setFetchError(undefined);
    try {
      setPasted(await tokenSource([`${resource}/.default`]));
    } catch (error) {
      setFetchError((error as Error).message);
    } finally {
      setFetching(false);
    }
  };

  const left = token?.expiresAt ? Math.round((token.expiresAt.getTime() - now) / 1000) : undefined;

  return (
    <div className="space-y-6">
      <section aria-labelledby="get-token-heading" className="space-y-2">
        <h2 id="get-token-heading" className="text-lg font-semibold">
          Get a test token
        </h2>
        <label className="block text-sm">
          <span className="font-medium">Resource</span>
          <select
            value={resource}
            onChange={(e) => setResource(e.target.value)}
            // A select is as wide as its longest option: a very long API name made the whole page
            // 2,256 px wide. It fills the column instead (the open list still shows whole names).
            className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {apis.map((api) => (
              <option key={api.value} value={api.value}>
                {api.label}
              </option>
            ))}
          </select>
        </label>
        <Button variant="primary" onClick={getTestToken} disabled={fetching}>
          {fetching ? 'Requesting…' : 'Get a test token with my session'}
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          A delegated token for the chosen resource ({'{appId}'}/.default), from your own sign-in:
          link a policy, then get a new token and see exp − iat change. Microsoft may ask you to
          consent the first time.
        </p>
        {fetchError && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {fetchError}
          </p>
        )}
        {settings.mode === 'entra' && (
          <div className="space-y-2">
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Or as an app or from a script, with the tools you already use:
            </p>
            <CopyBlock
              label="Azure CLI"
              text={`az account get-access-token --resource ${resource} --query accessToken -o tsv`}
            />
            <CopyBlock
              label="Azure PowerShell"
              text={`(Get-AzAccessToken -ResourceUrl '${resource}').Token`}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="paste-heading" className="space-y-2">
        <h2 id="paste-heading" className="text-lg font-semibold">
          Token
        </h2>
        <label className="block text-sm">
          <span className="font-medium">Paste an access token or ID token (JWT)</span>
          <textarea
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        {pasted && <Button onClick={() => setPasted('')}>Clear</Button>}
        {result && !result.ok && (
          <p
            role="alert"
            data-testid="token-problem"
            className="text-sm text-red-800 dark:text-red-300"
          >
            {result.message}
          </p>
        )}
      </section>

      {token && (
        <section aria-labelledby="result-heading" className="space-y-4">
          <h2 id="result-heading" className="text-lg font-semibold">
            {token.kind === 'id' ? 'ID token' : 'Access token'} for{' '}
            <span className="tenant-text">{verdict?.resource?.displayName ?? token.audience}</span>
          </h2>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div>
              <dt className="text-xs text-slate-600 dark:text-slate-400">Lifetime (exp − iat)</dt>
              <dd className="text-lg font-semibold" data-testid="token-lifetime">
                {token.lifetimeSeconds !== undefined ? formatDuration(token.lifetimeSeconds) : '—'}
              </dd>
              <dd className="text-xs">{token.lifetimeSeconds} s</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600 dark:text-slate-400">Time left</dt>
              <dd className="text-lg font-semibold" aria-live="off">
                {left === undefined ? '—' : left > 0 ? formatDuration(left) : 'Expired'}
              </dd>
            </div>
            <Time label="Issued (iat)" value={token.issuedAt} />
            <Time label="Not before (nbf)" value={token.notBefore} />
            <Time label="Expires (exp)" value={token.expiresAt} />
          </dl>
          {verdict && (
            <div
              data-testid="token-verdict"
              className={`rounded-md border p-3 text-sm ${verdict.status === 'match' ? 'border-green-400 bg-green-50 dark:bg-green-950' : 'border-amber-400 bg-amber-50 dark:bg-amber-950'}`}
            >
              <p className="font-semibold">
                <Badge tone={verdict.status === 'match' ? 'success' : 'warning'}>
                  {verdict.status === 'match'
                    ? 'Matches the effective policy'
                    : verdict.status === 'differs'
                      ? 'Differs from the effective policy'
                      : 'Cannot compare'}
                </Badge>{' '}
                <span className="tenant-text">{verdict.summary}</span>
              </p>
              {verdict.resource && (
                <p className="mt-1">
                  <Link className="underline" href={`/applications/${verdict.resource.appId}`}>
                    Why this lifetime applies
                  </Link>
                </p>
              )}
              {verdict.reasons.length > 0 && (
                <ul className="mt-2 list-disc pl-5">
                  {verdict.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <table className="w-full text-left text-sm">
            <caption className="text-left font-medium">Claims</caption>
            <tbody>
              {Object.entries(token.claims).map(([name, value]) => (
                <tr
                  key={name}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <th scope="row" className="py-1 pr-3 font-mono text-xs">
                    {name}
                  </th>
                  <td className="py-1 pr-3 font-mono text-xs break-all tenant-text">
                    {typeof value === 'string' ? value : JSON.stringify(value)}
                  </td>
                  <td className="py-1 text-xs text-slate-600 dark:text-slate-400">
                    {CLAIM_HELP[name] ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <CopyBlock label="Header" text={JSON.stringify(token.header, null, 2)} />
        </section>
      )}
    </div>
  );
}
