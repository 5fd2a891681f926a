/**
 * The targets sheet ("Mục tiêu" / "Targets"): metric, scope, year, comparator, value. Shares are
 * typed as percentages (100%, "100%", 100 or 1) and stored as fractions.
 */
import type { Issue, MetricKey, Target } from "../../domain/types";
import { METRIC_KEYS, SHARE_METRICS } from "../../domain/types";
import { detectPercentMode, toIndicatorValue, type ParsedCell } from "../../domain/parse";
import { METRIC_LABELS, parseLabel, TARGET_COMPARATOR_LABELS, TARGET_FIELDS } from "../layout";
import type { HeaderRows } from "./mapping";
import { addIssue, locateColumns, type SheetView, type LayoutObserver } from "./sheet";

export interface ReadTargetsOptions {
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: HeaderRows;
  observe?: LayoutObserver;
}

/** A metric typed as its key ("communeNtmShare", "@communeNtmShare") or its Vietnamese or English label. */
export function parseMetric(text: string): MetricKey | undefined {
  const bare = text.trim().replace(/^@/, "");
  const key = METRIC_KEYS.find((k) => k.toLowerCase() === bare.toLowerCase());
  return key ?? parseLabel(METRIC_LABELS, text);
}

/** Comparator used when the cell is blank: at most for counts of lagging communes, at least otherwise. */
export function defaultTargetComparator(metric: MetricKey): ">=" | "<=" {
  return metric === "communesBelow15" ? "<=" : ">=";
}

export function readTargets(view: SheetView, issues: Issue[], opts: ReadTargetsOptions = {}): Target[] {
  const layout = locateColumns(
    view,
    {
      fields: TARGET_FIELDS,
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const metricCol = layout.fields.get("metric");
  if (layout.headerRow < 0 || metricCol === undefined) {
    addIssue(
      issues,
      "warning",
      "MISSING_KEY_COLUMN",
      { sheet: view.name },
      { column: "Chỉ số", columnEn: "Metric" },
    );
    return [];
  }
  const col = (key: string) => layout.fields.get(key);
  const text = (r: number, key: string) => view.text(r, col(key));
  const valueCol = col("value");

  const rows: { r: number; metric: MetricKey }[] = [];
  for (const r of layout.rows) {
    const metricText = view.text(r, metricCol);
    const metric = metricText ? parseMetric(metricText) : undefined;
    if (!metric) {
      addIssue(issues, "warning", "UNKNOWN_TARGET_METRIC", view.ref(r, metricCol), { value: metricText });
      continue;
    }
    rows.push({ r, metric });
  }
  const shareCells: ParsedCell[] =
    valueCol === undefined
      ? []
      : rows.filter((x) => SHARE_METRICS.has(x.metric)).map((x) => view.parsed(x.r, valueCol));
  const shareMode = detectPercentMode(shareCells);

  const out: Target[] = [];
  for (const { r, metric } of rows) {
    const yearCol = col("year");
    const yearCell = yearCol !== undefined ? view.parsed(r, yearCol) : ({ kind: "blank" } as ParsedCell);
    if (!(
      yearCell.kind === "number" &&
      Number.isInteger(yearCell.value) &&
      yearCell.value >= 1990 &&
      yearCell.value <= 2100
    )) {
      addIssue(issues, "warning", "INVALID_TARGET_YEAR", view.ref(r, yearCol ?? metricCol), {
        value: view.text(r, yearCol),
      });
      continue;
    }
    const cmpText = text(r, "comparator");
    const comparator = cmpText
      ? parseLabel(TARGET_COMPARATOR_LABELS, cmpText)
      : defaultTargetComparator(metric);
    if (!comparator) {
      addIssue(issues, "warning", "INVALID_TARGET_COMPARATOR", view.ref(r, col("comparator")!), {
        value: cmpText,
      });
      continue;
    }
    let value: number | undefined;
    if (valueCol !== undefined) {
      const cell = view.parsed(r, valueCol);
      const v = SHARE_METRICS.has(metric)
        ? toIndicatorValue(cell, "percent", shareMode)
        : toIndicatorValue(cell, "number", "points");
      if (v.kind === "value" && typeof v.value === "number")
        value = SHARE_METRICS.has(metric) ? v.value / 100 : v.value;
    }
    if (value === undefined) {
      addIssue(issues, "warning", "INVALID_TARGET_VALUE", view.ref(r, valueCol ?? metricCol), {
        value: view.text(r, valueCol),
      });
      continue;
    }
    const target: Target = { metric, year: yearCell.value, value, comparator, ref: view.ref(r, metricCol) };
    const scope = text(r, "scope");
    if (scope) target.scope = scope;
    const note = text(r, "note");
    if (note) target.note = note;
    out.push(target);
  }
  return out;
}
