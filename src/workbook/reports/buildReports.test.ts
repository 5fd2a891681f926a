/**
 * Department reports on the Hà Tĩnh 2022 sample (182 communes, 13 districts), built as the demo
 * builds it. Every expectation is derived from the recalculation's own results, not from constants.
 */
import { applicableIndicators, criterionKey } from "../../domain/levelPlan";
import { foldText } from "../../domain/text";
import type { IndicatorDef, Level, LocalityResult, Tier } from "../../domain/types";
import type { RecalcOutcome } from "../recalc";
import { tierLabel } from "../render/labels";
import { buildReports } from "./buildReports";
import { DEPARTMENT_WIDTHS } from "./departmentReport";
import { REPORT_MARGINS, settingLines } from "./documentLayout";
import type { ReportDoc } from "./types";
import { sampleOutcome } from "./__fixtures__/sampleOutcome";
import { cell, findRow, rowTexts, styleAt, tableRows, unmetSections } from "./__fixtures__/specReader";

const DATE = { day: 27, month: 11, year: 2026 };

let outcome: RecalcOutcome;
let docs: ReportDoc[];
let defs: IndicatorDef[];

beforeAll(async () => {
  outcome = await sampleOutcome("vi");
  docs = buildReports(outcome, { lang: "vi", date: DATE });
  const seen = new Set<string>();
  defs = applicableIndicators(outcome.read.input.indicators, outcome.result.options.year).filter((d) => {
    if (seen.has(d.code)) return false;
    seen.add(d.code);
    return true;
  });
});

const departments = () => {
  const names = new Map<string, string>();
  for (const d of defs)
    if (d.department?.trim() && !names.has(foldText(d.department)))
      names.set(foldText(d.department), d.department.trim());
  return names;
};
const departmentDocs = () => docs.filter((d) => d.kind === "department");
const localities = (level: Level) => outcome.result.localities.filter((l) => l.level === level);

/** The criteria a department leads: level, key, code, tier, from the criteria sheet. */
function ledCriteria(department: string) {
  const out = new Map<string, { level: Level; key: string; code: string; tier: Tier }>();
  for (const d of defs) {
    if (!d.department || foldText(d.department) !== foldText(department)) continue;
    const key = criterionKey(d.criterion, d.tier);
    out.set(`${d.level}|${key}`, { level: d.level, key, code: d.criterion, tier: d.tier });
  }
  return [...out.values()].filter((c) => localities(c.level).some((l) => l.criteria[c.key] !== undefined));
}

const UNIT: Record<string, Level> = { xã: "commune", huyện: "district", tỉnh: "province", thôn: "village" };
const HEADING = /^Tiêu chí (\S+) – (.+?): (\d+) (xã|huyện|tỉnh|thôn) chưa đạt$/;

function relGap(l: LocalityResult, codes: string[]): number {
  let sum = 0;
  for (const code of codes) {
    const r = l.indicators[code];
    if (!r || (r.outcome !== "notMet" && r.outcome !== "near")) continue;
    sum +=
      typeof r.gap === "number" && typeof r.threshold === "number" && r.threshold !== 0
        ? Math.abs(r.gap) / Math.abs(r.threshold)
        : 1;
  }
  return sum;
}

describe("department reports on the Hà Tĩnh sample", () => {
  it("makes one report per department named in the criteria sheet, in its order, then the summary", () => {
    expect(departments().size).toBeGreaterThan(10);
    expect(departmentDocs().map((d) => d.department)).toEqual([...departments().values()]);
    expect(docs[docs.length - 1].kind).toBe("summary");
  });

  it("lists, for each led criterion, every locality not meeting it exactly once and no other", () => {
    let checkedRows = 0;
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      const led = ledCriteria(doc.department!);
      const sections = unmetSections(spec, "Mã đơn vị") ?? [];
      const expectedTotal = led.reduce(
        (n, c) => n + localities(c.level).filter((l) => l.criteria[c.key]?.outcome === "notMet").length,
        0,
      );
      expect([doc.department, doc.stats.unmetRows]).toEqual([doc.department, expectedTotal]);
      if (expectedTotal === 0) {
        expect(sections).toEqual([]);
        continue;
      }
      expect(sections).toHaveLength(led.length);
      const found = new Set<string>();
      for (const s of sections) {
        const m = HEADING.exec(s.heading);
        expect([doc.department, s.heading, m !== null]).toEqual([doc.department, s.heading, true]);
        const [, code, rest, count, unit] = m!;
        const level = UNIT[unit];
        const tier =
          led.find(
            (c) =>
              c.code === code &&
              c.level === level &&
              c.tier !== "ntm" &&
              rest.endsWith(`(${tierLabel("vi", c.tier)})`),
          )?.tier ?? "ntm";
        const c = led.find((x) => x.code === code && x.level === level && x.tier === tier)!;
        expect(c).toBeDefined();
        found.add(`${c.level}|${c.key}`);
        const expected = localities(level)
          .filter((l) => l.criteria[c.key]?.outcome === "notMet")
          .map((l) => l.code);
        const got = s.rows.map((r) => r.code);
        expect(new Set(got).size).toBe(got.length);
        expect([...got].sort()).toEqual([...expected].sort());
        expect(Number(count)).toBe(expected.length);
        checkedRows += got.length;
      }
      expect(found.size).toBe(led.length);
    }
    expect(checkedRows).toBeGreaterThan(100);
  });

  it("groups communes under their district and puts the nearest to meeting the criterion first", () => {
    const byCode = new Map(localities("commune").map((l) => [l.code, l]));
    for (const doc of departmentDocs()) {
      const sections = unmetSections(doc.sheets[0], "Mã đơn vị") ?? [];
      for (const s of sections) {
        const m = HEADING.exec(s.heading)!;
        if (UNIT[m[4]] !== "commune") continue;
        const code = m[1];
        const tier = m[2].endsWith(")") ? "advanced" : "ntm";
        const codes = defs
          .filter(
            (d) => d.criterion === code && d.level === "commune" && (tier === "ntm") === (d.tier === "ntm"),
          )
          .map((d) => d.code);
        let prev: { district?: string; gap: number } | undefined;
        const districtsSeen: string[] = [];
        for (const r of s.rows) {
          const l = byCode.get(r.code)!;
          expect(r.district).toBeDefined();
          expect(r.district!).toMatch(new RegExp(`\\(${l.parent}\\): \\d+ xã$`));
          if (districtsSeen[districtsSeen.length - 1] !== r.district) {
            expect(districtsSeen).not.toContain(r.district); // each district once per criterion
            districtsSeen.push(r.district!);
          }
          const gap = relGap(l, codes);
          if (prev && prev.district === r.district) expect(gap).toBeGreaterThanOrEqual(prev.gap - 1e-12);
          prev = { district: r.district, gap };
        }
      }
    }
  });

  it("shows the failing indicator's value, threshold and gap, and the money planned on the criterion", () => {
    const funding = new Map(
      outcome.result.funding.filter((f) => f.level === "commune").map((f) => [f.code, f]),
    );
    const byCode = new Map(localities("commune").map((l) => [l.code, l]));
    let withMoney = 0;
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      for (const s of unmetSections(spec, "Mã đơn vị") ?? []) {
        const m = HEADING.exec(s.heading)!;
        if (UNIT[m[4]] !== "commune") continue;
        const key = m[2].endsWith(")") ? `NC.${m[1]}` : m[1];
        for (const r of s.rows) {
          const l = byCode.get(r.code)!;
          expect(cell(spec, r.row, 2)).toBe(l.name);
          const lead = String(cell(spec, r.row, 3)).split(" – ")[0];
          const ir = l.indicators[lead];
          expect(["notMet", "near"]).toContain(ir.outcome);
          if (typeof ir.value === "number") expect(cell(spec, r.row, 4)).toBe(ir.value);
          if (typeof ir.gap === "number" && typeof ir.value === "number")
            expect(cell(spec, r.row, 6)).toBe(ir.gap);
          const by = funding.get(r.code)?.byCriterion ?? {};
          const planned = by[key] ?? by[m[1]] ?? 0;
          expect(cell(spec, r.row, 9)).toBe(planned === 0 ? null : planned);
          if (planned !== 0) withMoney++;
        }
      }
    }
    expect(withMoney).toBeGreaterThan(10);
  });

  it("counts each criterion at the top: not met out of evaluated, and localities without data", () => {
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      const lines = spec.rows
        .map((r) => r[0])
        .filter((v): v is string => typeof v === "string" && v.startsWith("- Tiêu chí "));
      const led = ledCriteria(doc.department!);
      expect(lines).toHaveLength(led.length);
      for (const c of led) {
        const all = localities(c.level).filter((l) => l.criteria[c.key] !== undefined);
        const notMet = all.filter((l) => l.criteria[c.key].outcome === "notMet").length;
        const unknown = all.filter((l) => l.criteria[c.key].outcome === "unknown").length;
        const unit = c.level === "commune" ? "xã" : "huyện";
        const line = lines.find(
          (l) =>
            l.startsWith(`- Tiêu chí ${c.code} – `) &&
            l.includes(`: ${notMet}/${all.length} ${unit} chưa đạt`),
        );
        expect([doc.department, c.key, line !== undefined]).toEqual([doc.department, c.key, true]);
        expect(line!.includes(`${unknown} ${unit} chưa có số liệu`)).toBe(unknown > 0);
      }
    }
  });

  it("orders each department's indicators closest to being met first", () => {
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      const header = findRow(spec, "Mã chỉ tiêu", 1);
      const rows = tableRows(spec, header);
      const own = defs
        .filter((d) => d.department && foldText(d.department) === foldText(doc.department!))
        .map((d) => d.code);
      expect(rows.map((r) => cell(spec, r, 1)).sort()).toEqual([...own].sort());
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        const sa = cell(spec, a, 8) as number;
        const sb = cell(spec, b, 8) as number;
        expect(sa).toBeGreaterThanOrEqual(sb);
        if (sa === sb) expect(cell(spec, a, 6) as number).toBeLessThanOrEqual(cell(spec, b, 6) as number);
      }
      for (const r of rows) {
        const code = String(cell(spec, r, 1));
        const results = localities("commune")
          .map((l) => l.indicators[code])
          .filter(Boolean);
        if (results.length === 0) continue;
        expect(cell(spec, r, 5)).toBe(results.filter((x) => x.outcome === "met").length);
      }
    }
  });

  it("opens with the issuer, the national motto and the date, and ends with recipients and signature", () => {
    const s = outcome.read.settings;
    const issuer = settingLines(s.issuer);
    expect(issuer.length).toBeGreaterThan(0);
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      expect(issuer.map((_, i) => cell(spec, i, 0))).toEqual(issuer);
      expect([cell(spec, 0, 4), cell(spec, 1, 4)]).toEqual([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
      ]);
      expect(styleAt(spec, 0, 4)).toMatchObject({ bold: true, merge: true, align: "center" });
      expect(cell(spec, Math.max(issuer.length, 2), 4)).toBe("Hà Tĩnh, ngày 27 tháng 11 năm 2026");
      const kind = findRow(spec, "BÁO CÁO");
      const title: string[] = [];
      for (let r = kind + 1; styleAt(spec, r, 0).bold; r++) title.push(String(cell(spec, r, 0)));
      expect(`BÁO CÁO ${title.join(" ")}`).toBe(doc.title);
      expect(doc.title).toBe(
        `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI DO ${doc.department!.toLocaleUpperCase("vi")} PHỤ TRÁCH – NĂM 2022`,
      );
      expect(spec.rows.some((r) => r[0] === s.dataNote)).toBe(true);
      const r = findRow(spec, "Nơi nhận:");
      expect(r).toBeGreaterThan(kind);
      expect(cell(spec, r + 1, 0)).toBe(`- ${doc.department};`);
      const recipients = spec.rows
        .slice(r + 1)
        .map((row) => row[0])
        .filter((v): v is string => typeof v === "string");
      expect(recipients[recipients.length - 1]).toMatch(/^- Lưu: /);
      expect(recipients.every((x) => x.startsWith("- ") || x.startsWith("  "))).toBe(true);
      expect(cell(spec, r, 4)).toBe(s.signerTitle);
      expect(cell(spec, r + 1, 4)).toBe("(Ký, ghi rõ họ tên, đóng dấu)");
    }
  });

  it("prints in document layout: A4 landscape, table header repeated, margins, footer, protected", () => {
    for (const doc of departmentDocs()) {
      const spec = doc.sheets[0];
      const header =
        doc.stats.unmetRows > 0 ? findRow(spec, "Mã đơn vị", 1) : findRow(spec, "Mã chỉ tiêu", 1);
      expect(header).toBeGreaterThan(0);
      expect(spec.page).toEqual({
        landscape: true,
        repeatRows: [header + 1, header + 1],
        margins: REPORT_MARGINS,
        footer: "Trang &P/&N",
      });
      expect(spec.font).toEqual({ name: "Times New Roman", size: 12 });
      expect(spec.showGridLines).toBe(false);
      expect(spec.protect).toBe(true);
      expect(spec.columnWidths).toEqual(DEPARTMENT_WIDTHS);
      expect(styleAt(spec, header, 0)).toMatchObject({ bold: true, border: true, wrap: true });
      for (const row of spec.rows) expect(row.length).toBeLessThanOrEqual(DEPARTMENT_WIDTHS.length);
    }
    // About 137 characters: A4 landscape at ~0.6 in margins fits it at (nearly) full size.
    expect(DEPARTMENT_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(140);
  });

  it("names files and sheets uniquely and safely", () => {
    const files = docs.map((d) => d.fileName);
    expect(files).toContain("BaoCao_So-Giao-thong-van-tai_2022.xlsx");
    expect(files).toContain("BaoCao_TongHop_2022.xlsx");
    for (const f of files) expect(f).toMatch(/^BaoCao_[A-Za-z0-9-]+_2022\.xlsx$/);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    const sheets = docs.map((d) => d.sheets[0].name);
    for (const s of sheets) expect(s.length).toBeLessThanOrEqual(31);
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(sheets.length);
  });

  it("writes English reports from the same workbook", async () => {
    const en = buildReports(await sampleOutcome("en"), { lang: "en", date: DATE });
    const dept = en.find((d) => d.kind === "department")!;
    const spec = dept.sheets[0];
    expect(rowTexts(spec, 0)).toContain("SOCIALIST REPUBLIC OF VIET NAM");
    expect(spec.rows.flat()).toContain("Hà Tĩnh, November 27, 2026");
    expect(spec.page?.footer).toBe("Page &P of &N");
    expect(en.map((d) => d.fileName).every((f) => f.startsWith("Report_"))).toBe(true);
    expect(en.map((d) => d.department)).toEqual(docs.map((d) => d.department));
  });

  it("builds only the departments asked for, matched without case or diacritics", () => {
    const names = [...departments().values()];
    const some = buildReports(outcome, {
      lang: "vi",
      date: DATE,
      departments: [foldText(names[1]), names[0].toLocaleUpperCase("vi"), "Sở không có"],
      summary: false,
    });
    expect(some.map((d) => d.department)).toEqual([names[0], names[1]]);
  });
});
