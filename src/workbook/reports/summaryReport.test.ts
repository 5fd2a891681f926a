/**
 * The province summary, on the Hà Tĩnh 2022 sample and on a hand-made province for the edge cases.
 * Expectations come from the recalculation's results.
 */
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import { parseRangeAddress } from "../a1";
import type { FundingResult } from "../../domain/types";
import type { RecalcOutcome } from "../recalc";
import { metricLabel, targetStatusLabel } from "../render/labels";
import { buildReports } from "./buildReports";
import { MAX_BOTTLENECKS, SUMMARY_WIDTHS } from "./summaryReport";
import type { ChartSpec, ReportDoc } from "./types";
import { handMadeOutcome } from "./__fixtures__/handMadeOutcome";
import { sampleOutcome } from "./__fixtures__/sampleOutcome";
import { cell, findRow, formatAt, rangeCells, styleAt, tableRows } from "./__fixtures__/specReader";
import type { SheetSpec } from "../sheetSpec";

const DATE = { day: 27, month: 11, year: 2026 };

let outcome: RecalcOutcome;
let docs: ReportDoc[];
let summary: ReportDoc;
let spec: SheetSpec;
let funding: FundingResult;

beforeAll(async () => {
  outcome = await sampleOutcome("vi");
  docs = buildReports(outcome, { lang: "vi", date: DATE });
  summary = docs.find((d) => d.kind === "summary")!;
  spec = summary.sheets[0];
  funding = outcome.result.funding.find((f) => f.level === "province")!;
});

/** The rows of the table whose header's cell `c` says `text`. */
function table(s: SheetSpec, text: string, c = 1): number[] {
  const header = findRow(s, text, c);
  expect([text, header >= 0]).toEqual([text, true]);
  return tableRows(s, header);
}

function checkChart(s: SheetSpec, chart: ChartSpec): void {
  expect(chart.sheet).toBe(s.name);
  const categories = rangeCells(s, chart.categories);
  expect(categories.length).toBeGreaterThan(1);
  for (const v of categories) expect(typeof v === "string" && v.trim() !== "").toBe(true);
  expect(chart.series.length).toBeGreaterThan(0);
  for (const series of chart.series) {
    const values = rangeCells(s, series.values);
    expect(values).toHaveLength(categories.length);
    for (const v of values) expect(typeof v === "number" && Number.isFinite(v)).toBe(true);
  }
  // The chart sits in rows left empty for it, inside the sheet.
  const from = parseRangeAddress(`${chart.from}:${chart.from}`)!.start;
  const to = parseRangeAddress(`${chart.to}:${chart.to}`)!.start;
  expect(to.row).toBeGreaterThan(from.row);
  expect(to.col).toBeLessThan(SUMMARY_WIDTHS.length);
  expect(to.row).toBeLessThan(s.rows.length);
  for (let r = from.row; r <= to.row; r++)
    expect([r, (s.rows[r] ?? []).every((v) => v === null)]).toEqual([r, true]);
}

describe("province summary on the Hà Tĩnh sample", () => {
  it("has the document frame and the summary title", () => {
    expect(summary.fileName).toBe("BaoCao_TongHop_2022.xlsx");
    expect(summary.title).toBe("BÁO CÁO TỔNG HỢP KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI TỈNH HÀ TĨNH NĂM 2022");
    expect(cell(spec, 0, 3)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(spec.rows.flat()).toContain("Hà Tĩnh, ngày 27 tháng 11 năm 2026");
    expect(findRow(spec, "Nơi nhận:")).toBeGreaterThan(0);
    expect(spec.protect).toBe(true);
    expect(spec.showGridLines).toBe(false);
    expect(spec.font).toEqual({ name: "Times New Roman", size: 12 });
    expect(spec.columnWidths).toEqual(SUMMARY_WIDTHS);
  });

  it("states attainment against every target", () => {
    const rows = table(spec, "Phạm vi", 2);
    const targets = outcome.result.targets;
    expect(targets.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(targets.length);
    targets.forEach((tr, i) => {
      const r = rows[i];
      expect(cell(spec, r, 1)).toBe(metricLabel("vi", tr.metric));
      expect([cell(spec, r, 3), cell(spec, r, 4), cell(spec, r, 5)]).toEqual([tr.year, tr.value, tr.actual]);
      expect(cell(spec, r, 7)).toBe(targetStatusLabel("vi", tr.status));
      expect(cell(spec, r, 6)).toBe(
        tr.status !== "achieved" && tr.gap !== null && tr.gap > 0 ? tr.gap : null,
      );
    });
    expect(formatAt(spec, rows[0], 4)).toBe("0.0%");
    const p = outcome.result.rollups.find((r) => r.level === "province")!;
    expect(spec.rows.flat()).toContain(
      `- Xã đạt chuẩn NTM: ${p.ntm}/${p.communes} xã (${(p.ntmShare * 100).toFixed(1).replace(".", ",")}%); ` +
        `NTM nâng cao: ${p.advanced} xã (${(p.advancedShare * 100).toFixed(1).replace(".", ",")}%); ` +
        `NTM kiểu mẫu: ${p.model} xã (${(p.modelShare * 100).toFixed(1).replace(".", ",")}%).`,
    );
  });

  it("lists the hardest indicators first, at most ten, with their lead department", () => {
    const rows = table(spec, "Số xã đánh giá", 4);
    const sorted = [...outcome.result.bottlenecks].sort(
      (a, b) => a.share - b.share || b.evaluated - a.evaluated,
    );
    expect(rows).toHaveLength(Math.min(MAX_BOTTLENECKS, sorted.length));
    const shares = rows.map((r) => cell(spec, r, 7) as number);
    expect(shares).toEqual(sorted.slice(0, rows.length).map((b) => b.share));
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
    const first = sorted[0];
    expect(String(cell(spec, rows[0], 1)).startsWith(`${first.code} – `)).toBe(true);
    const def = outcome.read.input.indicators.find((d) => d.code === first.code)!;
    expect(cell(spec, rows[0], 2)).toBe(def.department ?? "Chưa phân công");
    expect([cell(spec, rows[0], 4), cell(spec, rows[0], 5), cell(spec, rows[0], 6)]).toEqual([
      first.evaluated,
      first.met,
      first.evaluated - first.met,
    ]);
  });

  it("shows the funding mix with and without credit, by source with the catalogue's names", () => {
    const rows = table(spec, "Tỷ lệ (gồm tín dụng)", 3);
    const total = rows[rows.length - 1];
    const sources = rows.slice(0, -1);
    expect(cell(spec, total, 1)).toBe("Tổng cộng");
    expect(cell(spec, total, 2)).toBe(funding.total);
    expect(styleAt(spec, total, 1).bold).toBe(true);
    const roots = FUNDING_CATEGORIES.filter((c) => c.parent === undefined);
    expect(sources).toHaveLength(roots.length);
    let sum = 0;
    for (const r of sources) {
      const cat = roots.find((c) => c.nameVi === cell(spec, r, 1));
      expect(cat).toBeDefined();
      const plan = funding.bySource[cat!.code] ?? 0;
      expect(cell(spec, r, 2)).toBe(plan);
      expect(cell(spec, r, 3) as number).toBeCloseTo(plan / funding.total, 12);
      // The engine's own mix without credit: credit has no share in it.
      const noCredit = funding.sharesExcludingCredit[cat!.code];
      if (noCredit === undefined) expect(cell(spec, r, 4)).toBeNull();
      else expect(cell(spec, r, 4) as number).toBeCloseTo(noCredit, 12);
      expect(cell(spec, r, 5)).toBe(funding.actual.bySource[cat!.code] ?? 0);
      sum += cell(spec, r, 3) as number;
    }
    expect(sum).toBeCloseTo(1, 12);
    expect(sources.some((r) => cell(spec, r, 4) === null)).toBe(true); // credit
    expect(formatAt(spec, sources[0], 2)).toBe("#,##0");
    expect(formatAt(spec, sources[0], 3)).toBe("0.0%");
  });

  it("compares plan and actual, with the disbursement rate", () => {
    const rows = table(spec, "Khoản mục");
    expect([cell(spec, rows[0], 2), cell(spec, rows[0], 3), cell(spec, rows[0], 4)]).toEqual([
      funding.total,
      funding.actual.total,
      funding.disbursementRate,
    ]);
    const credit = FUNDING_CATEGORIES.filter((c) => c.parent === undefined && c.stock).map((c) => c.code);
    const creditPlan = credit.reduce((s, c) => s + (funding.bySource[c] ?? 0), 0);
    expect(cell(spec, rows[1], 2) as number).toBeCloseTo(funding.total - creditPlan, 6);
  });

  it("shows the status of every district, and the province", () => {
    const rows = table(spec, "Mã", 2);
    const districts = outcome.result.rollups.filter((r) => r.level === "district");
    expect(districts.length).toBe(13);
    expect(rows).toHaveLength(districts.length + 1);
    for (const d of districts) {
      const r = rows.find((x) => cell(spec, x, 2) === d.code);
      expect(r).toBeDefined();
      expect([
        cell(spec, r!, 1),
        cell(spec, r!, 3),
        cell(spec, r!, 4),
        cell(spec, r!, 5),
        cell(spec, r!, 6),
        cell(spec, r!, 7),
      ]).toEqual([d.name, d.communes, d.ntm, d.ntmShare, d.advanced, d.model]);
    }
    const province = rows[rows.length - 1];
    expect(cell(spec, province, 1)).toBe("Toàn tỉnh");
    expect(cell(spec, province, 3)).toBe(182);
    // Printed pages after the first repeat this table's header.
    const header = findRow(spec, "Mã", 2);
    expect(spec.page?.repeatRows).toEqual([header + 1, header + 1]);
  });

  it("lists the lead departments and the indicators no department leads as 'chưa phân công'", () => {
    const rows = table(spec, "Tiêu chí phụ trách", 2);
    const deptDocs = docs.filter((d) => d.kind === "department");
    expect(rows.map((r) => cell(spec, r, 1))).toEqual(deptDocs.map((d) => d.department));
    expect(rows.map((r) => cell(spec, r, 5))).toEqual(deptDocs.map((d) => d.stats.unmetRows));
    const unassigned = table(spec, "Cấp", 4);
    const year = outcome.result.options.year;
    const expected = [
      ...new Set(
        outcome.read.input.indicators
          .filter((d) => (d.year === undefined || d.year === year) && !d.department?.trim())
          .map((d) => d.code),
      ),
    ];
    expect(unassigned.map((r) => String(cell(spec, r, 1)).split(" – ")[0])).toEqual(expected);
    for (const r of unassigned) expect(cell(spec, r, 2)).toBe("Chưa phân công");
  });

  it("has charts of the funding mix and of attainment by district over the cells it writes", () => {
    expect(summary.charts.map((c) => c.kind)).toEqual(["pie", "pie", "column"]);
    for (const chart of summary.charts) checkChart(spec, chart);
    const [withCredit, withoutCredit, byDistrict] = summary.charts;
    const sum = (c: ChartSpec) =>
      (rangeCells(spec, c.series[0].values) as number[]).reduce((a, b) => a + b, 0);
    expect(sum(withCredit)).toBeCloseTo(1, 9);
    expect(sum(withoutCredit)).toBeCloseTo(1, 9);
    expect(rangeCells(spec, withoutCredit.categories)).not.toContain("Vốn tín dụng");
    expect(rangeCells(spec, withCredit.categories)).toContain("Vốn tín dụng");
    const districts = outcome.result.rollups.filter((r) => r.level === "district");
    expect([...rangeCells(spec, byDistrict.categories)].sort()).toEqual(districts.map((d) => d.name).sort());
    expect(rangeCells(spec, byDistrict.series[0].values)).toEqual(
      (rangeCells(spec, byDistrict.categories) as string[]).map(
        (n) => districts.find((d) => d.name === n)!.ntmShare,
      ),
    );
    expect(summary.stats.unmetRows).toBe(0);
  });
});

describe("province summary edge cases", () => {
  it("says so when there are no districts or no funding, and draws no chart over nothing", () => {
    const docs2 = buildReports(handMadeOutcome({ districts: false, budget: false }), {
      lang: "vi",
      date: DATE,
    });
    const s = docs2.find((d) => d.kind === "summary")!;
    const sheet = s.sheets[0];
    expect(sheet.rows.flat()).toContain("Tỉnh không có đơn vị cấp huyện.");
    expect(sheet.rows.flat()).toContain("Chưa có số liệu nguồn vốn.");
    expect(s.charts).toEqual([]);
    // The last table written is the one repeated: the unassigned indicators here.
    const header = findRow(sheet, "Cấp", 4);
    expect(sheet.page?.repeatRows).toEqual([header + 1, header + 1]);
  });

  it("charts a hand-made province's mix and districts", () => {
    const docs2 = buildReports(handMadeOutcome(), { lang: "en", date: DATE });
    const s = docs2.find((d) => d.kind === "summary")!;
    expect(s.fileName).toBe("Report_Summary_2022.xlsx");
    expect(s.title).toBe("REPORT SUMMARY OF NEW RURAL DEVELOPMENT RESULTS IN THỬ PROVINCE, 2022");
    for (const chart of s.charts) checkChart(s.sheets[0], chart);
    expect(s.charts.map((c) => c.kind)).toEqual(["pie", "pie", "column"]);
    expect(rangeCells(s.sheets[0], s.charts[2].categories)).toEqual(["Huyện Một", "Huyện Hai"]);
  });

  it("can be left out, and builds alone when no department is asked for", () => {
    const outcome2 = handMadeOutcome();
    expect(
      buildReports(outcome2, { lang: "vi", date: DATE, summary: false }).some((d) => d.kind === "summary"),
    ).toBe(false);
    const only = buildReports(outcome2, { lang: "vi", date: DATE, departments: [] });
    expect(only.map((d) => d.kind)).toEqual(["summary"]);
  });
});
