// Three things admins mix up, in their words, with Microsoft's articles.
const LEARN = 'https://learn.microsoft.com/en-us/entra';

export function SessionTerms() {
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="session-terms">
      <div>
        <dt className="font-semibold">Access-token lifetime</dt>
        <dd>
          How long one token for an API stays usable (this dashboard’s policies). When it expires,
          the app silently gets a new one — the user does not sign in again.{' '}
          <a className="underline" href={`${LEARN}/identity-platform/configurable-token-lifetimes`}>
            Configurable token lifetimes
          </a>
        </dd>
      </div>
      <div>
        <dt className="font-semibold">Sign-in frequency</dt>
        <dd>
          How long before the user must sign in again (password, MFA), whatever the token lifetimes.
          A Conditional Access session control; it replaced the retired MaxAge… settings.{' '}
          <a
            className="underline"
            href={`${LEARN}/identity/conditional-access/howto-conditional-access-session-lifetime`}
          >
            Configure sign-in frequency and persistent browser session
          </a>
        </dd>
      </div>
      <div>
        <dt className="font-semibold">Continuous Access Evaluation</dt>
        <dd>
          Lets APIs such as Exchange, SharePoint and Graph reject a token at once when the account
          is disabled, the password changes or the location is no longer allowed — which is why apps
          that support it may receive tokens of up to 28 hours.{' '}
          <a
            className="underline"
            href={`${LEARN}/identity/conditional-access/concept-continuous-access-evaluation`}
          >
            Continuous access evaluation
          </a>
        </dd>
      </div>
    </dl>
  );
}
