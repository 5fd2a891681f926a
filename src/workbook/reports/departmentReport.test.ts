import fc from "fast-check";
import { foldText } from "../../domain/text";
import type { IndicatorResult, LocalityResult } from "../../domain/types";
import { sheetNameProblem } from "../planChecks";
import { buildReports } from "./buildReports";
import type { ReportDoc } from "./types";
import { GDDT, GTVT, handMadeOutcome, HOSTILE, LDTBXH, YTE } from "./__fixtures__/handMadeOutcome";
import {
  cell,
  findRow,
  formatAt,
  rowTexts,
  styleAt,
  tableRows,
  unmetSections,
} from "./__fixtures__/specReader";

const DATE = { day: 27, month: 11, year: 2026 };

function reportOf(docs: ReportDoc[], department: string): ReportDoc {
  const doc = docs.find((d) => d.kind === "department" && d.department === department);
  if (!doc) throw new Error(`no report for ${department}`);
  return doc;
}

/** Sum of relative gaps of a locality's failing indicators of criterion `key` (independent of the builder). */
function distance(l: LocalityResult, codes: readonly string[]): number {
  let sum = 0;
  for (const code of codes) {
    const r: IndicatorResult | undefined = l.indicators[code];
    if (!r || (r.outcome !== "notMet" && r.outcome !== "near")) continue;
    sum +=
      typeof r.gap === "number" && typeof r.threshold === "number" && r.threshold !== 0
        ? r.gap / Math.abs(r.threshold)
        : 1;
  }
  return sum;
}

describe("department report (hand-made province)", () => {
  const outcome = handMadeOutcome();
  const docs = buildReports(outcome, { lang: "vi", date: DATE });
  const byCode = new Map(outcome.result.localities.map((l) => [`${l.level}:${l.code}`, l]));
  const commune = (code: string) => byCode.get(`commune:${code}`)!;

  it("makes one report per department named in the criteria sheet, and the summary last", () => {
    expect(docs.map((d) => d.department ?? d.kind)).toEqual([GTVT, GDDT, LDTBXH, YTE, "summary"]);
    // DK.2 has no department: it is in no department's report.
    for (const d of docs.filter((x) => x.kind === "department"))
      expect(d.sheets[0].rows.flat().some((v) => typeof v === "string" && v.startsWith("DK.2"))).toBe(false);
  });

  it("lists each commune not meeting a criterion once, under its district, nearest to meeting it first", () => {
    const spec = reportOf(docs, GTVT).sheets[0];
    const sections = unmetSections(spec, "Mã đơn vị")!;
    expect(sections.map((s) => s.heading)).toEqual([
      "Tiêu chí 2 – Giao thông: 4 xã chưa đạt",
      "Tiêu chí H2 – Giao thông huyện: 1 huyện chưa đạt",
    ]);
    const expected = outcome.result.localities
      .filter((l) => l.level === "commune" && l.criteria["2"]?.outcome === "notMet")
      .map((l) => l.code);
    const rows = sections[0].rows;
    expect(rows.map((r) => r.code).sort()).toEqual([...expected].sort());
    for (const r of rows) expect(r.district).toContain(`(${commune(r.code).parent})`);
    // C1 (1 short of 80) before C2 in D1; C6 (1 short of 50) before C5 in D2.
    expect(rows.map((r) => r.code)).toEqual(["C1", "C2", "C6", "C5"]);
    const dist = rows.map((r) => distance(commune(r.code), ["2.1", "2.2"]));
    expect(dist[0]).toBeLessThan(dist[1]);
    expect(dist[2]).toBeLessThan(dist[3]);
    expect(rows.map((r) => cell(spec, r.row, 0))).toEqual([1, 2, 3, 4]);
  });

  it("lists district-level criteria with districts as rows, without district headings", () => {
    const spec = reportOf(docs, GTVT).sheets[0];
    const h2 = unmetSections(spec, "Mã đơn vị")![1];
    expect(h2.rows).toEqual([{ code: "D1", row: h2.rows[0].row }]);
    expect(rowTexts(spec, h2.rows[0].row)).toEqual(["1", "D1", "Huyện Một", "H.2", "2", "≥ 3", "1", "km"]);
  });

  it("shows the nearest failing indicator with value, threshold, gap and unit, the others as text, and the money", () => {
    const spec = reportOf(docs, GTVT).sheets[0];
    const c2 = unmetSections(spec, "Mã đơn vị")![0].rows.find((r) => r.code === "C2")!.row;
    expect(spec.rows[c2]).toEqual([2, "C2", "Xã C2", "2.1", 40, "≥ 80", 40, "%", "2.2: còn thiếu 30 %", 250]);
    const funding = outcome.result.funding.find((f) => f.code === "C2" && f.level === "commune")!;
    expect(cell(spec, c2, 9)).toBe(funding.byCriterion["2"]);
    expect(formatAt(spec, c2, 9)).toBe("#,##0");
    expect(formatAt(spec, c2, 6)).toBe("0.0#");
    const c6 = unmetSections(spec, "Mã đơn vị")![0].rows.find((r) => r.code === "C6")!.row;
    expect(cell(spec, c6, 9)).toBeNull(); // C6's money is credit with no criterion
    expect(styleAt(spec, c2, 3)).toMatchObject({ wrap: true, border: true });
  });

  it("puts the department's own indicator first in a criterion it shares, naming the other department", () => {
    const gd = unmetSections(reportOf(docs, GDDT).sheets[0], "Mã đơn vị")![0];
    const ld = unmetSections(reportOf(docs, LDTBXH).sheets[0], "Mã đơn vị")![0];
    const failing14 = outcome.result.localities
      .filter((l) => l.level === "commune" && l.criteria["14"]?.outcome === "notMet")
      .map((l) => l.code)
      .sort();
    expect(gd.rows.map((r) => r.code).sort()).toEqual(failing14);
    expect(ld.rows.map((r) => r.code).sort()).toEqual(failing14);
    const gdSpec = reportOf(docs, GDDT).sheets[0];
    const ldSpec = reportOf(docs, LDTBXH).sheets[0];
    const gdC2 = gd.rows.find((r) => r.code === "C2")!.row;
    expect(spec(gdSpec, gdC2, [3, 4, 5, 6, 8])).toEqual([
      "14.1",
      "Không đạt",
      "Đạt",
      null,
      `14.3: còn thiếu 10 % (${LDTBXH})`,
    ]);
    const ldC2 = ld.rows.find((r) => r.code === "C2")!.row;
    expect(spec(ldSpec, ldC2, [3, 8])).toEqual(["14.3", `14.1: chưa đạt (${GDDT})`]);
    const gdC5 = gd.rows.find((r) => r.code === "C5")!.row;
    expect(cell(gdSpec, gdC5, 3)).toBe(`14.3 – Chỉ tiêu 14.3 (${LDTBXH})`);
    expect(cell(gdSpec, gdC5, 9)).toBe(30);
  });

  function spec(s: ReportDoc["sheets"][number], r: number, cols: number[]) {
    return cols.map((c) => cell(s, r, c));
  }

  it("counts per criterion at the top, with the localities without data apart", () => {
    const s = reportOf(docs, GTVT).sheets[0];
    const i = findRow(s, "I. TÌNH HÌNH CHUNG");
    expect(cell(s, i + 1, 0)).toBe("- Tiêu chí 2 – Giao thông: 4/6 xã chưa đạt; 1 xã chưa có số liệu;");
    expect(cell(s, i + 2, 0)).toBe("- Tiêu chí H2 – Giao thông huyện: 1/2 huyện chưa đạt.");
  });

  it("orders the indicator table closest to being met first", () => {
    const s = reportOf(docs, GTVT).sheets[0];
    const header = findRow(s, "Mã chỉ tiêu", 1);
    const rows = tableRows(s, header);
    expect(rows.map((r) => cell(s, r, 1))).toEqual(["H.2", "2.2", "2.1"]);
    expect(rows.map((r) => [cell(s, r, 2), cell(s, r, 3)])).toEqual([
      ["Chỉ tiêu H.2", "H2"],
      ["Chỉ tiêu 2.2", "2"],
      ["Chỉ tiêu 2.1", "2"],
    ]);
    expect(rows.map((r) => spec(s, r, [4, 5, 6, 7, 8]))).toEqual([
      [2, 1, 1, 0, 0.5],
      [6, 3, 3, 0, 0.5],
      [5, 2, 3, 1, 0.4],
    ]);
    expect(formatAt(s, rows[0], 8)).toBe("0.0%");
  });

  it("says so, instead of an empty table, when everything the department leads is met", () => {
    const doc = reportOf(docs, YTE);
    const s = doc.sheets[0];
    expect(unmetSections(s, "Mã đơn vị")).toBeNull();
    const ii = findRow(s, "II. CÁC ĐƠN VỊ CHƯA ĐẠT, THEO TỪNG TIÊU CHÍ");
    expect(String(cell(s, ii + 1, 0))).toMatch(/^Tất cả các đơn vị đã đạt các tiêu chí do Sở Y tế phụ trách/);
    expect(cell(s, findRow(s, "I. TÌNH HÌNH CHUNG") + 1, 0)).toBe("- Tiêu chí 15 – Y tế: 0/6 xã chưa đạt.");
    expect(doc.stats).toEqual({ criteria: 1, indicators: 1, unmetRows: 0 });
    // The page still repeats a table header: the indicator table's.
    expect(s.page?.repeatRows).toEqual([findRow(s, "Mã chỉ tiêu", 1) + 1, findRow(s, "Mã chỉ tiêu", 1) + 1]);
  });

  it("does not group by district when the province has none", () => {
    const flat = buildReports(handMadeOutcome({ districts: false }), { lang: "vi", date: DATE });
    const sections = unmetSections(reportOf(flat, GTVT).sheets[0], "Mã đơn vị")!;
    expect(sections.map((s) => s.heading)).toEqual(["Tiêu chí 2 – Giao thông: 4 xã chưa đạt"]);
    expect(sections[0].rows.map((r) => r.code)).toEqual(["C1", "C6", "C5", "C2"]);
    expect(sections[0].rows.every((r) => r.district === undefined)).toBe(true);
    // H2 has no district to judge: it is left out, not reported as "0/0 huyện".
    const s = reportOf(flat, GTVT).sheets[0];
    expect(s.rows.flat().some((v) => typeof v === "string" && v.includes("H2"))).toBe(false);
    expect(reportOf(flat, GTVT).stats).toEqual({ criteria: 1, indicators: 2, unmetRows: 4 });
  });

  it("lists a commune without a district last, under its own heading", () => {
    const docs2 = buildReports(handMadeOutcome({ orphan: "C1" }), { lang: "vi", date: DATE });
    const rows = unmetSections(reportOf(docs2, GTVT).sheets[0], "Mã đơn vị")![0].rows;
    expect(rows.map((r) => [r.code, r.district])).toEqual([
      ["C2", "Huyện Một (D1): 1 xã"],
      ["C6", "Huyện Hai (D2): 2 xã"],
      ["C5", "Huyện Hai (D2): 2 xã"],
      ["C1", "Chưa xác định huyện: 1 xã"],
    ]);
  });

  it("says when none of a department's criteria has a locality to judge", () => {
    const flat = buildReports(handMadeOutcome({ districts: false, departments: { "H.2": "Sở Xây dựng" } }), {
      lang: "vi",
      date: DATE,
    });
    const s = reportOf(flat, "Sở Xây dựng").sheets[0];
    expect(cell(s, findRow(s, "I. TÌNH HÌNH CHUNG") + 1, 0)).toBe(
      "Không có chỉ tiêu nào áp dụng trong năm 2022.",
    );
    expect(unmetSections(s, "Mã đơn vị")).toBeNull();
  });

  it("keeps a name that looks like a formula as plain text", () => {
    const s = reportOf(docs, GTVT).sheets[0];
    const c5 = unmetSections(s, "Mã đơn vị")![0].rows.find((r) => r.code === "C5")!.row;
    expect(cell(s, c5, 2)).toBe(HOSTILE);
    for (const d of docs)
      for (const row of d.sheets[0].rows)
        for (const v of row) expect(["string", "number", "boolean", "object"]).toContain(typeof v);
  });

  it("uses defaults for missing settings, and the department first among the recipients", () => {
    const s = reportOf(docs, GTVT).sheets[0];
    expect(cell(s, 0, 0)).toBe("UBND TỈNH THỬ");
    const r = findRow(s, "Nơi nhận:");
    expect([cell(s, r + 1, 0), cell(s, r + 2, 0)]).toEqual([`- ${GTVT};`, "- Lưu: VT."]);
    expect(cell(s, r, 4)).toBe("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ");
    expect(cell(s, r + 1, 4)).toBe("(Ký, ghi rõ họ tên, đóng dấu)");
    // No signer in the settings: the rest of the signature block stays empty, no name is made up.
    expect(s.rows.slice(r + 2).map((row) => row[4] ?? null)).toEqual(
      new Array(s.rows.length - r - 2).fill(null),
    );
  });

  it("writes English reports with singular and plural units", () => {
    const en = buildReports(handMadeOutcome({ lang: "en" }), { lang: "en", date: DATE });
    const s = reportOf(en, GTVT).sheets[0];
    const sections = unmetSections(s, "Code")!;
    expect(sections[1].heading).toBe("Criterion H2 – District roads: 1 district not met");
    expect(sections[0].heading).toBe("Criterion 2 – Transport: 4 communes not met");
    expect(reportOf(en, GTVT).fileName).toBe("Report_So-Giao-thong-van-tai_2022.xlsx");
    expect(reportOf(en, GTVT).title).toBe(
      "REPORT RESULTS OF THE NEW RURAL DEVELOPMENT CRITERIA LED BY SỞ GIAO THÔNG VẬN TẢI – 2022",
    );
  });

  it("matches departments without case or diacritics, and reports only those asked for", () => {
    const mixed = handMadeOutcome({
      departments: { "2.2": "SỞ GIAO THÔNG VẬN TẢI", "H.2": "so giao thong van tai" },
    });
    const all = buildReports(mixed, { lang: "vi", date: DATE });
    expect(all.filter((d) => d.kind === "department").map((d) => d.department)).toEqual([
      GTVT,
      GDDT,
      LDTBXH,
      YTE,
    ]);
    expect(reportOf(all, GTVT).stats).toEqual({ criteria: 2, indicators: 3, unmetRows: 5 });
    const some = buildReports(mixed, {
      lang: "vi",
      date: DATE,
      departments: ["so y te", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
      summary: false,
    });
    expect(some.map((d) => d.department)).toEqual([GDDT, YTE]);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(buildReports(outcome, { lang: "vi", date: DATE }))).toBe(JSON.stringify(docs));
  });

  it("gives odd or colliding department names safe, unique files and valid, unique sheets", () => {
    const name = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        "Sở Y tế",
        "SỞ Y TẾ",
        "Sở Y-tế",
        "So Y te",
        "Tổng hợp",
        "TongHop",
        "東京",
        "History",
        "a/b\\c:d*?",
        " ",
      ),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 5, maxLength: 5 }), (names) => {
        const codes = ["2.1", "2.2", "14.1", "14.3", "15.1"];
        const depts = Object.fromEntries(codes.map((c, i) => [c, names[i]]));
        const out = buildReports(handMadeOutcome({ departments: { ...depts, "H.2": "" } }), {
          lang: "vi",
          date: DATE,
        });
        // A cell without a letter or a digit names no department.
        const distinct = new Set(names.map(foldText).filter((n) => n !== ""));
        expect(out.filter((d) => d.kind === "department")).toHaveLength(distinct.size);
        const files = out.map((d) => d.fileName);
        for (const f of files) expect(f).toMatch(/^(BaoCao)_[A-Za-z0-9-]+_2022(_\d+)?\.xlsx$/);
        expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
        const sheets = out.map((d) => d.sheets[0].name);
        for (const s of sheets) expect(sheetNameProblem(s)).toBeNull();
        expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(sheets.length);
        expect(out[out.length - 1].fileName).toBe("BaoCao_TongHop_2022.xlsx");
      }),
      { numRuns: 60 },
    );
  });
});
