/**
 * The province summary for the steering committee, one sheet on a ten-column grid (A4 landscape):
 *
 *   document header (documentLayout.ts)
 *   I.   attainment lines (communes, districts, province), then the targets:
 *        STT | Chỉ tiêu | Phạm vi | Năm | Mục tiêu | Thực hiện | Còn thiếu | Đánh giá
 *   II.  the hardest indicators (bottlenecks, hardest first, at most 10):
 *        STT | Chỉ tiêu | Sở, ngành phụ trách | Tiêu chí | Đánh giá | Đạt | Chưa đạt | Tỷ lệ đạt
 *   III. the province's planned funding mix by root source, credit last, and a total row:
 *        STT | Nguồn vốn | Kế hoạch | Tỷ lệ (gồm tín dụng) | Tỷ lệ (không gồm tín dụng) | Thực hiện | Tỷ lệ giải ngân
 *        plan and actual with and without credit: Khoản mục | Kế hoạch | Thực hiện | Tỷ lệ giải ngân
 *        two pie charts (with and without credit) in rows left empty for them
 *   IV.  lead departments (criteria, indicators, unmet rows) and the indicators no department leads
 *        ("Chưa phân công")
 *   V.   every district: STT | Huyện | Mã | Số xã | Xã đạt chuẩn NTM | Tỷ lệ | Xã NTM nâng cao |
 *        Xã NTM kiểu mẫu | Bình quân tiêu chí/xã | Huyện đạt chuẩn NTM, a province row, and a column
 *        chart of the NTM share per district. Last, so its header row is the one repeated on the
 *        printed pages that follow it.
 *   Nơi nhận and the signature block.
 */
import { CREDIT_ROOT, FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import type {
  FundingResult,
  LocalityResult,
  MetricKey,
  Rollup,
  SourceCode,
  TargetResult,
} from "../../domain/types";
import { SHARE_METRICS } from "../../domain/types";
import { formatNumber, t, type Lang } from "../../i18n";
import { cellAddress, rangeAddress } from "../a1";
import { compareCodes } from "../render/context";
import { rootSources } from "../render/funding";
import {
  labelStyles,
  metricLabel,
  provinceStatusLabel,
  sourceLabel,
  STATUS_STYLES,
  statusLabel,
  TARGET_STYLES,
  targetStatusLabel,
} from "../render/labels";
import { FMT_AMOUNT, FMT_AVERAGE, FMT_GAP, FMT_SHARE } from "../render/sheet";
import type { OutCell, SheetSpec } from "../sheetSpec";
import {
  DocumentDraft,
  provinceUnit,
  titleText,
  type DocumentFrame,
  type DocumentSettings,
  type DocumentTitle,
} from "./documentLayout";
import type { ReportData } from "./reportData";
import type { ChartSpec } from "./types";

/** Characters per column (Excel's unit): 134 in all, A4 landscape at full size. */
export const SUMMARY_WIDTHS: readonly number[] = [6, 34, 16, 10, 10, 10, 10, 10, 10, 18];
export const SUMMARY_FRAME: DocumentFrame = { widths: SUMMARY_WIDTHS, split: 3 };
/** The steering committee reads the hardest few; the JSON results hold them all. */
export const MAX_BOTTLENECKS = 10;
/** Rows left empty under a table for its chart. */
export const CHART_ROWS = 18;

export interface SummaryReport {
  sheet: SheetSpec;
  charts: ChartSpec[];
  title: string;
}

const pct = (lang: Lang, share: number) => `${formatNumber(lang, share * 100, 1)}%`;

export function summaryTitle(lang: Lang, province: string, year: number): DocumentTitle {
  return {
    kind: t(lang, "reports.kind"),
    parts: [
      t(lang, "reports.summary.titleLead"),
      t(lang, "reports.summary.titleTail", { province: provinceUnit(lang, province), year: String(year) }),
    ],
  };
}

/** A source's name from the funding catalogue (Vietnamese or English), else the renderer's label. */
export function sourceName(lang: Lang, code: SourceCode): string {
  const cat = FUNDING_CATEGORIES.find((c) => c.code === code);
  if (cat) return lang === "en" ? cat.nameEn : cat.nameVi;
  return sourceLabel(lang, code);
}

export function buildSummaryReport(
  data: ReportData,
  doc: DocumentSettings,
  sheetName: string,
): SummaryReport {
  const { lang } = data;
  const d = new DocumentDraft(sheetName, SUMMARY_FRAME, doc);
  const title = summaryTitle(lang, data.provinceName, data.year);
  d.writeHeader(
    title,
    [t(lang, "reports.subtitle", { set: data.setId, year: String(data.year), unit: data.moneyUnit })],
    data.sampleNote,
  );
  const charts: ChartSpec[] = [];
  const headers: number[] = [];
  const province = data.outcome.result.rollups.find((r) => r.level === "province");

  targets(d, data, province, headers);
  d.blank();
  bottlenecks(d, data, headers);
  d.blank();
  funding(d, data, headers, charts);
  d.blank();
  departments(d, data, headers);
  d.blank();
  districts(d, data, province, headers, charts);
  d.blank();
  d.writeFooter();

  const last = headers[headers.length - 1];
  const sheet = d.finish(last !== undefined ? [last + 1, last + 1] : undefined);
  return { sheet, charts, title: titleText(title) };
}

function metricFormat(metric: MetricKey): string {
  if (SHARE_METRICS.has(metric)) return FMT_SHARE;
  return metric === "averageCriteria" ? FMT_AVERAGE : "0";
}

function tableBody(
  d: DocumentDraft,
  first: number,
  lastCol: number,
  wrapCols: readonly number[] = [1],
): number {
  const last = d.next - 1;
  if (last < first) return last;
  d.style({ range: rangeAddress(first, 0, last, lastCol), border: true, verticalAlign: "middle" });
  d.style({ range: rangeAddress(first, 0, last, 0), align: "center" });
  for (const c of wrapCols) d.style({ range: rangeAddress(first, c, last, c), wrap: true });
  return last;
}

function targets(d: DocumentDraft, data: ReportData, province: Rollup | undefined, headers: number[]): void {
  const { lang } = data;
  d.heading(t(lang, "reports.summary.targets"));
  if (province) {
    d.paragraph(
      t(lang, "reports.summary.communesLine", {
        ntm: province.ntm,
        communes: province.communes,
        share: pct(lang, province.ntmShare),
        advanced: province.advanced,
        advancedShare: pct(lang, province.advancedShare),
        model: province.model,
        modelShare: pct(lang, province.modelShare),
      }),
    );
    if (province.districts > 0)
      d.paragraph(
        t(lang, "reports.summary.districtsLine", {
          ntm: province.districtsNtm,
          districts: province.districts,
        }),
      );
    d.paragraph(
      t(lang, "reports.summary.provinceLine", { status: provinceStatusLabel(lang, province.status) }),
    );
  }
  const list: TargetResult[] = data.outcome.result.targets;
  if (list.length === 0) {
    d.paragraph(t(lang, "reports.summary.noTargets"), { italic: true });
    return;
  }
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.metric"),
      t(lang, "reports.col.scope"),
      t(lang, "reports.col.year"),
      t(lang, "reports.col.target"),
      t(lang, "reports.col.actual"),
      t(lang, "reports.col.targetGap"),
      t(lang, "reports.col.targetStatus"),
    ]),
  );
  const first = d.next;
  let names: Map<string, string> | undefined;
  const nameOf = (code: string): string => {
    if (!names) {
      names = new Map();
      for (const l of data.outcome.result.localities) if (!names.has(l.code)) names.set(l.code, l.name);
    }
    return names.get(code) || code;
  };
  list.forEach((tr, i) => {
    const scope = tr.scope === undefined ? data.provinceName : nameOf(tr.scope);
    const label = metricLabel(lang, tr.metric) + (tr.comparator === "<=" ? " (≤)" : "");
    const r = d.push([
      i + 1,
      label,
      scope,
      tr.year,
      tr.value,
      tr.actual,
      tr.status !== "achieved" && tr.gap !== null && tr.gap > 0 ? tr.gap : null,
      targetStatusLabel(lang, tr.status),
    ]);
    const fmt = metricFormat(tr.metric);
    d.format(r, 4, r, 5, fmt);
    d.format(r, 6, r, 6, fmt === "0" ? FMT_GAP : fmt);
  });
  const last = tableBody(d, first, 7, [1, 2, 7]);
  d.style({ range: rangeAddress(first, 3, last, 3), align: "center" });
  d.textRules(
    first,
    7,
    last,
    7,
    labelStyles(TARGET_STYLES, (s) => targetStatusLabel(lang, s)),
  );
}

function bottlenecks(d: DocumentDraft, data: ReportData, headers: number[]): void {
  const { lang } = data;
  d.heading(t(lang, "reports.summary.bottlenecks", { count: MAX_BOTTLENECKS }));
  const list = [...data.outcome.result.bottlenecks]
    .sort((a, b) => a.share - b.share || b.evaluated - a.evaluated || compareCodes(a.code, b.code))
    .slice(0, MAX_BOTTLENECKS);
  if (list.length === 0) {
    d.paragraph(t(lang, "reports.summary.noBottlenecks"), { italic: true });
    return;
  }
  const defs = new Map<string, (typeof data.criteria)[number]["indicators"][number]>();
  for (const c of data.criteria)
    for (const def of c.indicators) if (!defs.has(def.code)) defs.set(def.code, def);
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.metric"),
      t(lang, "reports.col.department"),
      t(lang, "reports.col.criterion"),
      t(lang, "reports.col.communesEvaluated"),
      t(lang, "reports.col.communesMet"),
      t(lang, "reports.col.communesNotMet"),
      t(lang, "reports.col.shareMet"),
    ]),
  );
  const first = d.next;
  list.forEach((b, i) => {
    const def = defs.get(b.code);
    const dept = def ? data.departmentName(def) : "";
    d.push([
      i + 1,
      `${b.code} – ${lang === "en" && b.nameEn ? b.nameEn : b.nameVi}`,
      dept || t(lang, "reports.summary.unassignedLabel"),
      b.criterion,
      b.evaluated,
      b.met,
      b.evaluated - b.met,
      b.share,
    ]);
  });
  const last = tableBody(d, first, 7, [1, 2]);
  d.style({ range: rangeAddress(first, 3, last, 3), align: "center" });
  d.format(first, 7, last, 7, FMT_SHARE);
  d.dataBar(first, 7, last);
}

function funding(d: DocumentDraft, data: ReportData, headers: number[], charts: ChartSpec[]): void {
  const { lang, moneyUnit: unit } = data;
  const { result, read } = data.outcome;
  d.heading(t(lang, "reports.summary.funding"));
  const f: FundingResult | undefined = result.funding.find((x) => x.level === "province");
  if (!f || (f.total === 0 && f.actual.total === 0)) {
    d.paragraph(t(lang, "reports.summary.noFunding"), { italic: true });
    return;
  }
  const stock = new Set(read.input.sources.filter((s) => s.stock).map((s) => s.code));
  if (read.input.sources.length === 0) stock.add(CREDIT_ROOT);
  // Credit last, so the mix without it is the rows above.
  const roots = rootSources(read.input.sources, result.funding);
  const ordered = [...roots.filter((c) => !stock.has(c)), ...roots.filter((c) => stock.has(c))];
  const creditPlan = ordered.filter((c) => stock.has(c)).reduce((s, c) => s + (f.bySource[c] ?? 0), 0);
  const creditActual = ordered
    .filter((c) => stock.has(c))
    .reduce((s, c) => s + (f.actual.bySource[c] ?? 0), 0);
  const planNoCredit = f.total - creditPlan;
  const actualNoCredit = f.actual.total - creditActual;
  const rate = (actual: number, plan: number): number | null => (plan > 0 ? actual / plan : null);

  d.line(t(lang, "reports.summary.fundingMix", { unit }), { bold: true, italic: true, align: "left" });
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.source"),
      t(lang, "reports.col.plan", { unit }),
      t(lang, "reports.col.shareWithCredit"),
      t(lang, "reports.col.shareWithoutCredit"),
      t(lang, "reports.col.actualAmount", { unit }),
      t(lang, "reports.col.disbursement"),
    ]),
  );
  const first = d.next;
  let lastFlow = first - 1;
  ordered.forEach((code, i) => {
    const plan = f.bySource[code] ?? 0;
    const actual = f.actual.bySource[code] ?? 0;
    const credit = stock.has(code);
    const r = d.push([
      i + 1,
      sourceName(lang, code),
      plan,
      f.total > 0 ? plan / f.total : null,
      credit ? null : planNoCredit > 0 ? plan / planNoCredit : null,
      actual,
      rate(actual, plan),
    ]);
    if (!credit) lastFlow = r;
  });
  const lastSource = d.next - 1;
  const total = d.push([
    null,
    t(lang, "reports.summary.total"),
    f.total,
    f.total > 0 ? 1 : null,
    planNoCredit > 0 ? 1 : null,
    f.actual.total,
    rate(f.actual.total, f.total),
  ]);
  d.style({ range: rangeAddress(total, 0, total, 6), bold: true });
  tableBody(d, first, 6);
  d.format(first, 2, total, 2, FMT_AMOUNT);
  d.format(first, 5, total, 5, FMT_AMOUNT);
  d.format(first, 3, total, 4, FMT_SHARE);
  d.format(first, 6, total, 6, FMT_SHARE);
  d.blank();

  d.line(t(lang, "reports.summary.planActual", { unit }), { bold: true, italic: true, align: "left" });
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.item"),
      t(lang, "reports.col.plan", { unit }),
      t(lang, "reports.col.actualAmount", { unit }),
      t(lang, "reports.col.disbursement"),
    ]),
  );
  const pa = d.next;
  d.push([1, t(lang, "reports.summary.allSources"), f.total, f.actual.total, f.disbursementRate]);
  d.push([
    2,
    t(lang, "reports.summary.withoutCredit"),
    planNoCredit,
    actualNoCredit,
    rate(actualNoCredit, planNoCredit),
  ]);
  tableBody(d, pa, 4);
  d.format(pa, 2, pa + 1, 3, FMT_AMOUNT);
  d.format(pa, 4, pa + 1, 4, FMT_SHARE);

  // Two pies in rows kept empty for them: with credit (every source), without (the rows above credit).
  if (f.total > 0 && lastSource >= first) {
    d.blank();
    const top = d.next;
    for (let i = 0; i < CHART_ROWS; i++) d.blank();
    charts.push({
      sheet: d.name,
      kind: "pie",
      title: t(lang, "reports.chart.fundingWithCredit"),
      categories: rangeAddress(first, 1, lastSource, 1),
      series: [
        { name: t(lang, "reports.col.shareWithCredit"), values: rangeAddress(first, 3, lastSource, 3) },
      ],
      from: cellAddress(top, 0),
      to: cellAddress(top + CHART_ROWS - 1, 2),
    });
    if (planNoCredit > 0 && lastFlow >= first) {
      charts.push({
        sheet: d.name,
        kind: "pie",
        title: t(lang, "reports.chart.fundingWithoutCredit"),
        categories: rangeAddress(first, 1, lastFlow, 1),
        series: [
          { name: t(lang, "reports.col.shareWithoutCredit"), values: rangeAddress(first, 4, lastFlow, 4) },
        ],
        from: cellAddress(top, 3),
        to: cellAddress(top + CHART_ROWS - 1, SUMMARY_WIDTHS.length - 1),
      });
    }
  }
}

function departments(d: DocumentDraft, data: ReportData, headers: number[]): void {
  const { lang } = data;
  d.heading(t(lang, "reports.summary.departments"));
  if (data.departments.length === 0) d.paragraph(t(lang, "reports.summary.noDepartments"), { italic: true });
  else {
    headers.push(
      d.tableHeader([
        t(lang, "reports.col.stt"),
        t(lang, "reports.col.department"),
        t(lang, "reports.col.criteriaList"),
        t(lang, "reports.col.criteriaCount"),
        t(lang, "reports.col.indicatorCount"),
        t(lang, "reports.col.unmetRows"),
      ]),
    );
    const first = d.next;
    data.departments.forEach((dept, i) => {
      d.push([
        i + 1,
        dept.name,
        dept.criteria.map((c) => c.key).join(", "),
        dept.criteria.length,
        dept.indicators.length,
        dept.criteria.reduce((n, c) => n + c.unmet.length, 0),
      ]);
    });
    tableBody(d, first, 5, [1, 2]);
  }
  if (data.unassigned.length === 0) return;
  d.blank();
  d.line(t(lang, "reports.summary.unassigned"), { bold: true, italic: true, align: "left" });
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.indicatorName"),
      t(lang, "reports.col.department"),
      t(lang, "reports.col.criterion"),
      t(lang, "reports.col.level"),
    ]),
  );
  const first = d.next;
  data.unassigned.forEach((def, i) => {
    d.push([
      i + 1,
      `${def.code} – ${lang === "en" && def.nameEn ? def.nameEn : def.nameVi}`,
      t(lang, "reports.summary.unassignedLabel"),
      def.criterion,
      t(lang, `render.level.${def.level}`),
    ]);
  });
  const last = tableBody(d, first, 4, [1]);
  d.style({ range: rangeAddress(first, 3, last, 4), align: "center" });
}

function districts(
  d: DocumentDraft,
  data: ReportData,
  province: Rollup | undefined,
  headers: number[],
  charts: ChartSpec[],
): void {
  const { lang } = data;
  const { result } = data.outcome;
  d.heading(t(lang, "reports.summary.districts"));
  const rollups = new Map<string, Rollup>();
  for (const r of result.rollups) if (r.level === "district" && !rollups.has(r.code)) rollups.set(r.code, r);
  const list: { code: string; name: string; roll?: Rollup; result?: LocalityResult }[] = [];
  for (const [code, r] of data.districts)
    list.push({ code, name: r.name, roll: rollups.get(code), result: r });
  for (const [code, roll] of rollups)
    if (!data.districts.has(code)) list.push({ code, name: roll.name, roll });
  list.sort((a, b) => compareCodes(a.code, b.code));
  if (list.length === 0) {
    d.paragraph(t(lang, "reports.summary.noDistricts"), { italic: true });
    return;
  }
  headers.push(
    d.tableHeader([
      t(lang, "reports.col.stt"),
      t(lang, "reports.col.district"),
      t(lang, "reports.col.districtCode"),
      t(lang, "reports.col.communes"),
      t(lang, "reports.col.ntm"),
      t(lang, "reports.col.ntmShare"),
      t(lang, "reports.col.advanced"),
      t(lang, "reports.col.model"),
      t(lang, "reports.col.averageCriteria"),
      t(lang, "reports.col.districtStatus"),
    ]),
  );
  const first = d.next;
  list.forEach((x, i) => {
    const roll = x.roll;
    const status = roll?.status ?? x.result?.status;
    const row: OutCell[] = [
      i + 1,
      x.name,
      x.code,
      roll?.communes ?? null,
      roll?.ntm ?? null,
      // Every district gets a number, so the chart's series has no holes (0 without communes).
      roll && roll.communes > 0 ? roll.ntmShare : 0,
      roll?.advanced ?? null,
      roll?.model ?? null,
      roll && roll.communes > 0 ? roll.averageCriteria : null,
      status ? statusLabel(lang, status) : "",
    ];
    d.push(row);
  });
  const lastDistrict = d.next - 1;
  if (province) {
    const r = d.push([
      null,
      t(lang, "reports.summary.provinceRow"),
      null,
      province.communes,
      province.ntm,
      province.ntmShare,
      province.advanced,
      province.model,
      province.averageCriteria,
      provinceStatusLabel(lang, province.status),
    ]);
    d.style({ range: rangeAddress(r, 0, r, 9), bold: true });
  }
  const last = tableBody(d, first, 9, [1, 9]);
  d.style({ range: rangeAddress(first, 2, last, 2), align: "center" });
  d.format(first, 5, last, 5, FMT_SHARE);
  d.format(first, 8, last, 8, FMT_AVERAGE);
  d.dataBar(first, 5, lastDistrict);
  d.textRules(
    first,
    9,
    lastDistrict,
    9,
    labelStyles(STATUS_STYLES, (s) => statusLabel(lang, s)),
  );

  d.blank();
  const top = d.next;
  for (let i = 0; i < CHART_ROWS; i++) d.blank();
  charts.push({
    sheet: d.name,
    kind: "column",
    title: t(lang, "reports.chart.districts"),
    categories: rangeAddress(first, 1, lastDistrict, 1),
    series: [{ name: t(lang, "reports.col.ntmShare"), values: rangeAddress(first, 5, lastDistrict, 5) }],
    from: cellAddress(top, 0),
    to: cellAddress(top + CHART_ROWS - 1, SUMMARY_WIDTHS.length - 1),
  });
}
