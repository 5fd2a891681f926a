/**
 * The words the result sheets print for domain values (outcomes, statuses, bands, levels…), and the
 * conditional-format styles that go with them. Pure lookups over src/i18n.
 */
import type {
  Band,
  Comparator,
  CriterionOutcome,
  Level,
  MetricKey,
  Outcome,
  RegionCode,
  Severity,
  SourceCode,
  Status,
  TargetStatus,
  Tier,
} from "../../domain/types";
import { formatNumber, hasKey, t, type Lang } from "../../i18n";
import type { HighlightStyle } from "../sheetSpec";
import type { SheetDraft } from "./sheet";

export const criterionOutcomeLabel = (lang: Lang, o: CriterionOutcome): string =>
  t(lang, `render.criterion.${o}`);
export const outcomeLabel = (lang: Lang, o: Outcome): string => t(lang, `render.outcome.${o}`);
export const statusLabel = (lang: Lang, s: Status): string => t(lang, `render.status.${s}`);
export const tierLabel = (lang: Lang, tier: Tier): string => t(lang, `render.tier.${tier}`);
export const levelLabel = (lang: Lang, level: Level): string => t(lang, `render.level.${level}`);
export const severityLabel = (lang: Lang, s: Severity): string => t(lang, `render.severity.${s}`);
export const targetStatusLabel = (lang: Lang, s: TargetStatus): string => t(lang, `render.targetStatus.${s}`);
export const metricLabel = (lang: Lang, m: MetricKey): string =>
  hasKey(`render.metric.${m}`) ? t(lang, `render.metric.${m}`) : m;
export const yesNo = (lang: Lang, yes: boolean): string => t(lang, yes ? "render.yes" : "render.no");

/** A criterion's name over its column, with the tier for the non-NTM tiers ("NTM nâng cao: Giao thông"). */
export function criterionHeading(lang: Lang, tier: Tier, name: string): string {
  const label = tierLabel(lang, tier);
  return tier === "ntm" || name === label ? name : `${label}: ${name}`;
}

/** A province "completes the NTM task" rather than "reaches NTM". */
export function provinceStatusLabel(lang: Lang, s: Status): string {
  const key = `render.provinceStatus.${s}`;
  return hasKey(key) ? t(lang, key) : statusLabel(lang, s);
}

/** "< 15", "15–18", or the number of national criteria when all are met ("19"). */
export function bandLabel(lang: Lang, band: Band | undefined, nationalTotal: number): string {
  if (band === undefined) return "";
  if (band === "all") return String(nationalTotal);
  return t(lang, `render.band.${band}`);
}

export function regionLabel(lang: Lang, region: RegionCode | undefined): string {
  if (region === undefined) return "";
  const key = `render.region.${region}`;
  return hasKey(key) ? t(lang, key) : region;
}

export function sourceLabel(lang: Lang, code: SourceCode): string {
  const key = `render.source.${code}`;
  return hasKey(key) ? t(lang, key) : code;
}

const COMPARATOR_SYMBOL: Record<Comparator, string> = { ">=": "≥", "<=": "≤", "=": "=", pass: "" };

export function comparatorSymbol(c: Comparator): string {
  return COMPARATOR_SYMBOL[c];
}

/** A value as the user typed it: numbers stay numbers, booleans become words. */
export function valueCell(
  lang: Lang,
  value: number | boolean | null,
  comparator: Comparator,
): string | number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if (comparator === "pass") return t(lang, value ? "render.value.pass" : "render.value.fail");
  return yesNo(lang, value);
}

/** A threshold as text with its comparator ("≥ 80", "≤ 3", "Đạt"); "" when not set. */
export function thresholdText(
  lang: Lang,
  threshold: number | boolean | null,
  comparator: Comparator,
  unit = "",
): string {
  if (threshold === null) return "";
  if (comparator === "pass") return t(lang, "render.value.pass");
  const v = typeof threshold === "number" ? formatNumber(lang, threshold) : yesNo(lang, threshold);
  const withUnit = unit && typeof threshold === "number" ? `${v} ${unit}` : v;
  return `${comparatorSymbol(comparator)} ${withUnit}`;
}

export { issueMessage as issueText } from "../../i18n/issueMessage";

// ---- Conditional-format styles of the printed words ----

export const CRITERION_STYLES: readonly (readonly [CriterionOutcome, HighlightStyle])[] = [
  ["met", "met"],
  ["notMet", "notMet"],
  ["unknown", "unknown"],
];

export const OUTCOME_STYLES: readonly (readonly [Outcome, HighlightStyle])[] = [
  ["met", "met"],
  ["notMet", "notMet"],
  ["near", "near"],
  ["missing", "unknown"],
  ["invalid", "unknown"],
  ["noThreshold", "unknown"],
];

export const STATUS_STYLES: readonly (readonly [Status, HighlightStyle])[] = [
  ["none", "notMet"],
  ["ntm", "met"],
  ["advanced", "met"],
  ["model", "met"],
];

export const TARGET_STYLES: readonly (readonly [TargetStatus, HighlightStyle])[] = [
  ["achieved", "met"],
  ["behind", "notMet"],
  ["pending", "unknown"],
];

export const SEVERITY_STYLES: readonly (readonly [Severity, HighlightStyle])[] = [
  ["error", "notMet"],
  ["warning", "near"],
  ["info", "unknown"],
];

/** Label → style pairs for textEquals rules, de-duplicated (two outcomes may print the same word). */
export function labelStyles<K extends string>(
  pairs: readonly (readonly [K, HighlightStyle])[],
  label: (k: K) => string,
): [string, HighlightStyle][] {
  return uniqueTexts(pairs.map(([k, style]) => [label(k), style]));
}

/** Keeps the first style of each text. */
export function uniqueTexts(
  pairs: readonly (readonly [string, HighlightStyle])[],
): [string, HighlightStyle][] {
  const seen = new Set<string>();
  const out: [string, HighlightStyle][] = [];
  for (const [text, style] of pairs) {
    if (seen.has(text)) continue;
    seen.add(text);
    out.push([text, style]);
  }
  return out;
}

/** The rules colouring a block of criterion columns and a status column (communes and districts). */
export function criteriaAndStatusRules(
  d: SheetDraft,
  lang: Lang,
  firstRow: number,
  lastRow: number,
  firstCrit: number,
  lastCrit: number,
  statusCol: number,
): void {
  d.textRules(
    firstRow,
    firstCrit,
    lastRow,
    lastCrit,
    labelStyles(CRITERION_STYLES, (o) => criterionOutcomeLabel(lang, o)),
  );
  d.textRules(
    firstRow,
    statusCol,
    lastRow,
    statusCol,
    labelStyles(STATUS_STYLES, (s) => statusLabel(lang, s)),
  );
}
