import { describe, expect, it } from 'vitest';
import { parseUrlValues } from '@/components/ui/url-fields';
import { APPLICATIONS_URL } from './application-filters';

const read = (query: string) => parseUrlValues(new URLSearchParams(query), APPLICATIONS_URL);

describe('the Applications view URL', () => {
  it('shows the default view for an unknown rule, sort, facet or direction', () => {
    // /applications?rule=foo crashed the view (issue 15): the rule indexed the rule table.
    expect(read('rule=foo&sort=bogus&dir=up&kind=robot&class=huge&source=x&disagree=2')).toEqual({
      q: '',
      kind: '',
      class: '',
      source: '',
      disagree: false,
      rule: 'graph-reference',
      sort: 'name',
      dir: '',
    });
  });

  it('reads every known value', () => {
    expect(
      read(
        'q=Orders&kind=first-party&class=extended&source=servicePrincipal&disagree=1&rule=current-article&sort=lifetime&dir=desc',
      ),
    ).toEqual({
      q: 'Orders',
      kind: 'first-party',
      class: 'extended',
      source: 'servicePrincipal',
      disagree: true,
      rule: 'current-article',
      sort: 'lifetime',
      dir: 'desc',
    });
  });
});
