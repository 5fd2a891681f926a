/**
 * Native Excel charts for a report's ChartSpecs (src/workbook/reports/types.ts), on report sheets the
 * office.js port has written into the open workbook (the fallback when Excel cannot open new
 * workbooks).
 *
 * Every spec is checked before anything changes (bounded one-column ranges of the same length, one
 * cell for each corner), then one Excel.run: one sync reads which sheets are protected, one adds every
 * chart. Each chart is `worksheet.charts.add(type, values, seriesBy)` over its first series, then the
 * series are set explicitly (name, values, categories; more series with `series.add`), the title, and
 * the placement with `setPosition(from, to)`. Series are set explicitly rather than left to Excel's
 * guess, which takes numeric category labels (years, commune codes) for a series.
 *
 * A protected report sheet (the port protects them last) takes no charts: it is unprotected, given its
 * charts and protected again as the port does, in the same sync. Setting series needs ExcelApi 1.7;
 * below it no chart is added and the count says so.
 */
import { parseRangeAddress } from "../workbook/a1";
import type { ChartSpec } from "../workbook/reports/types";
import type { ExcelQueue } from "./queue";
import { excelApi } from "./requirements";
import { protectSheet } from "./sheetCommands";

/** The Excel chart type of each ChartSpec kind. */
export const CHART_TYPES = {
  pie: "Pie",
  bar: "BarClustered",
  column: "ColumnClustered",
} as const satisfies Record<ChartSpec["kind"], Excel.ChartType | `${Excel.ChartType}`>;

/** Excel's limit for a chart title. */
const TITLE_LIMIT = 255;

/** Rows × columns of a bounded A1 range; throws on anything else. */
function shape(range: string, where: string): { rows: number; columns: number } {
  const pos = parseRangeAddress(range);
  if (!pos) throw new Error(`${where}: not a bounded A1 range: "${range}"`);
  return { rows: pos.end.row - pos.start.row + 1, columns: pos.end.col - pos.start.col + 1 };
}

/** Cells in a one-row or one-column range; throws for a block. */
function lineLength(range: string, where: string): number {
  const { rows, columns } = shape(range, where);
  if (rows > 1 && columns > 1) throw new Error(`${where}: "${range}" must be one column or one row`);
  return rows * columns;
}

/** Everything about a chart that Excel would refuse halfway, checked before the first change. */
export function checkChart(spec: ChartSpec): void {
  const where = `Chart "${spec.title}" on "${spec.sheet}"`;
  if (!(spec.kind in CHART_TYPES)) throw new Error(`${where}: unknown kind "${String(spec.kind)}"`);
  if (spec.series.length === 0) throw new Error(`${where}: no series`);
  const n = lineLength(spec.categories, `${where}, categories`);
  for (const s of spec.series) {
    const m = lineLength(s.values, `${where}, series "${s.name}"`);
    if (m !== n) throw new Error(`${where}: series "${s.name}" has ${m} values for ${n} categories`);
  }
  for (const corner of [spec.from, spec.to]) {
    const { rows, columns } = shape(corner, `${where}, position`);
    if (rows !== 1 || columns !== 1) throw new Error(`${where}: position "${corner}" must be one cell`);
  }
}

/** "Rows" when the range is one row of several cells, else "Columns" (one series per column). */
function seriesBy(range: string): "Rows" | "Columns" {
  const { rows, columns } = shape(range, "Series");
  return rows === 1 && columns > 1 ? "Rows" : "Columns";
}

/**
 * Adds `charts` to their sheets in the open workbook, through `queue` (one Excel.run). Resolves to the
 * number of charts added: all of them, or 0 where Excel lacks ExcelApi 1.7.
 */
export async function addCharts(queue: ExcelQueue, charts: readonly ChartSpec[]): Promise<number> {
  if (charts.length === 0) return 0;
  charts.forEach(checkChart);
  if (!excelApi("1.7")) return 0;
  const sheets = [...new Set(charts.map((c) => c.sheet))];
  return queue.run("write", async (context, control) => {
    const worksheets = context.workbook.worksheets;
    const protections = sheets.map((name) => {
      const protection = worksheets.getItem(name).protection;
      protection.load("protected");
      return { name, protection };
    });
    await context.sync();

    control.markChanging();
    for (const { name, protection } of protections) {
      const ws = worksheets.getItem(name);
      if (protection.protected) ws.protection.unprotect();
      for (const spec of charts.filter((c) => c.sheet === name)) {
        const [first, ...more] = spec.series;
        const chart = ws.charts.add(
          CHART_TYPES[spec.kind],
          ws.getRange(first.values),
          seriesBy(first.values),
        );
        chart.title.text = spec.title.slice(0, TITLE_LIMIT);
        const categories = ws.getRange(spec.categories);
        const s0 = chart.series.getItemAt(0);
        s0.name = first.name;
        s0.setXAxisValues(categories);
        for (const s of more) {
          const series = chart.series.add(s.name);
          series.setValues(ws.getRange(s.values));
          series.setXAxisValues(categories);
        }
        chart.setPosition(spec.from, spec.to);
      }
      if (protection.protected) protectSheet(ws, true);
    }
    await context.sync();
    return charts.length;
  });
}
