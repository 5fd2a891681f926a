/**
 * What the pane shows, computed from a recalculation outcome: plain data and text in the user's
 * language, so the components only lay it out. Pure.
 */
import { FUNDING_CATEGORIES, CREDIT_ROOT } from "../catalog/fundingCategories";
import type {
  Bottleneck,
  FundingResult,
  Issue,
  MetricKey,
  Severity,
  TargetResult,
  TargetStatus,
} from "../domain/types";
import { SHARE_METRICS } from "../domain/types";
import { formatNumber, t, type Lang } from "../i18n";
import { labelOf, METRIC_LABELS } from "../workbook/layout";
import type { DetectedColumn } from "../workbook/read/columnDetection";
import type { RecalcOutcome } from "../workbook/recalc";

export const pct = (lang: Lang, share: number): string => `${formatNumber(lang, share * 100, 1)}%`;

// ---------------------------------------------------------------- summary

export interface TargetView {
  key: string;
  label: string;
  status: TargetStatus;
  statusText: string;
  /** "Mục tiêu 100% năm 2022; hiện tại 96,2%" */
  values: string;
  /** "còn thiếu 3,8 điểm %", or null when achieved or not measurable. */
  gap: string | null;
}

export interface BottleneckView {
  code: string;
  name: string;
  share: number;
  /** "180/182 xã đạt (98,9%)" */
  text: string;
}

export interface SummaryView {
  title: string;
  /** "Xã đạt chuẩn NTM: 175/182 (96,2%) — mục tiêu 100% năm 2022: còn 7 xã", or null without communes. */
  headline: string | null;
  /** Advanced / model communes, districts. */
  lines: string[];
  targets: TargetView[];
  bottlenecks: BottleneckView[];
  issueCounts: Record<Severity, number>;
}

function metricValue(lang: Lang, metric: MetricKey, value: number): string {
  return SHARE_METRICS.has(metric) ? pct(lang, value) : formatNumber(lang, value, 1);
}

function metricGap(lang: Lang, metric: MetricKey, gap: number): string {
  return SHARE_METRICS.has(metric)
    ? t(lang, "pane.target.points", { value: formatNumber(lang, gap * 100, 1) })
    : formatNumber(lang, gap, 1);
}

export function targetView(
  lang: Lang,
  tr: TargetResult,
  nameOf: (code: string) => string | undefined,
  index: number,
): TargetView {
  const metric = labelOf(METRIC_LABELS, tr.metric, lang);
  const scope = tr.scope ? (nameOf(tr.scope) ?? tr.scope) : null;
  const actual =
    tr.actual === null ? t(lang, "pane.target.noActual") : metricValue(lang, tr.metric, tr.actual);
  return {
    key: `${index}:${tr.metric}:${tr.scope ?? ""}:${tr.year}`,
    label: scope ? `${metric} – ${scope}` : metric,
    status: tr.status,
    statusText: t(lang, `pane.target.status.${tr.status}`),
    values: t(lang, "pane.target.values", {
      target: `${tr.comparator === "<=" ? "≤ " : ""}${metricValue(lang, tr.metric, tr.value)}`,
      year: String(tr.year),
      actual,
    }),
    gap:
      tr.status !== "achieved" && tr.gap !== null && tr.gap > 0
        ? t(lang, "pane.target.gap", { gap: metricGap(lang, tr.metric, tr.gap) })
        : null,
  };
}

export function bottleneckView(lang: Lang, b: Bottleneck): BottleneckView {
  return {
    code: b.code,
    name: lang === "vi" ? b.nameVi : b.nameEn,
    share: b.share,
    text: t(lang, "pane.bottleneck.share", { met: b.met, evaluated: b.evaluated, share: pct(lang, b.share) }),
  };
}

export function countIssues(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

export function localityNames(outcome: RecalcOutcome): (code: string) => string | undefined {
  const names = new Map<string, string>();
  for (const l of outcome.result.localities) if (!names.has(l.code)) names.set(l.code, l.name);
  return (code) => names.get(code);
}

export function summaryView(outcome: RecalcOutcome, lang: Lang, topBottlenecks = 5): SummaryView {
  const { result, settings } = outcome;
  const { year, setId } = result.options;
  const title = t(lang, "summary.title", { province: settings.province, year: String(year), set: setId });
  const province = result.rollups.find((r) => r.level === "province");
  let headline: string | null = null;
  const lines: string[] = [];
  if (province && province.communes > 0) {
    headline = t(lang, "summary.communesNtm", {
      ntm: province.ntm,
      communes: province.communes,
      share: pct(lang, province.ntmShare),
    });
    // The nearest province-wide commune target not yet past, as the command line's summary does.
    const target = result.targets.find(
      (tr) => tr.metric === "communeNtmShare" && !tr.scope && tr.year >= year,
    );
    if (target) {
      const needed = Math.max(0, Math.ceil(target.value * province.communes - 1e-9) - province.ntm);
      headline +=
        " — " +
        t(lang, needed > 0 ? "summary.targetRemaining" : "summary.targetReached", {
          target: pct(lang, target.value),
          year: String(target.year),
          remaining: needed,
        });
    }
    lines.push(
      t(lang, "summary.advancedModel", {
        advanced: province.advanced,
        advancedShare: pct(lang, province.advancedShare),
        model: province.model,
        modelShare: pct(lang, province.modelShare),
        below15: province.below15,
      }),
    );
    if (province.districts > 0)
      lines.push(t(lang, "summary.districts", { ntm: province.districtsNtm, districts: province.districts }));
  }
  const nameOf = localityNames(outcome);
  const hardest = [...result.bottlenecks]
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.share - y.b.share || x.i - y.i)
    .slice(0, topBottlenecks)
    .map(({ b }) => bottleneckView(lang, b));
  return {
    title,
    headline,
    lines,
    targets: result.targets.map((tr, i) => targetView(lang, tr, nameOf, i)),
    bottlenecks: hardest,
    issueCounts: countIssues(outcome.issues),
  };
}

// ---------------------------------------------------------------- funding

export interface MixRow {
  code: string;
  name: string;
  depth: number;
  /** Share of the total with credit. */
  share: number;
  /** Share of the total without credit; null for credit itself. */
  shareExcludingCredit: number | null;
}

export interface FundingView {
  total: string;
  /** "Đã thực hiện: … (78,8% kế hoạch)", or null when nothing is planned. */
  actual: string | null;
  rows: MixRow[];
}

const CATEGORY_BY_CODE = new Map(FUNDING_CATEGORIES.map((c) => [c.code, c]));

function depthOf(code: string): number {
  let depth = 0;
  for (let c = CATEGORY_BY_CODE.get(code); c?.parent; c = CATEGORY_BY_CODE.get(c.parent)) depth++;
  return depth;
}

function isCredit(code: string): boolean {
  for (let c = CATEGORY_BY_CODE.get(code); c; c = c.parent ? CATEGORY_BY_CODE.get(c.parent) : undefined)
    if (c.code === CREDIT_ROOT) return true;
  return false;
}

/** The province's mix, in catalog order; `withSub` adds the sub-sources under their parents. */
export function fundingView(lang: Lang, funding: FundingResult, unit: string, withSub: boolean): FundingView {
  const rows: MixRow[] = [];
  for (const c of FUNDING_CATEGORIES) {
    const depth = depthOf(c.code);
    if (!withSub && depth > 0) continue;
    const share = funding.shares[c.code] ?? 0;
    if (depth > 0 && share === 0) continue;
    rows.push({
      code: c.code,
      name: lang === "vi" ? c.nameVi : c.nameEn,
      depth,
      share,
      shareExcludingCredit: isCredit(c.code) ? null : (funding.sharesExcludingCredit[c.code] ?? 0),
    });
  }
  const rate = funding.disbursementRate;
  return {
    total: t(lang, "pane.funding.total", { total: formatNumber(lang, funding.total, 0), unit }),
    actual:
      rate === null
        ? null
        : t(lang, "pane.funding.actual", {
            actual: formatNumber(lang, funding.actual.total, 0),
            unit,
            rate: pct(lang, rate),
          }),
    rows,
  };
}

export interface FlagGroup {
  code: string;
  /** The locality's name as written ("Huyện Cẩm Xuyên"), or its code when it has none. */
  name: string;
  criteria: { code: string; name: string }[];
}

/** Localities with unmet criteria and no money planned, grouped by locality in order of first flag. */
export function unfundedGroups(outcome: RecalcOutcome, lang: Lang): FlagGroup[] {
  const nameOf = localityNames(outcome);
  const criterionNames = new Map<string, string>();
  for (const c of outcome.read.input.criteria)
    if (!criterionNames.has(c.code)) criterionNames.set(c.code, lang === "vi" ? c.nameVi : c.nameEn);
  const groups = new Map<string, FlagGroup>();
  for (const f of outcome.result.fundingFlags) {
    if (f.kind !== "unmetWithoutMoney") continue;
    let g = groups.get(f.locality);
    if (!g) {
      g = { code: f.locality, name: nameOf(f.locality) || f.locality, criteria: [] };
      groups.set(f.locality, g);
    }
    g.criteria.push({ code: f.criterion, name: criterionNames.get(f.criterion) ?? "" });
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------- column mapping

export type ConfidenceLevel = "mapped" | "high" | "medium" | "low" | "missing";

/** How sure the detection is of a column: high ≥ 0.9, medium ≥ 0.6, low below; "mapped" when the planner set it. */
export function confidenceLevel(
  c: Pick<DetectedColumn, "column" | "confidence" | "mapped">,
): ConfidenceLevel {
  if (!c.column) return "missing";
  if (c.mapped) return "mapped";
  if (c.confidence >= 0.9) return "high";
  if (c.confidence >= 0.6) return "medium";
  return "low";
}
