import { parseDefinition, type ParsedDefinition } from './definition';
import type { Finding, TokenLifetimePolicy } from './types';

/** A policy with its definition read once, and everything worth telling the admin about it. */
export interface PolicyFacts {
  policy: TokenLifetimePolicy;
  parsed: ParsedDefinition;
  findings: Finding[];
}

export function describePolicy(policy: TokenLifetimePolicy): PolicyFacts {
  const parsed = parseDefinition(policy.definition);
  return { policy, parsed, findings: parsed.findings };
}
