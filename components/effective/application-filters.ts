// What the Applications view keeps in its URL, checked on read: an unknown rule, sort or facet
// (a hand-typed or outdated link) shows the default view instead of crashing it.
import { AUDIT_CLASSES } from '@/lib/policy/classify';
import { DEFAULT_PRECEDENCE_RULE, PRECEDENCE_RULES } from '@/lib/policy/resolve';
import type { LinkSource, PrecedenceRuleId } from '@/lib/policy/types';
import { flagField, oneOfField, textField } from '@/components/ui/url-fields';
import { KIND_LABELS, SOURCE_LABELS, type TargetKind } from './effective-rows';

export const APPLICATION_SORTS = ['name', 'kind', 'lifetime', 'source'] as const;

export const APPLICATIONS_URL = {
  q: textField(),
  kind: oneOfField(Object.keys(KIND_LABELS) as TargetKind[], ''),
  class: oneOfField(AUDIT_CLASSES, ''),
  source: oneOfField(Object.keys(SOURCE_LABELS) as LinkSource[], ''),
  disagree: flagField(),
  rule: oneOfField(Object.keys(PRECEDENCE_RULES) as PrecedenceRuleId[], DEFAULT_PRECEDENCE_RULE),
  sort: oneOfField(APPLICATION_SORTS, 'name'),
  dir: oneOfField(['desc'], ''),
};
