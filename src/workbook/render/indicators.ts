/**
 * "KQ Chỉ tiêu" / "Res Indicators": one row per (commune, indicator) that is not met, with value,
 * threshold, gap and the input cell. Built for national scale (~200,000 rows): labels are computed
 * once, and styles, formats and highlight rules are whole-column ranges, never per cell.
 */
import { criterionKey } from "../../domain/levelPlan";
import type { IndicatorResult, Issue, Outcome } from "../../domain/types";
import { t } from "../../i18n";
import { MAX_ROWS, quoteSheetName } from "../a1";
import { compareCodes, type RenderContext } from "./context";
import { labelStyles, OUTCOME_STYLES, outcomeLabel, thresholdText, valueCell, yesNo } from "./labels";
import { columnIndexes, FMT_GAP, SheetDraft, titleBlock, type Column } from "./sheet";
import type { OutCell, SheetSpec } from "../sheetSpec";

const OUTCOMES: readonly Outcome[] = ["met", "notMet", "near", "missing", "invalid", "noThreshold"];

export function renderIndicators(
  ctx: RenderContext,
  sheetName: string,
  maxRows: number = MAX_ROWS,
): { sheet: SheetSpec; issues: Issue[] } {
  const { lang } = ctx;
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.indicators", ctx.title);

  const columns: Column[] = [
    { key: "code", header: t(lang, "render.col.communeCode"), width: 11 },
    { key: "name", header: t(lang, "render.col.communeName"), width: 22 },
    ...(ctx.hasDistricts ? [{ key: "district", header: t(lang, "render.col.district"), width: 18 }] : []),
    { key: "criterion", header: t(lang, "render.col.criterion"), width: 9 },
    { key: "indicator", header: t(lang, "render.col.indicatorCode"), width: 11 },
    { key: "text", header: t(lang, "render.col.indicatorName"), width: 50 },
    { key: "value", header: t(lang, "render.col.value"), width: 10 },
    { key: "threshold", header: t(lang, "render.col.threshold"), width: 10 },
    { key: "gap", header: t(lang, "render.col.gap"), width: 10 },
    { key: "unit", header: t(lang, "render.col.unit"), width: 12 },
    { key: "outcome", header: t(lang, "render.col.outcome"), width: 15 },
    { key: "confirmed", header: t(lang, "render.col.confirmed"), width: 12 },
    { key: "cell", header: t(lang, "render.col.cell"), width: 18 },
  ];
  const col = columnIndexes(columns);
  const headerRow = d.header(columns.map((c) => c.header));
  const first = d.next;

  // Everything that does not depend on the commune, once.
  const outcomeText = Object.fromEntries(OUTCOMES.map((o) => [o, outcomeLabel(lang, o)])) as Record<
    Outcome,
    string
  >;
  const yes = yesNo(lang, true);
  const no = yesNo(lang, false);
  const perIndicator = new Map<string, { criterion: string; text: string; unit: string }>();
  for (const def of ctx.indicators.values()) {
    perIndicator.set(def.code, {
      criterion: criterionKey(def.criterion, def.tier),
      text: ctx.nameIn(def),
      unit: def.unit,
    });
  }
  // Thresholds repeat (one per indicator and region or group): format each once, as number
  // formatting through the locale is slow at 200,000 rows.
  const thresholdTexts = new Map<string, string>();
  const thresholdOf = (code: string, ir: IndicatorResult): string => {
    const def = ctx.indicators.get(code);
    if (!def) return "";
    const key = `${code}\u0000${String(ir.threshold)}`;
    let text = thresholdTexts.get(key);
    if (text === undefined) {
      text = thresholdText(lang, ir.threshold, def.comparator);
      thresholdTexts.set(key, text);
    }
    return text;
  };
  const sheetPrefixes = new Map<string, string>();
  const refText = (sheet: string, cell: string): string => {
    let prefix = sheetPrefixes.get(sheet);
    if (prefix === undefined) {
      prefix = `${quoteSheetName(sheet)}!`;
      sheetPrefixes.set(sheet, prefix);
    }
    return prefix + cell;
  };
  const order = (code: string) => ctx.indicatorOrder.get(code) ?? Number.MAX_SAFE_INTEGER;
  const byIndicator = (a: IndicatorResult, b: IndicatorResult) =>
    order(a.code) - order(b.code) || compareCodes(a.code, b.code);

  const room = Math.max(0, maxRows - first);
  let total = 0;
  for (const r of ctx.communes) {
    const open = Object.values(r.indicators).filter((i) => i.outcome !== "met");
    if (open.length === 0) continue;
    open.sort(byIndicator);
    const districtName = ctx.hasDistricts ? (ctx.districtOf(r)?.name ?? "") : "";
    const source = ctx.inputOf("commune", r.code);
    for (const ir of open) {
      total++;
      if (total > room) continue;
      const def = ctx.indicators.get(ir.code);
      const info = perIndicator.get(ir.code);
      const row: OutCell[] = new Array<OutCell>(columns.length);
      row[col.code] = r.code;
      row[col.name] = r.name;
      if (ctx.hasDistricts) row[col.district] = districtName;
      row[col.criterion] = info?.criterion ?? "";
      row[col.indicator] = ir.code;
      row[col.text] = info?.text ?? "";
      let value: OutCell = def
        ? valueCell(lang, ir.value, def.comparator)
        : typeof ir.value === "number"
          ? ir.value
          : null;
      if (ir.outcome === "invalid" && def && source) {
        const raw = source.values[def.dataCode ?? def.code];
        if (raw?.kind === "invalid") value = raw.raw;
      }
      row[col.value] = value;
      row[col.threshold] = thresholdOf(ir.code, ir);
      row[col.gap] = ir.gap;
      row[col.unit] = info?.unit ?? "";
      row[col.outcome] = outcomeText[ir.outcome];
      row[col.confirmed] = ir.thresholdConfirmed ? yes : no;
      row[col.cell] = ir.ref ? refText(ir.ref.sheet, ir.ref.cell) : "";
      d.push(row);
    }
  }
  const last = d.next - 1;
  const issues: Issue[] = [];
  if (total > room) {
    issues.push({
      severity: "warning",
      code: "OUTPUT_ROWS_TRUNCATED",
      sheet: sheetName,
      params: { sheet: sheetName, shown: room, total },
    });
  }
  if (total === 0) d.note(t(lang, "render.indicators.none"));

  d.format(first, col.gap, last, col.gap, FMT_GAP);
  d.textRules(
    first,
    col.outcome,
    last,
    col.outcome,
    labelStyles(OUTCOME_STYLES, (o) => outcomeLabel(lang, o)),
  );
  d.textRules(first, col.confirmed, last, col.confirmed, [[no, "unknown"]]);

  const sheet = d.build({
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1, columns: 2 },
  });
  return { sheet, issues };
}
