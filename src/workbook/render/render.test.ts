import type { EvaluationResult, IndicatorResult, LocalityResult } from "../../domain/types";
import { t } from "../../i18n";
import { parseCellAddress, parseRangeAddress } from "../a1";
import type { WritePlan } from "../port";
import { renderResults, type RenderArgs } from "./render";
import { buildContext } from "./context";
import {
  COMMUNE_SHEET,
  DISTRICT_SHEET,
  EXISTING,
  fixtureInput,
  fixtureResult,
  HYPERLINK_NAME,
  INVALID_RAW,
} from "./__fixtures__/renderFixture";
import { renderIndicators } from "./indicators";
import type { OutCell, SheetSpec } from "../sheetSpec";

const args = (over: Partial<RenderArgs> = {}): RenderArgs => ({
  result: fixtureResult(),
  input: fixtureInput(),
  lang: "vi",
  provinceName: "Hà Tĩnh",
  currencyUnit: "triệu đồng",
  existingSheets: EXISTING,
  meta: null,
  ...over,
});

const planOf = (over: Partial<RenderArgs> = {}): WritePlan => renderResults(args(over)).plan;

function sheet(plan: WritePlan, name: string): SheetSpec {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${plan.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** Index of the first row whose first cell is `text`. */
function rowIndex(s: SheetSpec, text: string, col = 0): number {
  const i = s.rows.findIndex((r) => r[col] === text);
  if (i < 0) throw new Error(`no row starting with ${text} in ${s.name}`);
  return i;
}

/** Data rows of a table: the rows after the header row up to the first blank row. */
function table(s: SheetSpec, firstHeader: string): { header: OutCell[]; rows: OutCell[][]; first: number } {
  const h = rowIndex(s, firstHeader);
  const rows: OutCell[][] = [];
  for (let r = h + 1; r < s.rows.length && s.rows[r].length > 0; r++) rows.push(s.rows[r]);
  return { header: s.rows[h], rows, first: h + 1 };
}

function byHeader(header: OutCell[], text: string): number {
  const i = header.indexOf(text);
  if (i < 0) throw new Error(`no column ${text} in ${JSON.stringify(header)}`);
  return i;
}

function at(s: SheetSpec, a1: string): OutCell | undefined {
  const p = parseCellAddress(a1);
  if (!p) throw new Error(a1);
  return s.rows[p.row]?.[p.col];
}

const VI = ["KQ Tỉnh", "KQ Huyện", "KQ Xã", "KQ Chỉ tiêu", "KQ Nguồn vốn", "KQ Cảnh báo"];
const EN = ["Res Province", "Res Districts", "Res Communes", "Res Indicators", "Res Funding", "Res Issues"];

describe("renderResults: the sheets", () => {
  it("writes the six result sheets under Vietnamese names, summary first, then one hidden marks sheet per highlighted input sheet", () => {
    const plan = planOf();
    expect(plan.sheets.map((s) => s.name)).toEqual([...VI, "KQ_DD_1", "KQ_DD_2"]);
    expect(plan.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["KQ_DD_1", "KQ_DD_2"]);
    expect(plan.meta).toEqual({ version: 1, ownedSheets: [...VI, "KQ_DD_1", "KQ_DD_2"] });
  });

  it("uses English sheet names and headers when lang is en", () => {
    const plan = planOf({ lang: "en" });
    expect(plan.sheets.map((s) => s.name)).toEqual([...EN, "KQ_DD_1", "KQ_DD_2"]);
    const communes = sheet(plan, "Res Communes");
    const { header, rows } = table(communes, "Commune code");
    expect(header).toEqual([
      "Commune code",
      "Commune",
      "District",
      "Applied region",
      "C 2",
      "C 5",
      "C 10",
      "C 17",
      "NC.2",
      "NC.10",
      "DK",
      "Criteria met",
      "Criteria total",
      "Band",
      "Status",
      "Criteria not met",
      "To complete",
    ]);
    expect(rows[0].slice(4, 8)).toEqual(["Met", "Met", "Met", "Met"]);
    expect(rows[1][byHeader(header, "Status")]).toBe("Not yet NTM");
    expect(communes.rows[0][0]).toBe("Commune results – Hà Tĩnh");
    const indicators = sheet(plan, "Res Indicators");
    expect(table(indicators, "Commune code").rows[0][5]).toBe("Commune roads hardened");
  });

  it("gives a deep-equal plan for the same input, whatever the order of localities in the result", () => {
    const a = planOf();
    const b = planOf();
    expect(b).toEqual(a);
    const shuffled = fixtureResult();
    shuffled.localities = [...shuffled.localities].reverse();
    shuffled.rollups = [...shuffled.rollups].reverse();
    shuffled.funding = [...shuffled.funding].reverse();
    shuffled.fundingFlags = [...shuffled.fundingFlags].reverse();
    shuffled.issues = [...shuffled.issues].reverse();
    expect(planOf({ result: shuffled })).toEqual(a);
  });

  it("prints the sample note under every title", () => {
    const plan = planOf({ sampleNote: "Số liệu minh họa, không phải ngưỡng chính thức" });
    for (const s of plan.sheets.filter((x) => !x.hidden))
      expect(s.rows[2]).toEqual(["Số liệu minh họa, không phải ngưỡng chính thức"]);
  });

  it("writes the year plainly in the title line (not 2.024)", () => {
    expect(sheet(planOf(), "KQ Xã").rows[1]).toEqual(["Năm đánh giá: 2024 · Bộ tiêu chí: 2021-2025"]);
    expect(sheet(planOf(), "KQ Tỉnh").rows[1]).toEqual([
      "Năm đánh giá: 2024 · Bộ tiêu chí: 2021-2025 · Đơn vị tiền: triệu đồng",
    ]);
  });
});

describe("KQ Xã", () => {
  const s = sheet(planOf(), "KQ Xã");
  const { header, rows, first } = table(s, "Mã xã");

  it("has the Vietnamese headers: codes for criteria, then counts, band, status, unmet and what is missing", () => {
    expect(header).toEqual([
      "Mã xã",
      "Tên xã",
      "Huyện",
      "Vùng áp dụng",
      "TC 2",
      "TC 5",
      "TC 10",
      "TC 17",
      "NC.2",
      "NC.10",
      "DK",
      "Số TC đạt",
      "Tổng số TC",
      "Nhóm",
      "Trạng thái",
      "Tiêu chí chưa đạt",
      "Cần bổ sung",
    ]);
  });

  it("puts the criterion names in the row above the code headers, with the tier for advanced criteria", () => {
    const names = s.rows[first - 2];
    expect(names.slice(3, 11)).toEqual([
      "Tên tiêu chí →",
      "Giao thông",
      "Trường học",
      "Thu nhập",
      "Môi trường",
      "NTM nâng cao: Giao thông nâng cao",
      "NTM nâng cao: Thu nhập",
      "Điều kiện công nhận",
    ]);
  });

  it("lists communes by district code, then commune code", () => {
    expect(rows.map((r) => r[0])).toEqual(["18343", "18349", "18352", "18301", "18310"]);
    expect(rows.map((r) => r[2])).toEqual([
      "Huyện Một",
      "Huyện Một",
      "Huyện Một",
      "Thị xã Hai",
      "Thị xã Hai",
    ]);
  });

  it("shows outcomes, count, band, status, unmet criteria and what still needs data", () => {
    expect(rows[1]).toEqual([
      "18349",
      HYPERLINK_NAME,
      "Huyện Một",
      "BTB",
      "Chưa đạt",
      "Chưa đạt",
      "Đạt",
      "Đạt",
      "Chưa đạt",
      "Chưa đạt",
      "Đạt",
      17,
      19,
      "15–18",
      "Chưa đạt chuẩn",
      "2, 5",
      "",
    ]);
    expect(rows[0].slice(13, 15)).toEqual(["19", "NTM nâng cao"]);
    expect(rows[3].slice(13, 16)).toEqual(["< 15", "Chưa đạt chuẩn", "2, 10, 17, DK"]);
    expect(rows[2][16]).toBe("Chưa xác định được: NTM, NTM nâng cao; Tiêu chí chưa rõ: 10, 17, NC.10");
    expect(rows[4][14]).toBe("Đạt chuẩn NTM");
  });

  it("freezes the header rows and the code and name columns", () => {
    expect(s.freeze).toEqual({ rows: first, columns: 2 });
    expect(s.columnWidths).toHaveLength(header.length);
  });

  it("colours criteria, band and status with textEquals rules over the data rows", () => {
    const r0 = first + 1;
    const r1 = first + rows.length;
    const rules = s.conditionalFormats ?? [];
    expect(rules.filter((r) => r.range === `E${r0}:K${r1}`)).toEqual([
      { kind: "textEquals", range: `E${r0}:K${r1}`, text: "Đạt", style: "met" },
      { kind: "textEquals", range: `E${r0}:K${r1}`, text: "Chưa đạt", style: "notMet" },
      { kind: "textEquals", range: `E${r0}:K${r1}`, text: "Chưa rõ", style: "unknown" },
    ]);
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `O${r0}:O${r1}`,
      text: "Chưa đạt chuẩn",
      style: "notMet",
    });
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `O${r0}:O${r1}`,
      text: "NTM nâng cao",
      style: "met",
    });
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `N${r0}:N${r1}`,
      text: "< 15",
      style: "notMet",
    });
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `N${r0}:N${r1}`,
      text: "15–18",
      style: "near",
    });
    expect(rules).toContainEqual({ kind: "textEquals", range: `N${r0}:N${r1}`, text: "19", style: "met" });
  });

  it("leaves out the district column when no commune sits under a district (2026-2030)", () => {
    const result = fixtureResult();
    result.localities = result.localities
      .filter((l) => l.level !== "district")
      .map((l) =>
        l.level === "commune" ? { ...l, parent: "42", group: 2 as const, effectiveRegion: undefined } : l,
      );
    const plan = planOf({ result });
    const t2 = table(sheet(plan, "KQ Xã"), "Mã xã");
    expect(t2.header.slice(0, 3)).toEqual(["Mã xã", "Tên xã", "Vùng áp dụng"]);
    expect(t2.rows.map((r) => r[0])).toEqual(["18301", "18310", "18343", "18349", "18352"]);
    expect(t2.rows[0][2]).toBe("Nhóm 2");
    expect(table(sheet(plan, "KQ Chỉ tiêu"), "Mã xã").header).not.toContain("Huyện");
  });
});

describe("text safety", () => {
  it("keeps a commune named =HYPERLINK(…) as that exact plain string in every sheet", () => {
    const plan = planOf();
    const cells = plan.sheets.flatMap((s) => s.rows.flat());
    const hits = cells.filter((c) => typeof c === "string" && c.startsWith("="));
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hits)).toEqual(new Set([HYPERLINK_NAME]));
    expect(table(sheet(plan, "KQ Xã"), "Mã xã").rows[1][1]).toBe(HYPERLINK_NAME);
    expect(table(sheet(plan, "KQ Chỉ tiêu"), "Mã xã").rows[0][1]).toBe(HYPERLINK_NAME);
    expect(table(sheet(plan, "KQ Nguồn vốn"), "Mã địa phương").rows[2][1]).toBe(HYPERLINK_NAME);
  });

  it("never writes a user's cell: highlights are rules, and no planned sheet is an input sheet", () => {
    const plan = planOf();
    const names = plan.sheets.map((s) => s.name);
    for (const input of EXISTING) expect(names).not.toContain(input);
    for (const h of plan.inputHighlights!) for (const r of h.rules) expect(r.kind).toBe("formula");
  });
});

describe("KQ Chỉ tiêu", () => {
  const s = sheet(planOf(), "KQ Chỉ tiêu");
  const { header, rows, first } = table(s, "Mã xã");

  it("has one row per commune indicator not met, by district, commune and criteria-sheet order", () => {
    expect(header).toEqual([
      "Mã xã",
      "Tên xã",
      "Huyện",
      "Tiêu chí",
      "Mã chỉ tiêu",
      "Nội dung",
      "Giá trị",
      "Ngưỡng",
      "Còn thiếu",
      "Đơn vị",
      "Kết quả",
      "Ngưỡng đã xác nhận",
      "Ô dữ liệu",
    ]);
    expect(rows.map((r) => `${r[0]}:${r[4]}`)).toEqual([
      "18349:2.1",
      "18349:5",
      "18349:NC.2",
      "18349:NC.10",
      "18352:10",
      "18352:17.1",
      "18352:NC.10",
      "18301:2.1",
      "18301:5",
      "18301:10",
      "18301:17.1",
      "18301:NC.2",
      "18301:NC.10",
      "18301:DK.2",
      "18310:NC.10",
    ]);
  });

  it("shows value, threshold, gap with its unit, result, confirmation and the input cell", () => {
    expect(rows[1]).toEqual([
      "18349",
      HYPERLINK_NAME,
      "Huyện Một",
      "5",
      "5",
      "Trường học đạt chuẩn",
      60,
      "≥ 80",
      20,
      "%",
      "Chưa đạt",
      "Có",
      "'Dữ liệu xã'!F8",
    ]);
    expect(rows[0][10]).toBe("Gần đạt");
    expect(rows[8].slice(6, 12)).toEqual([90, "", null, "%", "Chưa có ngưỡng", "Không"]);
    expect(rows[13].slice(3, 11)).toEqual([
      "DK",
      "DK.2",
      "Chỉ tiêu DK.2",
      "Không đạt",
      "Đạt",
      null,
      "",
      "Chưa đạt",
    ]);
    expect(rows[3][3]).toBe("NC.10");
  });

  it("prints the raw text of an invalid value and marks missing data", () => {
    expect(rows[5].slice(6, 11)).toEqual([INVALID_RAW, "Đạt", null, "", "Không hợp lệ"]);
    expect(rows[4].slice(5, 11)).toEqual([
      "Thu nhập 2024",
      null,
      "≥ 50",
      null,
      "triệu đồng/người/năm",
      "Thiếu số liệu",
    ]);
  });

  it("formats gaps as 0.0# and colours the result column by outcome", () => {
    const r0 = first + 1;
    const r1 = first + rows.length;
    expect(s.numberFormats).toEqual([{ range: `I${r0}:I${r1}`, format: "0.0#" }]);
    const rules = s.conditionalFormats ?? [];
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `K${r0}:K${r1}`,
      text: "Chưa đạt",
      style: "notMet",
    });
    expect(rules).toContainEqual({
      kind: "textEquals",
      range: `K${r0}:K${r1}`,
      text: "Gần đạt",
      style: "near",
    });
    for (const text of ["Thiếu số liệu", "Không hợp lệ", "Chưa có ngưỡng"]) {
      expect(rules).toContainEqual({ kind: "textEquals", range: `K${r0}:K${r1}`, text, style: "unknown" });
    }
  });

  it("says so when every indicator is met", () => {
    const result = fixtureResult();
    for (const l of result.localities) for (const i of Object.values(l.indicators)) i.outcome = "met";
    const s2 = sheet(planOf({ result }), "KQ Chỉ tiêu");
    expect(s2.rows[s2.rows.length - 1]).toEqual(["Mọi chỉ tiêu của các xã đều đạt."]);
    expect(s2.conditionalFormats).toBeUndefined();
  });

  it("stops at the sheet's row limit and warns, rather than failing", () => {
    const ctx = buildContext(fixtureResult(), fixtureInput(), {
      lang: "vi",
      provinceName: "Hà Tĩnh",
      currencyUnit: "triệu đồng",
    });
    const { sheet: small, issues } = renderIndicators(ctx, "KQ Chỉ tiêu", 10);
    expect(small.rows).toHaveLength(10);
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "OUTPUT_ROWS_TRUNCATED",
        sheet: "KQ Chỉ tiêu",
        params: { sheet: "KQ Chỉ tiêu", shown: 6, total: 15 },
      },
    ]);
  });
});

describe("national scale", () => {
  it("writes 200,000 indicator rows with the same few style, format and rule ranges as a small sheet", () => {
    const small = sheet(planOf(), "KQ Chỉ tiêu");
    const input = fixtureInput();
    const codes = Array.from({ length: 100 }, (_, i) => `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`);
    input.indicators = codes.map((code) => ({
      code,
      criterion: code.split(".")[0],
      nameVi: `Chỉ tiêu ${code}`,
      nameEn: `Indicator ${code}`,
      unit: "%",
      kind: "percent",
      comparator: ">=",
      level: "commune",
      tier: "ntm",
      thresholds: [],
      source: "test",
      confirmed: true,
    }));
    const base = fixtureResult();
    const template = base.localities.find((l) => l.level === "commune") as LocalityResult;
    const communes: LocalityResult[] = [];
    for (let c = 0; c < 2000; c++) {
      const indicators: Record<string, IndicatorResult> = {};
      codes.forEach((code, i) => {
        indicators[code] = {
          code,
          outcome: "notMet",
          value: 50,
          threshold: 80,
          gap: 30,
          thresholdConfirmed: true,
          ref: { sheet: COMMUNE_SHEET, cell: `${String.fromCharCode(65 + (i % 26))}${c + 2}` },
        };
      });
      communes.push({ ...template, code: String(100000 + c), parent: c % 2 ? "436" : "437", indicators });
    }
    const result: EvaluationResult = {
      ...base,
      localities: [...base.localities.filter((l) => l.level !== "commune"), ...communes],
    };
    const big = sheet(planOf({ result, input }), "KQ Chỉ tiêu");
    const { rows } = table(big, "Mã xã");
    expect(rows).toHaveLength(200_000);
    expect(big.styles).toHaveLength(small.styles?.length ?? 0);
    expect(big.numberFormats).toHaveLength(small.numberFormats?.length ?? 0);
    expect(big.conditionalFormats).toHaveLength(small.conditionalFormats?.length ?? 0);
  });
});

describe("KQ Huyện", () => {
  const s = sheet(planOf(), "KQ Huyện");
  const { header, rows, first } = table(s, "Mã huyện");

  it("has one row per district with counts, shares, district criteria and status", () => {
    expect(header).toEqual([
      "Mã huyện",
      "Tên huyện",
      "Số xã",
      "Xã đạt NTM",
      "Tỷ lệ NTM",
      "Xã NTM nâng cao",
      "Tỷ lệ nâng cao",
      "Xã NTM kiểu mẫu",
      "Tỷ lệ kiểu mẫu",
      "Xã < 15 TC",
      "Bình quân TC/xã",
      "H1",
      "H2",
      "Trạng thái",
    ]);
    expect(rows).toEqual([
      ["436", "Huyện Một", 3, 1, 1 / 3, 1, 1 / 3, 0, 0, 0, 17.67, "Chưa đạt", "Chưa đạt", "Chưa đạt chuẩn"],
      ["437", "Thị xã Hai", 2, 1, 0.5, 0, 0, 0, 0, 1, 15.5, "Chưa đạt", "Đạt", "Chưa đạt chuẩn"],
    ]);
  });

  it("formats shares as 0.0% with data bars", () => {
    const r0 = first + 1;
    const r1 = first + rows.length;
    for (const c of ["E", "G", "I"]) {
      expect(s.numberFormats).toContainEqual({ range: `${c}${r0}:${c}${r1}`, format: "0.0%" });
      expect(s.conditionalFormats).toContainEqual({
        kind: "dataBar",
        range: `${c}${r0}:${c}${r1}`,
        color: "5B9BD5",
      });
    }
    expect(s.numberFormats).toContainEqual({ range: `K${r0}:K${r1}`, format: "0.0" });
  });

  it("says there is no district level when there is none", () => {
    const result = fixtureResult();
    result.localities = result.localities.filter((l) => l.level !== "district");
    result.rollups = result.rollups.filter((r) => r.level !== "district");
    const s2 = sheet(planOf({ result }), "KQ Huyện");
    expect(s2.rows[s2.rows.length - 1]).toEqual([t("vi", "render.districts.none")]);
  });
});

describe("KQ Tỉnh", () => {
  const s = sheet(planOf(), "KQ Tỉnh");

  it("summarises attainment: communes, NTM n/N and share, advanced, model, below 15, average, districts", () => {
    const { header, rows } = table(s, "Nội dung");
    expect(header).toEqual(["Nội dung", "Số lượng", "Tổng số", "Tỷ lệ"]);
    expect(rows).toEqual([
      ["Số xã", 5],
      ["Xã đạt chuẩn NTM", 2, 5, 0.4],
      ["Xã đạt chuẩn NTM nâng cao", 1, 5, 0.2],
      ["Xã đạt chuẩn NTM kiểu mẫu", 0, 5, 0],
      ["Xã đạt dưới 15 tiêu chí", 1, 5, 0.2],
      ["Bình quân số tiêu chí/xã", 16.8],
      ["Huyện đạt chuẩn NTM / hoàn thành nhiệm vụ", 0, 2, 0],
      ["Huyện đạt chuẩn NTM nâng cao", 0, 2, 0],
      ["Kết quả của tỉnh", "Chưa hoàn thành nhiệm vụ xây dựng NTM"],
    ]);
  });

  it("lists the province requirements with each indicator's value and threshold", () => {
    const { rows } = table(s, "Yêu cầu / chỉ tiêu");
    expect(rows).toEqual([
      ["T1 – Huyện đạt chuẩn", null, null, "Chưa đạt"],
      ["    T.1 – Tỷ lệ huyện đạt chuẩn", 0, "≥ 100 %", "Chưa đạt", "Có"],
      ["T4 – Xã nâng cao", null, null, "Chưa rõ"],
      ["    T.4 – Chỉ tiêu T.4", 20, "", "Chưa có ngưỡng", "Không"],
    ]);
  });

  it("shows targets with scope, year, target, actual, status and gap, each in its metric's format", () => {
    const { rows, first } = table(s, "Chỉ số");
    expect(rows[0]).toEqual(["Tỷ lệ xã đạt chuẩn NTM", "Hà Tĩnh", 2025, "≥", 0.8, 0.4, "Chưa đạt", 0.4]);
    expect(rows[2][6]).toBe("Đạt");
    expect(rows[3][6]).toBe("Đang thực hiện");
    expect(rows[4][1]).toBe("Huyện Một");
    expect(s.numberFormats).toContainEqual({ range: `E${first + 1}:F${first + 1}`, format: "0.0%" });
    expect(s.numberFormats).toContainEqual({ range: `E${first + 4}:F${first + 4}`, format: "0.0" });
    expect(s.conditionalFormats).toContainEqual({
      kind: "textEquals",
      range: `G${first + 1}:G${first + rows.length}`,
      text: "Đang thực hiện",
      style: "unknown",
    });
  });

  it("lists bottleneck indicators hardest first, with a data bar on the share", () => {
    const bottleneckHeader = s.rows.findIndex((r) => r[0] === "Nội dung" && r[1] === "Tiêu chí");
    const list = s.rows.slice(bottleneckHeader + 1, bottleneckHeader + 4);
    expect(list).toEqual([
      ["2.1 – Tỷ lệ đường xã được cứng hóa", "2", 5, 3, 0.6],
      ["5 – Trường học đạt chuẩn", "5", 4, 3, 0.75],
      ["10 – Thu nhập 2024", "10", 4, 3, 0.75],
    ]);
    expect(s.conditionalFormats).toContainEqual({
      kind: "dataBar",
      range: `E${bottleneckHeader + 2}:E${bottleneckHeader + 4}`,
      color: "5B9BD5",
    });
  });

  it("shows the province funding mix: plan, share, share without credit, actual and disbursement", () => {
    const { header, rows, first } = table(s, "Nguồn vốn");
    expect(header).toEqual([
      "Nguồn vốn",
      "Kế hoạch (triệu đồng)",
      "Tỷ lệ",
      "Tỷ lệ không tính tín dụng",
      "Thực hiện (triệu đồng)",
      "Tỷ lệ giải ngân",
    ]);
    expect(rows.map((r) => r[0])).toEqual([
      "Tổng số",
      "Ngân sách nhà nước",
      "    Ngân sách trung ương",
      "    Ngân sách địa phương",
      "Vốn lồng ghép",
      "Vốn tín dụng",
      "Doanh nghiệp, HTX",
      "Cộng đồng, người dân",
      "Huy động khác",
    ]);
    expect(rows[0]).toEqual(["Tổng số", 10000, 1, null, 6000, 0.6]);
    expect(rows[5]).toEqual(["Vốn tín dụng", 4000, 0.4, null, 3000, 0.75]);
    expect(rows[1][3]).toBeCloseTo(0.5);
    const r0 = first + 1;
    const r1 = first + rows.length;
    expect(s.numberFormats).toContainEqual({ range: `B${r0}:B${r1}`, format: "#,##0" });
    expect(s.numberFormats).toContainEqual({ range: `C${r0}:D${r1}`, format: "0.0%" });
    expect(s.conditionalFormats).toContainEqual({
      kind: "dataBar",
      range: `C${r0 + 1}:C${r1}`,
      color: "5B9BD5",
    });
  });
});

describe("KQ Nguồn vốn", () => {
  const s = sheet(planOf(), "KQ Nguồn vốn");
  const { header, rows, first } = table(s, "Mã địa phương");

  it("has one row per locality with money, province first, with the six root sources' amounts and shares", () => {
    expect(header.slice(0, 6)).toEqual([
      "Mã địa phương",
      "Tên địa phương",
      "Cấp",
      "Tổng kế hoạch (triệu đồng)",
      "Ngân sách nhà nước (triệu đồng)",
      "Tỷ lệ Ngân sách nhà nước",
    ]);
    expect(header).toHaveLength(4 + 12 + 2);
    expect(header.slice(-2)).toEqual(["Thực hiện (triệu đồng)", "Tỷ lệ giải ngân"]);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ["42", "Tỉnh"],
      ["436", "Huyện"],
      ["18349", "Xã"],
    ]);
    expect(rows[0].slice(3, 10)).toEqual([10000, 3000, 0.3, 1000, 0.1, 4000, 0.4]);
    expect(rows[1].slice(-2)).toEqual([2000, 1]);
    expect(s.numberFormats).toContainEqual({ range: `D${first + 1}:D${first + 3}`, format: "#,##0" });
    expect(s.numberFormats).toContainEqual({ range: `F${first + 1}:F${first + 3}`, format: "0.0%" });
  });

  it("ends with the funding flags, naming each locality", () => {
    const h = s.rows.findIndex((r, i) => i > first && r[0] === "Mã địa phương");
    expect(s.rows[h - 1]).toEqual(["Cảnh báo về nguồn vốn"]);
    expect(s.rows.slice(h + 1)).toEqual([
      ["18301", "Xã Hai A", "2", null, null, "Tiêu chí chưa đạt nhưng chưa bố trí vốn"],
      ["18301", "Xã Hai A", "10", null, null, "Tiêu chí chưa đạt nhưng chưa bố trí vốn"],
      ["436", "Huyện Một", null, 0.5, 1, "Vốn đối ứng thấp hơn tỷ lệ yêu cầu"],
    ]);
  });
});

describe("KQ Cảnh báo", () => {
  it("lists issues by severity, then sheet, then row, with messages in the chosen language", () => {
    const s = sheet(planOf(), "KQ Cảnh báo");
    const { header, rows } = table(s, "Mức độ");
    expect(header).toEqual(["Mức độ", "Trang tính", "Ô", "Nội dung", "Mã"]);
    expect(rows).toEqual([
      ["Lỗi", "Danh mục", "A2", "FIXTURE_ERROR (value: z)", "FIXTURE_ERROR"],
      ["Lỗi", COMMUNE_SHEET, "AA3", "FIXTURE_ERROR (value: x)", "FIXTURE_ERROR"],
      ["Lỗi", COMMUNE_SHEET, "C12", "FIXTURE_ERROR (value: y)", "FIXTURE_ERROR"],
      ["Cảnh báo", COMMUNE_SHEET, "B10", "FIXTURE_WARNING (code: 18301)", "FIXTURE_WARNING"],
      ["Thông tin", "", "", "FIXTURE_INFO", "FIXTURE_INFO"],
    ]);
    const en = table(sheet(planOf({ lang: "en" }), "Res Issues"), "Severity").rows;
    expect(en.map((r) => r[0])).toEqual(["Error", "Error", "Error", "Warning", "Info"]);
  });
});

describe("output names", () => {
  it("writes to 'KQ Xã (2)' when the user has a sheet named 'KQ Xã', and says so", () => {
    const { plan, issues } = renderResults(args({ existingSheets: [...EXISTING, "KQ Xã"] }));
    expect(plan.sheets.map((s) => s.name)).toContain("KQ Xã (2)");
    expect(plan.sheets.map((s) => s.name)).not.toContain("KQ Xã");
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "OUTPUT_NAME_TAKEN",
        sheet: "KQ Xã",
        params: { name: "KQ Xã", used: "KQ Xã (2)" },
      },
    ]);
    const listed = table(sheet(plan, "KQ Cảnh báo"), "Mức độ").rows.find((r) => r[4] === "OUTPUT_NAME_TAKEN");
    expect(listed?.[3]).toBe(
      "Trang tính «KQ Xã» đã có trong sổ và không do NTM Planner tạo; kết quả được ghi vào «KQ Xã (2)».",
    );
    expect(plan.meta.ownedSheets).not.toContain("KQ Xã");
  });

  it("replaces its own sheets and keeps owning earlier ones that still exist", () => {
    const existing = [...EXISTING, "KQ Xã", "Res Communes", "KQ_DD_1", "KQ_DD_3"];
    const meta = {
      version: 1 as const,
      ownedSheets: ["KQ Xã", "Res Communes", "KQ_DD_1", "KQ_DD_3", "Gone"],
    };
    const { plan, issues } = renderResults(args({ existingSheets: existing, meta }));
    expect(issues).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual([...VI, "KQ_DD_1", "KQ_DD_2", "KQ_DD_3"]);
    expect(plan.meta.ownedSheets).toEqual([...VI, "KQ_DD_1", "KQ_DD_2", "KQ_DD_3", "Res Communes"]);
    // The stale marks sheet is emptied so rules of the earlier run that read it colour nothing.
    expect(sheet(plan, "KQ_DD_3")).toEqual({ name: "KQ_DD_3", rows: [], hidden: true });
  });
});

describe("highlighting the input sheets", () => {
  const plan = planOf();
  const result = fixtureResult();

  it("puts a mark at the same address as every input cell not met: 1 not met, 2 near, 3 missing/invalid/no threshold", () => {
    const marksOf: Record<string, SheetSpec> = {
      [DISTRICT_SHEET]: sheet(plan, "KQ_DD_1"),
      [COMMUNE_SHEET]: sheet(plan, "KQ_DD_2"),
    };
    const expected = new Map<string, number>();
    const code = { notMet: 1, near: 2, missing: 3, invalid: 3, noThreshold: 3 } as Record<string, number>;
    for (const l of result.localities) {
      for (const i of Object.values(l.indicators)) {
        if (!i.ref || i.outcome === "met") continue;
        const k = `${i.ref.sheet}!${i.ref.cell}`;
        expected.set(k, Math.min(expected.get(k) ?? 9, code[i.outcome]));
      }
    }
    const actual = new Map<string, number>();
    for (const [input, marks] of Object.entries(marksOf)) {
      marks.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined)
            actual.set(`${input}!${String.fromCharCode(65 + c)}${r + 1}`, v as number);
        }),
      );
    }
    expect(actual).toEqual(expected);
    expect(at(marksOf[COMMUNE_SHEET], "E8")).toBe(2);
    expect(at(marksOf[COMMUNE_SHEET], "G8")).toBe(1); // income met for NTM, not met for advanced
    expect(at(marksOf[COMMUNE_SHEET], "G9")).toBe(3);
    expect(at(marksOf[COMMUNE_SHEET], "E7")).toBeUndefined(); // all met
  });

  it("adds three formula rules over the bounding range of the marks, reading the hidden sheet", () => {
    expect(plan.inputHighlights!).toEqual([
      {
        sheet: DISTRICT_SHEET,
        rules: [
          { kind: "formula", range: "D5:D5", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=1", style: "notMet" },
          { kind: "formula", range: "D5:D5", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=2", style: "near" },
          { kind: "formula", range: "D5:D5", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=3", style: "unknown" },
        ],
      },
      {
        sheet: COMMUNE_SHEET,
        rules: [
          { kind: "formula", range: "E8:J11", formula: "=INDEX(NTM_DD_2,ROW(),COLUMN())=1", style: "notMet" },
          { kind: "formula", range: "E8:J11", formula: "=INDEX(NTM_DD_2,ROW(),COLUMN())=2", style: "near" },
          {
            kind: "formula",
            range: "E8:J11",
            formula: "=INDEX(NTM_DD_2,ROW(),COLUMN())=3",
            style: "unknown",
          },
        ],
      },
    ]);
    expect(plan.names).toEqual([
      { name: "NTM_DD_1", sheet: "KQ_DD_1", range: "A1:D5" },
      { name: "NTM_DD_2", sheet: "KQ_DD_2", range: "A1:J11" },
    ]);
  });

  it("clears the rules of an input sheet whose cells are all met now, and writes no marks sheet for it", () => {
    const r = fixtureResult();
    for (const l of r.localities) if (l.level === "district") l.indicators["H.2"].outcome = "met";
    const p = planOf({ result: r });
    expect(p.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["KQ_DD_1"]);
    expect(p.inputHighlights![0]).toEqual({ sheet: DISTRICT_SHEET, rules: [] });
    expect(p.inputHighlights![1].rules[0]).toMatchObject({
      kind: "formula",
      formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=1",
    });
  });
});

describe("every sheet", () => {
  const plans = [planOf(), planOf({ lang: "en", sampleNote: "Sample" })];

  it("fills only header and title rows: never a row with numbers, never a highlighted range", () => {
    for (const plan of plans) {
      for (const s of plan.sheets) {
        for (const span of (s.styles ?? []).filter((x) => x.fill)) {
          const r = parseRangeAddress(span.range);
          expect(r).not.toBeNull();
          if (!r) continue;
          expect(r.end.row).toBe(r.start.row);
          const row = s.rows[r.start.row];
          expect(row.every((c) => c === null || typeof c === "string")).toBe(true);
          for (const cf of s.conditionalFormats ?? []) {
            const q = parseRangeAddress(cf.range);
            expect(q && q.start.row <= r.start.row && r.start.row <= q.end.row).toBeFalsy();
          }
        }
      }
    }
  });

  it("uses only bounded A1 ranges that lie within the rows written", () => {
    for (const plan of plans) {
      for (const s of plan.sheets) {
        const ranges = [
          ...(s.styles ?? []).map((x) => x.range),
          ...(s.numberFormats ?? []).map((x) => x.range),
          ...(s.conditionalFormats ?? []).map((x) => x.range),
        ];
        for (const range of ranges) {
          const r = parseRangeAddress(range);
          expect(r).not.toBeNull();
          expect(r?.end.row).toBeLessThan(s.rows.length);
        }
        expect(s.name.length).toBeLessThanOrEqual(31);
        expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      }
      for (const h of plan.inputHighlights!)
        for (const rule of h.rules) expect(parseRangeAddress(rule.range)).not.toBeNull();
    }
  });

  it("uses 0.0% for shares and #,##0 for amounts", () => {
    const formats = new Set(plans[0].sheets.flatMap((s) => (s.numberFormats ?? []).map((f) => f.format)));
    expect(formats).toEqual(new Set(["0.0%", "#,##0", "0.0#", "0.0", "0", "0.00"]));
  });
});
