/**
 * The report for one department (sở, ngành): the criteria and indicators it leads, how far the
 * localities are from meeting them, and which localities do not meet them.
 *
 * One sheet on a ten-column grid (A4 landscape):
 *   document header (documentLayout.ts)
 *   I.  one line per led criterion: "- Tiêu chí 2 – Giao thông: 12/182 xã chưa đạt; 3 xã chưa có số liệu"
 *       Table 1, its indicators closest to being met first:
 *       STT | Mã chỉ tiêu | Tiêu chí | Tên chỉ tiêu | Số đơn vị đánh giá | Đạt | Chưa đạt | Chưa có số liệu | Tỷ lệ đạt | Cấp
 *   II. Table 2 (its header row repeats on every printed page):
 *       STT | Mã đơn vị | Tên đơn vị | Chỉ tiêu chưa đạt | Hiện trạng | Yêu cầu | Còn thiếu | Đơn vị tính |
 *       Chỉ tiêu khác chưa đạt | Kinh phí kế hoạch
 *       per criterion a merged row "Tiêu chí 2 – Giao thông: 12 xã chưa đạt", then per district a merged
 *       row "Huyện Kỳ Anh: 3 xã", then its localities nearest to meeting the criterion first.
 *       When nothing is unmet, a sentence says so instead of the table.
 *   Nơi nhận (the department first) and the signature block.
 */
import type { Comparator, IndicatorDef, Level } from "../../domain/types";
import { t, type Lang } from "../../i18n";
import { rangeAddress } from "../a1";
import { thresholdText, tierLabel, valueCell } from "../render/labels";
import { FMT_AMOUNT, FMT_GAP, FMT_SHARE } from "../render/sheet";
import type { OutCell, SheetSpec, StyleSpan } from "../sheetSpec";
import {
  DocumentDraft,
  titleText,
  upper,
  type DocumentFrame,
  type DocumentSettings,
  type DocumentTitle,
} from "./documentLayout";
import { numberText } from "./numberText";
import {
  type CriterionInfo,
  type DepartmentInfo,
  type FailingIndicator,
  type IndicatorStats,
  type ReportData,
  type UnmetRow,
} from "./reportData";

/** Characters per column (Excel's unit): 132 in all, A4 landscape at full size. */
export const DEPARTMENT_WIDTHS: readonly number[] = [5, 9, 28, 14, 10, 10, 10, 9, 24, 13];
export const DEPARTMENT_FRAME: DocumentFrame = { widths: DEPARTMENT_WIDTHS, split: 4 };
const COLS = DEPARTMENT_WIDTHS.length;
/** Criterion rows inside Table 2. */
const CRITERION_FILL = "EDEDED";

/** Columns of Table 2. */
const C = {
  stt: 0,
  code: 1,
  name: 2,
  failing: 3,
  value: 4,
  threshold: 5,
  gap: 6,
  unit: 7,
  others: 8,
  money: 9,
} as const;

export interface DepartmentReport {
  sheet: SheetSpec;
  /** The title as printed, on one line. */
  title: string;
  unmetRows: number;
}

/** "xã", "huyện" … / "communes", "districts" … ("commune" for one). */
export function levelUnit(lang: Lang, level: Level, count?: number): string {
  return t(lang, count === 1 ? `reports.unit.${level}.one` : `reports.unit.${level}`);
}

/** "Tiêu chí 2 – Giao thông", "Tiêu chí 2 – Giao thông (NTM nâng cao)". */
export function criterionLabel(lang: Lang, c: CriterionInfo): string {
  const name = lang === "en" && c.nameEn ? c.nameEn : c.nameVi;
  if (c.tier === "ntm") return t(lang, "reports.criterion", { code: c.code, name });
  const tier = tierLabel(lang, c.tier);
  return t(lang, "reports.criterionTier", { code: c.code, name, tier });
}

const nameIn = (lang: Lang, def: { nameVi: string; nameEn: string }) =>
  lang === "en" && def.nameEn ? def.nameEn : def.nameVi;

/** Indicators closest to being met first: highest share met, then fewest unmet, then sheet order. */
export function compareIndicatorStats(a: IndicatorStats, b: IndicatorStats): number {
  const sa = a.share ?? -1;
  const sb = b.share ?? -1;
  return sb - sa || a.notMet - b.notMet;
}

export function departmentTitle(lang: Lang, department: string, year: number): DocumentTitle {
  return {
    kind: t(lang, "reports.kind"),
    parts: [
      t(lang, "reports.department.titleLead"),
      t(lang, "reports.department.titleTail", { department: upper(department), year: String(year) }),
    ],
  };
}

export function buildDepartmentReport(
  data: ReportData,
  dept: DepartmentInfo,
  doc: DocumentSettings,
  sheetName: string,
): DepartmentReport {
  const { lang } = data;
  const d = new DocumentDraft(sheetName, DEPARTMENT_FRAME, doc);
  const title = departmentTitle(lang, dept.name, data.year);
  d.writeHeader(
    title,
    [t(lang, "reports.subtitle", { set: data.setId, year: String(data.year), unit: data.moneyUnit })],
    data.sampleNote,
  );

  // ---- I. Overview ----
  d.heading(t(lang, "reports.department.overview"));
  const unmetRows = dept.criteria.reduce((n, c) => n + c.unmet.length, 0);
  if (dept.criteria.length === 0) {
    // Nothing to judge (e.g. district criteria in a province without districts): no empty tables.
    d.paragraph(t(lang, "reports.department.noCriteria", { year: String(data.year) }), { italic: true });
    d.blank();
    d.writeFooter([dept.name]);
    return { sheet: d.finish(), title: titleText(title), unmetRows };
  }
  dept.criteria.forEach((c, i) => {
    let text = t(lang, "reports.department.countLine", {
      criterion: criterionLabel(lang, c),
      notMet: numberText(lang, c.counts.notMet),
      total: numberText(lang, c.counts.total),
      unit: levelUnit(lang, c.level, c.counts.total),
    });
    if (c.counts.unknown > 0)
      text += t(lang, "reports.department.countUnknown", {
        count: numberText(lang, c.counts.unknown),
        unit: levelUnit(lang, c.level, c.counts.unknown),
      });
    // A Vietnamese list: "…;" and the last "…".
    d.paragraph(text + (lang === "vi" && i < dept.criteria.length - 1 ? ";" : "."));
  });
  d.blank();
  d.line(t(lang, "reports.department.indicatorTable", { department: dept.name }), {
    bold: true,
    italic: true,
    align: "left",
  });
  const indicatorHeader = indicatorTable(d, lang, dept);
  d.blank();

  // ---- II. Localities not meeting each criterion ----
  d.heading(t(lang, "reports.department.unmetSection"));
  let repeat: [number, number] = [indicatorHeader + 1, indicatorHeader + 1];
  if (unmetRows === 0) {
    d.paragraph(t(lang, "reports.department.allMet", { department: dept.name }), { italic: true });
  } else {
    d.paragraph(t(lang, "reports.department.unmetNote", { unit: data.moneyUnit }), { italic: true });
    const header = unmetTable(d, data, dept);
    repeat = [header + 1, header + 1];
  }
  d.blank();
  d.writeFooter([dept.name]);
  return { sheet: d.finish(repeat), title: titleText(title), unmetRows };
}

/** Table 1; returns its header row (0-based). */
function indicatorTable(d: DocumentDraft, lang: Lang, dept: DepartmentInfo): number {
  const header = d.tableHeader([
    t(lang, "reports.col.stt"),
    t(lang, "reports.col.indicatorCode"),
    t(lang, "reports.col.indicatorName"),
    t(lang, "reports.col.criterion"),
    t(lang, "reports.col.evaluated"),
    t(lang, "reports.col.met"),
    t(lang, "reports.col.notMet"),
    t(lang, "reports.col.unknown"),
    t(lang, "reports.col.shareMet"),
    t(lang, "reports.col.level"),
  ]);
  const first = d.next;
  const list = [...dept.indicators].sort(compareIndicatorStats);
  list.forEach((s, i) => {
    d.push([
      i + 1,
      s.def.code,
      nameIn(lang, s.def),
      s.criterion.key,
      s.evaluated,
      s.met,
      s.notMet,
      s.unknown,
      s.share,
      t(lang, `render.level.${s.def.level}`),
    ]);
  });
  const last = d.next - 1;
  if (last >= first) {
    d.style({ range: rangeAddress(first, 0, last, COLS - 1), border: true, verticalAlign: "middle" });
    d.style({ range: rangeAddress(first, 2, last, 2), wrap: true });
    for (const c of [0, 1, 3, 9]) d.style({ range: rangeAddress(first, c, last, c), align: "center" });
    d.format(first, 8, last, 8, FMT_SHARE);
    d.dataBar(first, 8, last);
  }
  return header;
}

/** Table 2; returns its header row (0-based). */
function unmetTable(d: DocumentDraft, data: ReportData, dept: DepartmentInfo): number {
  const { lang } = data;
  const header = d.tableHeader([
    t(lang, "reports.col.stt"),
    t(lang, "reports.col.localityCode"),
    t(lang, "reports.col.localityName"),
    t(lang, "reports.col.failing"),
    t(lang, "reports.col.value"),
    t(lang, "reports.col.threshold"),
    t(lang, "reports.col.gap"),
    t(lang, "reports.col.unit"),
    t(lang, "reports.col.others"),
    t(lang, "reports.col.money", { unit: data.moneyUnit }),
  ]);
  const first = d.next;
  const texts = new IndicatorTexts(data, dept);
  // Criterion, district and note rows: one merged cell each, styled after the columns (later spans win).
  const headings: { row: number; style: Omit<StyleSpan, "range" | "merge"> }[] = [];
  for (const c of dept.criteria) {
    const cr = d.push([
      t(lang, "reports.department.criterionRow", {
        criterion: criterionLabel(lang, c),
        count: numberText(lang, c.unmet.length),
        unit: levelUnit(lang, c.level, c.unmet.length),
      }),
    ]);
    headings.push({ row: cr, style: { bold: true, fill: CRITERION_FILL, align: "left" } });
    if (c.unmet.length === 0) {
      const r = d.push([
        t(lang, "reports.department.criterionAllMet", {
          total: numberText(lang, c.counts.total),
          unit: levelUnit(lang, c.level, c.counts.total),
        }),
      ]);
      headings.push({ row: r, style: { italic: true, align: "left" } });
      continue;
    }
    let stt = 0;
    for (let i = 0; i < c.unmet.length;) {
      // A district group: the rows up to the next district (rows are sorted by district).
      const district = c.unmet[i].district;
      let end = i;
      while (end < c.unmet.length && c.unmet[end].district === district) end++;
      if (data.hasDistricts && c.level === "commune") {
        const name = district
          ? `${district.name} (${district.code})`
          : t(lang, "reports.department.noDistrict");
        const r = d.push([
          t(lang, "reports.department.districtRow", {
            district: name,
            count: numberText(lang, end - i),
            unit: levelUnit(lang, c.level, end - i),
          }),
        ]);
        headings.push({ row: r, style: { bold: true, italic: true, align: "left" } });
      }
      for (; i < end; i++) d.push(unmetCells(texts, data, dept, c.unmet[i], ++stt));
    }
  }
  const last = d.next - 1;
  d.style({ range: rangeAddress(first, 0, last, COLS - 1), border: true, verticalAlign: "middle" });
  for (const c of [C.name, C.failing, C.others])
    d.style({ range: rangeAddress(first, c, last, c), wrap: true });
  for (const c of [C.stt, C.code, C.failing, C.threshold, C.unit])
    d.style({ range: rangeAddress(first, c, last, c), align: "center" });
  for (const h of headings) d.block(h.row, 0, COLS - 1, h.style);
  d.format(first, C.gap, last, C.gap, FMT_GAP);
  d.format(first, C.money, last, C.money, FMT_AMOUNT);
  return header;
}

/** Texts of an indicator in one department's report, made once per indicator rather than once per row. */
class IndicatorTexts {
  private readonly lead = new Map<IndicatorDef, string>();
  private readonly gap = new Map<IndicatorDef, [before: string, after: string]>();
  private readonly plain = new Map<string, string>();

  constructor(
    private readonly data: ReportData,
    private readonly dept: DepartmentInfo,
  ) {}

  /**
   * The code of one of the department's indicators (Table 1 names it); another department's indicator
   * with its name and that department: "14.1 – Tỷ lệ … (Sở Giáo dục và Đào tạo)".
   */
  leadText(def: IndicatorDef): string {
    let text = this.lead.get(def);
    if (text === undefined) {
      const own = this.data.departmentKeyOf(def) === this.dept.key;
      text = own
        ? def.code
        : ledBy(this.data, this.dept, def, `${def.code} – ${nameIn(this.data.lang, def)}`);
      this.lead.set(def, text);
    }
    return text;
  }

  /** "2.2: còn thiếu 5,3 %", "2.4: chưa đạt". */
  otherText(f: FailingIndicator): string {
    const { def, result } = f;
    const { lang } = this.data;
    if (def.comparator !== "pass" && typeof result.gap === "number") {
      let parts = this.gap.get(def);
      if (!parts) {
        const text = t(lang, "reports.other.gap", {
          code: def.code,
          gap: GAP_MARK,
          unit: def.unit,
        }).trimEnd();
        const [before, after] = ledBy(this.data, this.dept, def, text).split(GAP_MARK);
        parts = [before, after ?? ""];
        this.gap.set(def, parts);
      }
      return parts[0] + numberText(lang, result.gap, 2) + parts[1];
    }
    return this.plainText(def, "reports.other.notMet");
  }

  /** "2.3: chưa có số liệu". */
  unknownText(def: IndicatorDef): string {
    return this.plainText(def, "reports.other.unknown");
  }

  private plainText(def: IndicatorDef, key: string): string {
    const k = `${key}\u0000${def.code}`;
    let text = this.plain.get(k);
    if (text === undefined) {
      text = ledBy(this.data, this.dept, def, t(this.data.lang, key, { code: def.code }));
      this.plain.set(k, text);
    }
    return text;
  }
}

/** Stands for the gap while an indicator's "còn thiếu …" text is made once. */
const GAP_MARK = "\u0000";

function unmetCells(
  texts: IndicatorTexts,
  data: ReportData,
  dept: DepartmentInfo,
  row: UnmetRow,
  stt: number,
): OutCell[] {
  const { lang } = data;
  // The department's own indicators first (a criterion may be shared), nearest first within each.
  let ordered = row.failing;
  if (ordered.some((f) => data.departmentKeyOf(f.def) !== dept.key)) {
    const own = ordered.filter((f) => data.departmentKeyOf(f.def) === dept.key);
    ordered = [...own, ...ordered.filter((f) => data.departmentKeyOf(f.def) !== dept.key)];
  }
  const cells: OutCell[] = new Array<OutCell>(COLS).fill(null);
  cells[C.stt] = stt;
  cells[C.code] = row.locality.code;
  cells[C.name] = row.locality.name;
  const lead = ordered[0];
  if (lead) {
    const { def, result } = lead;
    cells[C.failing] = texts.leadText(def);
    cells[C.value] = valueCell(lang, result.value, def.comparator);
    cells[C.threshold] = thresholdLabel(lang, result.threshold, def.comparator);
    cells[C.gap] = def.comparator !== "pass" && typeof result.gap === "number" ? result.gap : null;
    cells[C.unit] = def.unit || null;
  }
  if (ordered.length > 1 || row.undecided.length > 0) {
    const others: string[] = [];
    for (let i = 1; i < ordered.length; i++) others.push(texts.otherText(ordered[i]));
    for (const def of row.undecided) others.push(texts.unknownText(def));
    cells[C.others] = others.join("; ");
  }
  cells[C.money] = row.money;
  return cells;
}

const thresholds = new Map<string, string>();

/** thresholdText, remembered: a national report repeats a handful of thresholds on 100,000 rows. */
function thresholdLabel(lang: Lang, threshold: number | boolean | null, comparator: Comparator): string {
  const key = `${lang}|${comparator}|${String(threshold)}`;
  let text = thresholds.get(key);
  if (text === undefined) {
    if (thresholds.size > 10_000) thresholds.clear();
    text = thresholdText(lang, threshold, comparator);
    thresholds.set(key, text);
  }
  return text;
}

/** `text`, naming the indicator's department when it is another one's. */
function ledBy(data: ReportData, dept: DepartmentInfo, def: IndicatorDef, text: string): string {
  const key = data.departmentKeyOf(def);
  if (key === dept.key || key === "") return text;
  return t(data.lang, "reports.other.ledBy", { text, department: data.departmentName(def) });
}
