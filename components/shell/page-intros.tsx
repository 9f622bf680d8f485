interface PageIntro {
  title: string;
  intro: React.ReactNode;
  /** Something the admin must know before using the page. */
  notice?: React.ReactNode;
}

export type PageRoute =
  '/policies' | '/applications' | '/audit' | '/token-inspector' | '/desired-state';

/** What each top-level page is, in one place: its own header and the preview while signing in. */
export const PAGE_INTROS: Record<PageRoute, PageIntro> = {
  '/policies': {
    title: 'Token lifetime policies',
    intro:
      'Every token lifetime policy of the tenant, what it sets and where it is linked. Only AccessTokenLifetime still has an effect (10 minutes to 23:59:59).',
  },
  '/applications': {
    title: 'Applications',
    intro: (
      <>
        The access-token lifetime that applies to tokens <em>for</em> each app (as a resource), and
        what set it.
      </>
    ),
  },
  '/audit': {
    title: 'Audit',
    intro:
      'Who runs with extended lifetimes, and which policies deserve a look: applications by audit class, how long their tokens last, the organization default, and the policies with findings.',
  },
  '/token-inspector': {
    title: 'Token inspector',
    intro:
      'Did my change work? Paste a token and compare its lifetime with the policy that should apply.',
    notice: (
      <>
        Decoded in your browser: the token is sent nowhere, not even to this dashboard’s server. The
        page’s Content-Security-Policy allows connections only to your sign-in authority and
        Microsoft Graph.
      </>
    ),
  },
  '/desired-state': {
    title: 'Desired state',
    intro:
      'Keep the tenant’s token lifetime policies as code: export them, and compare the tenant with a saved baseline to see and undo drift.',
  },
};

export function isPageRoute(pathname: string): pathname is PageRoute {
  return Object.hasOwn(PAGE_INTROS, pathname);
}
