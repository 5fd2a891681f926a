/**
 * The JSON results contract (docs/RESULTS.md). A stable, documented shape for other tools; bump
 * RESULTS_SCHEMA_VERSION on any breaking change.
 */
import type { EvaluationResult, Issue, Outcome } from "../domain/types";
import type { Lang } from "../i18n";
import { issueMessage } from "../i18n/issueMessage";

export const RESULTS_SCHEMA_VERSION = 1;

export interface ResultsSettings {
  province: string;
  provinceCode: string;
  region: string;
  year: number;
  setId: string;
  nearMargin: number;
  currencyUnit: string;
  lang: Lang;
  sampleNote?: string;
}

export interface IssueJson {
  severity: Issue["severity"];
  sheet: string | null;
  cell: string | null;
  code: string;
  message: string;
}

export { issueMessage };

export function issueToJson(lang: Lang, issue: Issue): IssueJson {
  return {
    severity: issue.severity,
    sheet: issue.sheet ?? null,
    cell: issue.cell ?? null,
    code: issue.code,
    message: issueMessage(lang, issue),
  };
}

export function resultsToJson(result: EvaluationResult, settings: ResultsSettings) {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    settings,
    localities: result.localities.map((l) => ({
      code: l.code,
      name: l.name,
      level: l.level,
      parent: l.parent ?? null,
      effectiveRegion: l.effectiveRegion ?? null,
      group: l.group ?? null,
      criteriaMet: l.criteriaMet,
      criteriaTotal: l.criteriaTotal,
      criteriaUnknown: l.criteriaUnknown,
      band: l.band ?? null,
      status: l.status,
      undecided: l.undecided,
      unmet: l.unmet,
      criteria: Object.fromEntries(Object.entries(l.criteria).map(([k, c]) => [k, c.outcome])),
      indicators: Object.fromEntries(
        Object.entries(l.indicators).map(([k, r]) => [
          k,
          {
            outcome: r.outcome as Outcome,
            value: r.value,
            threshold: r.threshold,
            gap: r.gap,
            thresholdConfirmed: r.thresholdConfirmed,
            cell: r.ref ? `${r.ref.sheet}!${r.ref.cell}` : null,
          },
        ]),
      ),
    })),
    rollups: result.rollups,
    bottlenecks: result.bottlenecks,
    funding: result.funding.map((f) => ({
      code: f.code,
      level: f.level,
      total: f.total,
      bySource: f.bySource,
      shares: f.shares,
      sharesExcludingCredit: f.sharesExcludingCredit,
      actual: f.actual,
      disbursementRate: f.disbursementRate,
      byCriterion: f.byCriterion,
    })),
    fundingFlags: result.fundingFlags,
    targets: result.targets.map((tr) => ({
      metric: tr.metric,
      scope: tr.scope ?? null,
      year: tr.year,
      comparator: tr.comparator,
      target: tr.value,
      actual: tr.actual,
      status: tr.status,
      gap: tr.gap,
      note: tr.note ?? null,
    })),
    issues: result.issues.map((i) => issueToJson(settings.lang, i)),
  };
}

export type ResultsJson = ReturnType<typeof resultsToJson>;
