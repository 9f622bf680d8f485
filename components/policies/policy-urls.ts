// The Policies list's URL: filters and sort, checked on read (an unknown value is the default).
import { oneOfField, textField } from '@/components/ui/url-fields';
import { FINDING_FILTERS, type FindingFilter } from './policy-summary';

export const POLICIES_URL = {
  q: textField(),
  app: textField(),
  finding: oneOfField(Object.keys(FINDING_FILTERS) as FindingFilter[], ''),
  sort: oneOfField(['name', 'lifetime', 'links'], 'name'),
  dir: oneOfField(['desc'], ''),
};
