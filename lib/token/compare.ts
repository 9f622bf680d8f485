// Does the token's lifetime match what the policies say for its resource? And if not, why not.
import { formatDuration, formatLifetime } from '../policy/format';
import { BUILT_IN_RANGE_TEXT } from '../policy/messages';
import {
  buildPolicyContext,
  resolveEffectiveLifetime,
  type EffectiveLifetime,
} from '../policy/resolve';
import type { DirectoryIndex, DirectoryTarget, PrecedenceRuleId } from '../policy/types';
import type { TokenInspection } from './decode';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GRAPH_URIS = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
]);
export const LIFETIME_TOLERANCE_SECONDS = 5;

export interface LifetimeVerdict {
  status: 'match' | 'differs' | 'unknown';
  summary: string;
  resource?: DirectoryTarget;
  effective?: EffectiveLifetime;
  reasons: string[];
}

export function findResource(
  index: DirectoryIndex,
  audience: string | undefined,
): DirectoryTarget | undefined {
  if (!audience) return undefined;
  const wanted = audience.replace(/\/+$/, '').toLowerCase();
  // v1.0 tokens name Graph by its URI, of whichever cloud issued them; v2.0 tokens by appId.
  const appId = GRAPH_URIS.has(wanted)
    ? GRAPH_APP_ID
    : wanted.replace(/^api:\/\/([0-9a-f-]{36})$/, '$1');
  return index.targets.find(
    (t) =>
      t.appId.toLowerCase() === appId ||
      (t.application?.identifierUris ?? []).some(
        (u) => u.replace(/\/+$/, '').toLowerCase() === wanted,
      ),
  );
}

export function compareWithPolicy(
  token: TokenInspection,
  context: { tenantId: string; index: DirectoryIndex; rule?: PrecedenceRuleId },
): LifetimeVerdict {
  const reasons: string[] = [];
  const lifetime = token.lifetimeSeconds;
  if (lifetime === undefined)
    return {
      status: 'unknown',
      summary: 'The token has no iat or exp, so its lifetime cannot be read.',
      reasons,
    };
  if (token.tenantId && token.tenantId.toLowerCase() !== context.tenantId.toLowerCase()) {
    reasons.push(
      `The token is from another tenant (${token.tenantId}); this dashboard shows the policies of ${context.tenantId}.`,
    );
    return { status: 'unknown', summary: 'This token was issued by another tenant.', reasons };
  }
  if (token.kind === 'id') {
    reasons.push(
      'This is an ID token: its lifetime follows the client app it was issued to, not a resource API.',
    );
  }
  const resource = findResource(context.index, token.audience);
  if (!resource) {
    return {
      status: 'unknown',
      summary: `No service principal in this tenant matches the audience ${token.audience ?? '(none)'}.`,
      reasons,
    };
  }
  const effective = resolveEffectiveLifetime(
    resource,
    buildPolicyContext(context.index.policies),
    context.rule,
  );
  const matches =
    effective.seconds !== null
      ? Math.abs(lifetime - effective.seconds) <= LIFETIME_TOLERANCE_SECONDS
      : lifetime >= effective.minSeconds - LIFETIME_TOLERANCE_SECONDS &&
        lifetime <= effective.maxSeconds + LIFETIME_TOLERANCE_SECONDS;
  if (matches) {
    return {
      status: 'match',
      summary: `${formatDuration(lifetime)} matches the effective policy of ${resource.displayName} (${formatLifetime(effective)}).`,
      resource,
      effective,
      reasons,
    };
  }
  reasons.push(
    'Tokens issued before a policy change keep their lifetime: get a new token and compare again.',
  );
  if (effective.seconds === null)
    reasons.push(`Without a policy Entra picks a random ${BUILT_IN_RANGE_TEXT} per token.`);
  if (token.caeCapable)
    reasons.push(
      'The client is CAE-capable (xms_cc contains cp1): Entra may issue tokens of up to 28 hours to it.',
    );
  if (effective.rulesDisagree)
    reasons.push(
      `The precedence sources disagree for this resource: the other rule gives ${formatLifetime(effective.otherRule)}.`,
    );
  return {
    status: 'differs',
    summary: `${formatDuration(lifetime)} differs from the effective policy of ${resource.displayName} (${formatLifetime(effective)}).`,
    resource,
    effective,
    reasons,
  };
}
