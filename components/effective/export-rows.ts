import { download, objectsToCsv } from '@/lib/export/csv';
import { KIND_LABELS, SOURCE_LABELS, type EffectiveRow } from './effective-rows';

export function exportRows(rows: EffectiveRow[], format: 'csv' | 'json') {
  const stamp = new Date().toISOString().slice(0, 10);
  const plain = rows.map((r) => ({
    displayName: r.displayName,
    appId: r.appId,
    kind: KIND_LABELS[r.kind],
    policyOnServicePrincipal: r.servicePrincipalPolicy ?? '',
    policyOnApplication: r.applicationPolicy ?? '',
    effectiveLifetime: r.lifetimeText,
    effectiveSeconds: r.effective.seconds,
    setBy: SOURCE_LABELS[r.source],
    auditClass: r.auditClass,
    rulesDisagree: r.disagree,
    rule: r.effective.rule,
  }));
  if (format === 'json') {
    download(`applications-${stamp}.json`, JSON.stringify(plain, null, 2), 'application/json');
    return;
  }
  download(`applications-${stamp}.csv`, objectsToCsv(plain), 'text/csv;charset=utf-8');
}
