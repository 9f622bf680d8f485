// A tenant's policies read once for resolving many targets: definitions parsed, the organization
// default found, and a tenant that claims more than one default reported.
import { organizationDefaultsConflictMessage } from './messages';
import { describePolicy, type PolicyFacts } from './policy';
import { findOrganizationDefaults } from './rules';
import type { Finding, TokenLifetimePolicy } from './types';

export interface PolicyContext {
  policies: readonly TokenLifetimePolicy[];
  /** Every policy, definition parsed once, by id. */
  factsById: Map<string, PolicyFacts>;
  organizationDefault?: PolicyFacts;
  /** Every policy that claims to be the organization default (more than one is a tenant error). */
  organizationDefaultClaims: PolicyFacts[];
  findings: Finding[];
}

export function buildPolicyContext(policies: readonly TokenLifetimePolicy[]): PolicyContext {
  const factsById = new Map<string, PolicyFacts>();
  for (const policy of policies) {
    if (!policy.deletedDateTime) factsById.set(policy.id, describePolicy(policy));
  }
  const claims = findOrganizationDefaults(policies).map((p) => factsById.get(p.id)!);
  const findings: Finding[] = [];
  if (claims.length > 1) {
    findings.push({
      code: 'multiple-organization-defaults',
      severity: 'error',
      message: `${organizationDefaultsConflictMessage(claims.map((c) => c.policy.displayName))} "${claims[0].policy.displayName}" is assumed; clear the others.`,
    });
  }
  return {
    policies,
    factsById,
    organizationDefault: claims[0],
    organizationDefaultClaims: claims,
    findings,
  };
}
