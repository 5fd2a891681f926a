import fc from "fast-check";
import {
  catalogCriteria,
  catalogIndicators,
  FUNDING_CATEGORIES,
  HA_TINH_TARGETS,
  toSourceNodes,
} from "../../catalog";
import type { IndicatorDef, Issue, ThresholdRule } from "../../domain/types";
import { t } from "../../i18n";
import type { CellValue, SheetGrid, ToolMeta, WorkbookPort, WritePlan } from "../port";
import { XlsxWorkbookPort } from "../../xlsx/xlsxPort";
import { readInputs, readWorkbook, type ReadResult } from "./reader";
import { buildTemplate, criteriaNote, rowConfirmed, specToGrid, type TemplateOptions } from "../template";

// ---------------------------------------------------------------- helpers

function grid(name: string, rows: CellValue[][], numberFormats?: (string | null)[][]): SheetGrid {
  return numberFormats ? { name, values: rows, numberFormats } : { name, values: rows };
}

function issuesOf(result: ReadResult, code: string): Issue[] {
  return result.issues.filter((i) => i.code === code);
}

function errors(result: ReadResult): Issue[] {
  return result.issues.filter((i) => i.severity === "error");
}

function locality(result: ReadResult, code: string) {
  const loc = result.input.localities.find((l) => l.code === code);
  if (!loc) throw new Error(`no locality ${code}`);
  return loc;
}

function valueOf(result: ReadResult, code: string, dataCode: string) {
  return locality(result, code).values[dataCode];
}

function sortRules(rules: ThresholdRule[]): ThresholdRule[] {
  const key = (r: ThresholdRule) => `${r.region ?? ""}|${r.group ?? ""}`;
  return [...rules].sort((a, b) => key(a).localeCompare(key(b)));
}

// ---------------------------------------------------------------- round trip

const SAMPLE = "DỮ LIỆU MẪU – không phải số liệu chính thức";

const ROUND_TRIP: TemplateOptions = {
  setId: "2021-2025",
  provinceCode: "42",
  provinceName: "Hà Tĩnh",
  year: 2024,
  lang: "vi",
  nearMargin: 0.15,
  counterpartRatio: 0.5,
  sampleNote: SAMPLE,
  issuer: "UBND tỉnh Hà Tĩnh",
  signerTitle: "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
  signer: "Nguyễn Văn A",
  recipients: "Bộ Nông nghiệp và Môi trường; Lưu: VT",
  thresholdOverrides: [
    { code: "2.1", values: { BTB: 100, TDMNPB: 70 }, note: "Số minh họa." },
    { code: "10", year: 2024, values: { BTB: 58.5 } },
    { code: "1.1", values: { BTB: true } },
  ],
  province: { code: "42", name: "Hà Tĩnh", values: { "T.5": true, "T.6": 72.5, "T.7": 4.2, "T.8": 91 } },
  districts: [
    {
      code: "436",
      name: "Thành phố Hà Tĩnh",
      unitType: "Thành phố",
      parent: "42",
      values: { "H.3": 100, "H.4": 93, "H.5": true },
    },
    {
      code: "444",
      name: "Huyện Hương Khê",
      unitType: "Huyện",
      parent: "42",
      values: { "H.4": 88.5, "H.5": false },
    },
  ],
  communes: [
    {
      code: "18070",
      name: "Phường Trần Phú",
      parent: "436",
      unitType: "Phường",
      values: { "2.1": 100, "1.1": true, "10": 72.4 },
    },
    {
      code: "18499",
      name: "Xã Điền Mỹ",
      parent: "444",
      unitType: "Xã",
      dbkk: true,
      values: { "2.1": 85.5, "1.1": false, "10": 41, "5": 100 },
    },
    {
      code: "18502",
      name: "Xã Hà Linh",
      parent: "444",
      unitType: "Xã",
      region: "TDMNPB",
      atkPoorDistrict: true,
      values: { "2.2": 64 },
    },
  ],
  villages: [{ code: "T-18502-01", name: "Thôn 1", parent: "18502" }],
  budgetLines: [
    {
      locality: "18499",
      year: 2024,
      kind: "plan",
      programme: "CTMTQG NTM",
      criterion: "2",
      description: "Bê tông hóa đường trục xã",
      amounts: { NSTW: 1500, NS_TINH: 800.5, NHAN_DAN: 120 },
    },
    { locality: "18499", year: 2024, kind: "actual", criterion: "2", amounts: { NSTW: 1200, TD_CS: 300 } },
    { locality: "444", kind: "plan", amounts: { NSNN: 5000 } },
  ],
};

describe("template → grids → readInputs (round trip)", () => {
  const specs = buildTemplate(ROUND_TRIP);
  const result = readInputs(specs.map(specToGrid));

  it("raises no error, and no issue at all", () => {
    expect(result.issues).toEqual([]);
  });

  it("finds every input sheet by its Vietnamese name", () => {
    expect(result.roles).toEqual({
      settings: "Thiết lập",
      criteria: "Chỉ tiêu",
      communes: "Dữ liệu xã",
      districts: "Dữ liệu huyện",
      province: "Dữ liệu tỉnh",
      villages: "Dữ liệu thôn",
      budget: "Nguồn vốn",
      targets: "Mục tiêu",
    });
  });

  it("reads the settings back", () => {
    expect(result.settings).toMatchObject({
      provinceName: "Hà Tĩnh",
      provinceCode: "42",
      region: "BTB",
      year: 2024,
      setId: "2021-2025",
      nearMargin: 0.15,
      lang: "vi",
      numberStyle: "vi",
      moneyUnit: "triệu đồng",
      counterpartRatio: 0.5,
      dataNote: SAMPLE,
      issuer: "UBND tỉnh Hà Tĩnh",
      signerTitle: "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
      signer: "Nguyễn Văn A",
      recipients: "Bộ Nông nghiệp và Môi trường; Lưu: VT",
    });
    expect(result.settings.refs.year).toEqual({ sheet: "Thiết lập", cell: "B8" });
    expect(result.options).toEqual({
      setId: "2021-2025",
      year: 2024,
      region: "BTB",
      nearMargin: 0.15,
      counterpartRatio: 0.5,
    });
  });

  it("gives back every indicator as the template wrote it", () => {
    const catalog = catalogIndicators("2021-2025", "42");
    expect(result.input.indicators).toHaveLength(catalog.length);
    catalog.forEach((def, i) => {
      const override = ROUND_TRIP.thresholdOverrides!.find(
        (o) => o.code === def.code && (o.year === undefined || o.year === def.year),
      );
      const confirmed = rowConfirmed(def, override !== undefined);
      const rules: ThresholdRule[] = def.thresholds
        .filter((r) => r.value !== null)
        .map((r) => ({ ...r, confirmed }));
      for (const [scope, value] of Object.entries(override?.values ?? {})) {
        const existing = rules.find((r) => r.region === scope);
        if (existing) existing.value = value!;
        else rules.push({ region: scope as ThresholdRule["region"], value: value!, confirmed });
      }
      const expected: IndicatorDef = {
        code: def.code,
        criterion: def.criterion,
        nameVi: def.nameVi,
        nameEn: def.nameEn,
        unit: def.unit,
        kind: def.kind,
        comparator: def.comparator,
        level: def.level,
        tier: def.tier,
        thresholds: sortRules(rules),
        source: def.source,
        confirmed,
        ...(def.year !== undefined ? { year: def.year } : {}),
        ...(def.derived ? { derived: def.derived } : {}),
        ...(def.dataCode ? { dataCode: def.dataCode } : {}),
        ...(def.department ? { department: def.department } : {}),
        ...(criteriaNote(def, override, "vi") ? { note: criteriaNote(def, override, "vi") } : {}),
      };
      const got = {
        ...result.input.indicators[i],
        thresholds: sortRules(result.input.indicators[i].thresholds),
      };
      expect(got.origin).toEqual({ sheet: "Chỉ tiêu", cell: `A${5 + i}` });
      delete got.origin;
      expect(got).toEqual(expected);
    });
  });

  it("gives back the criteria of the catalog", () => {
    const catalog = catalogCriteria("2021-2025", "42").map(
      ({ code, nameVi, nameEn, level, tier, national }) => ({
        code,
        nameVi,
        nameEn,
        level,
        tier,
        national,
      }),
    );
    expect([...result.input.criteria].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...catalog].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it("gives back the localities with their hierarchy, flags and values", () => {
    expect(result.input.localities.map((l) => [l.level, l.code, l.parent])).toEqual([
      ["province", "42", undefined],
      ["district", "436", "42"],
      ["district", "444", "42"],
      ["commune", "18070", "436"],
      ["commune", "18499", "444"],
      ["commune", "18502", "444"],
      ["village", "T-18502-01", "18502"],
    ]);
    expect(locality(result, "42")).toMatchObject({
      name: "Hà Tĩnh",
      region: "BTB",
      ref: { sheet: "Dữ liệu tỉnh", cell: "A5" },
    });
    expect(locality(result, "18499")).toMatchObject({ name: "Xã Điền Mỹ", unitType: "Xã", dbkk: true });
    expect(locality(result, "18502")).toMatchObject({ region: "TDMNPB", atkPoorDistrict: true });
    expect(locality(result, "18070").dbkk).toBeUndefined();
    expect(locality(result, "444").unitType).toBe("Huyện");

    const plain = (code: string) =>
      Object.fromEntries(
        Object.entries(locality(result, code).values)
          .filter(([, v]) => v.kind === "value")
          .map(([k, v]) => [k, (v as { value: number | boolean }).value]),
      );
    expect(plain("42")).toEqual({ "T.5": true, "T.6": 72.5, "T.7": 4.2, "T.8": 91 });
    expect(plain("436")).toEqual({ "H.3": 100, "H.4": 93, "H.5": true });
    expect(plain("444")).toEqual({ "H.4": 88.5, "H.5": false });
    expect(plain("18070")).toEqual({ "2.1": 100, "1.1": true, "10": 72.4 });
    expect(plain("18499")).toEqual({ "2.1": 85.5, "1.1": false, "10": 41, "5": 100 });
    expect(plain("18502")).toEqual({ "2.2": 64 });
    // Blank cells are kept as missing values with their cell, for highlighting.
    expect(valueOf(result, "18502", "2.1")).toEqual({
      kind: "missing",
      ref: { sheet: "Dữ liệu xã", cell: expect.any(String) },
    });
    // No "@" metric is ever read from a sheet.
    expect(Object.keys(locality(result, "436").values).some((k) => k.startsWith("@"))).toBe(false);
  });

  it("gives back the budget lines with the cell of every amount", () => {
    expect(result.input.budgetLines.map(({ ref: _r, cells: _c, ...line }) => line)).toEqual(
      ROUND_TRIP.budgetLines!.map((l) => ({ ...l })),
    );
    const first = result.input.budgetLines[0];
    expect(first.ref).toEqual({ sheet: "Nguồn vốn", cell: "A5" });
    const nstwCol = 7 + FUNDING_CATEGORIES.findIndex((c) => c.code === "NSTW");
    expect(first.cells!.NSTW).toEqual({ sheet: "Nguồn vốn", cell: `${String.fromCharCode(65 + nstwCol)}5` });
    expect(result.input.sources).toEqual(toSourceNodes());
  });

  it("gives back Hà Tĩnh's seed targets as fractions", () => {
    expect(
      result.input.targets.map(({ metric, year, value, comparator, scope }) => ({
        metric,
        year,
        value,
        comparator,
        scope,
      })),
    ).toEqual(
      HA_TINH_TARGETS.map(({ metric, year, value, comparator }) => ({
        metric,
        year,
        value,
        comparator,
        scope: undefined,
      })),
    );
    expect(result.input.targets[0].ref).toEqual({ sheet: "Mục tiêu", cell: "A5" });
  });

  it("round-trips an English 2026-2030 workbook too", () => {
    const specs2 = buildTemplate({
      setId: "2026-2030",
      provinceCode: "42",
      provinceName: "Hà Tĩnh",
      year: 2026,
      lang: "en",
      thresholdOverrides: [{ code: "1", values: { group1: true, group2: true } }],
      communes: [
        {
          code: "18073",
          name: "Phường Thành Sen",
          unitType: "Ward",
          group: 1,
          values: { "1": true, "2": false },
        },
      ],
      targets: [{ metric: "communeNtmShare", year: 2030, value: 0.9, note: "Plan 2026-2030" }],
    });
    const r = readInputs(specs2.map(specToGrid));
    expect(errors(r)).toEqual([]);
    expect(r.roles.criteria).toBe("Indicators");
    expect(r.options).toMatchObject({ setId: "2026-2030", year: 2026, region: "BTB" });
    expect(r.settings.lang).toBe("en");
    const one = r.input.indicators.find((i) => i.code === "1")!;
    expect(sortRules(one.thresholds)).toEqual([
      { group: 1, value: true, confirmed: false },
      { group: 2, value: true, confirmed: false },
    ]);
    expect(locality(r, "18073")).toMatchObject({ group: 1, parent: "42", unitType: "Ward" });
    expect(valueOf(r, "18073", "1")).toMatchObject({ kind: "value", value: true });
    expect(valueOf(r, "18073", "2")).toMatchObject({ kind: "value", value: false });
    expect(r.input.targets).toEqual([
      {
        metric: "communeNtmShare",
        year: 2030,
        value: 0.9,
        comparator: ">=",
        note: "Plan 2026-2030",
        ref: { sheet: "Targets", cell: "A5" },
      },
    ]);
  });
});

describe("round trip property", () => {
  it("reads back any commune values the template writes (percent points, numbers, Đạt/Không đạt, blanks)", () => {
    const percent = fc.option(
      fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
      { nil: null },
    );
    const amount = fc.option(
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10),
      { nil: null },
    );
    const pass = fc.option(fc.boolean(), { nil: null });
    const commune = fc.record({ p21: percent, p22: percent, income: amount, plan: pass, school: percent });
    fc.assert(
      fc.property(fc.array(commune, { minLength: 1, maxLength: 6 }), (rows) => {
        const specs = buildTemplate({
          setId: "2021-2025",
          provinceCode: "42",
          year: 2024,
          lang: "vi",
          communes: rows.map((r, i) => ({
            code: String(18000 + i),
            name: `Xã ${i}`,
            values: { "2.1": r.p21, "2.2": r.p22, "10": r.income, "1.1": r.plan, "5": r.school },
          })),
        });
        const result = readInputs(specs.map(specToGrid));
        expect(errors(result)).toEqual([]);
        rows.forEach((r, i) => {
          const values = locality(result, String(18000 + i)).values;
          const expected = { "2.1": r.p21, "2.2": r.p22, "10": r.income, "1.1": r.plan, "5": r.school };
          for (const [code, v] of Object.entries(expected)) {
            if (v === null) expect(values[code].kind).toBe("missing");
            else expect(values[code]).toMatchObject({ kind: "value", value: v });
          }
        });
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------- tolerant reading

const NFD = (s: string) => s.normalize("NFD");

function tolerantWorkbook(): SheetGrid[] {
  return [
    grid("Instructions", [["Anything here is never read", "Mã xã", "2.1"]]),
    grid("Settings", [
      ["Settings"],
      ["Province", "Hà Tĩnh"],
      ["Province code", 42],
      ["Evaluation year", "2024"],
      ["Criteria set", "2021 - 2025"],
      ["Near-miss margin", "15%"],
      ["Number style", "1.234,5"],
    ]),
    grid("Indicators", [
      ["Bộ chỉ tiêu xã NTM của tỉnh (bản làm việc)"],
      [
        NFD("Nội dung chỉ tiêu"),
        "Ma chi tieu",
        "Tieu chi",
        "BTB",
        "Kieu gia tri",
        "So sánh",
        "Don vi",
        "Loai",
        "Cap",
        "Nam ap dung",
        "Nguong tinh tu",
        "Cot so lieu",
        "Da xac nhan",
      ],
      ["Đường xã", "2.1", "2", 100, "%", "≥", "%", "NTM", "Xã", null, null, null, "Có"],
      ["Đường thôn", "2.2", "2", "80%", "Tỷ lệ", ">=", "%", null, null, null, null, null, "Không"],
      ["Đường ngõ", "2.3", "2", 50, null, null, "%", null, null, null, null, null, null],
      ["Quy hoạch", "1.1", "1", "Đạt", "Đạt/Không", "Đạt", null, "NTM", "Xã", null, null, null, "x"],
      ["Thu nhập 2024", 10, "10", "45,5", "Số", ">=", "triệu đồng", null, null, 2024, null, null, null],
      ["Thu nhập 2025", "10", "10", 50, "Số", ">=", "triệu đồng", null, null, 2025, null, null, null],
      [
        "Thu nhập NC 2024",
        "NC.10",
        "10",
        55,
        "Số",
        ">=",
        "triệu đồng",
        "Nâng cao",
        null,
        2024,
        null,
        "10",
        null,
      ],
      [
        "Thu nhập KM",
        "KM.2",
        "KM",
        null,
        "Số",
        ">=",
        "triệu đồng",
        "Kiểu mẫu",
        null,
        null,
        "1,1 x NC.10",
        "10",
        null,
      ],
      ["Giao thông nội đồng", "2.4", "2", 70, "%", "~", "%", null, null, null, null, null, null],
      ["Thủy lợi", "3.1", "3", "cao", "%", ">=", "%", null, null, null, null, null, null],
      ["Đường xã (lặp)", "2.1", "2", 90, "%", ">=", "%", null, null, null, null, null, null],
      ["Điện", "4.1", "4", "Đạt", "Đạt/Không", "Đạt", null, "Xuất sắc", null, null, null, null, null],
      ["Hài lòng", "H.4", "H4", 90, "%", ">=", "%", null, "Huyện", null, null, null, "Có"],
    ]),
    grid("Du lieu xa", [
      ["BIỂU SỐ LIỆU XÃ NĂM 2024"],
      [
        "Ten xa",
        NFD("Mã xã"),
        "Ma huyen",
        "CT 2.1",
        "TC2.2",
        "Chỉ tiêu 1.1 – Quy hoạch",
        "10 – Thu nhập (triệu đồng)",
        "3.1",
        "9.9 – Chỉ tiêu lạ",
        "Ghi chú riêng",
      ],
      ["Xã Điền Mỹ", "18499", "444", "85%", 0.9, "Đạt", "1.234,5", 80, 1, "ok"],
      ["Xã Hà Linh", 18502, "444", 70, 0.75, "x", { error: "#N/A" }, 75, null, null],
      ["Xã Hương Thủy", "18505", "444", 100, 1, "Không", "chưa có", "#N/A", null, null],
      ["Xã không mã", null, "444", 90, 0.5, null, null, null, null, null],
      ["Tổng cộng", null, null, null, null, null, null, null, null, null],
    ]),
    grid("District data", [
      ["District code", "District", "H.4 – Satisfaction (%)"],
      ["444", "Huyện Hương Khê", "92"],
    ]),
    grid("Budget", [
      [
        "Area code",
        "Year",
        "Type",
        "NSTW",
        "Ngân sách tỉnh",
        "Tín dụng chính sách",
        "Tín dụng",
        "Nhân dân đóng góp",
        "Tổng số",
      ],
      ["18499", 2024, "Giải ngân", "1.500", 300, 50, 20, "abc", 1870],
      ["18499", 2024, null, 2000, null, null, null, null, 2000],
      ["18499", "năm nay", "Tạm ứng", 10, null, null, null, null, 10],
    ]),
    grid("Targets", [
      ["Metric", "Year", "Value"],
      ["communeNtmShare", 2025, "100%"],
      ["Tỷ lệ xã NTM nâng cao", 2025, 0.5],
      ["communesBelow15", 2025, 0],
      ["Số xã hạnh phúc", 2025, 5],
    ]),
  ];
}

describe("readInputs on a hand-made workbook (tolerant reading)", () => {
  const result = readInputs(tolerantWorkbook());

  it("finds English and unaccented sheet names, and never reads the instructions", () => {
    expect(result.roles).toEqual({
      settings: "Settings",
      criteria: "Indicators",
      communes: "Du lieu xa",
      districts: "District data",
      budget: "Budget",
      targets: "Targets",
    });
  });

  it("reads English settings labels, a year typed as text and a margin typed as '15%'", () => {
    expect(result.options).toEqual({
      setId: "2021-2025",
      year: 2024,
      region: "BTB",
      nearMargin: 0.15,
      counterpartRatio: null,
    });
    expect(result.settings.numberStyle).toBe("vi");
  });

  it("reads the criteria below a title row, whatever the header spelling and column order", () => {
    const byCode = (code: string, year?: number) =>
      result.input.indicators.find((i) => i.code === code && i.year === year);
    expect(byCode("2.1")).toMatchObject({
      criterion: "2",
      nameVi: "Đường xã",
      kind: "percent",
      comparator: ">=",
      level: "commune",
      tier: "ntm",
      confirmed: true,
      thresholds: [{ region: "BTB", value: 100, confirmed: true }],
      origin: { sheet: "Indicators", cell: "B3" },
    });
    expect(byCode("2.2")!.thresholds).toEqual([{ region: "BTB", value: 80, confirmed: false }]);
    // Kind inferred from the unit, comparator defaulted.
    expect(byCode("2.3")).toMatchObject({
      kind: "percent",
      comparator: ">=",
      thresholds: [{ region: "BTB", value: 50 }],
    });
    expect(byCode("1.1")).toMatchObject({
      kind: "boolean",
      comparator: "pass",
      confirmed: true,
      thresholds: [{ region: "BTB", value: true }],
    });
    expect(byCode("10", 2024)!.thresholds).toEqual([{ region: "BTB", value: 45.5, confirmed: false }]);
    expect(byCode("10", 2025)!.thresholds[0].value).toBe(50);
    expect(byCode("NC.10", 2024)).toMatchObject({ tier: "advanced", dataCode: "10" });
    expect(byCode("KM.2")).toMatchObject({
      tier: "model",
      derived: { factor: 1.1, from: "NC.10" },
      dataCode: "10",
      thresholds: [],
    });
    expect(byCode("H.4")).toMatchObject({ level: "district" });
    expect(byCode("2.4")).toBeUndefined();
    expect(byCode("4.1")).toBeUndefined();
    expect(byCode("3.1")!.thresholds).toEqual([]);
  });

  it("skips criteria rows it cannot understand, naming the cell", () => {
    expect(issuesOf(result, "UNKNOWN_COMPARATOR")).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Indicators",
        cell: "F11",
        params: expect.objectContaining({ value: "~", code: "2.4" }),
      }),
    ]);
    expect(issuesOf(result, "UNKNOWN_TIER")).toEqual([
      expect.objectContaining({ severity: "error", cell: "H14" }),
    ]);
    expect(issuesOf(result, "INVALID_THRESHOLD")).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "D12",
        params: expect.objectContaining({ value: "cao", code: "3.1" }),
      }),
    ]);
    expect(issuesOf(result, "DUPLICATE_INDICATOR_ROW")).toEqual([
      expect.objectContaining({ cell: "B13", params: expect.objectContaining({ code: "2.1", first: "B3" }) }),
    ]);
  });

  it("reads CT 2.1 / TC2.2 / 'Chỉ tiêu 1.1 – …' columns, percent text, fraction columns and Đạt/x/Không", () => {
    expect(valueOf(result, "18499", "2.1")).toEqual({
      kind: "value",
      value: 85,
      ref: { sheet: "Du lieu xa", cell: "D3" },
    });
    expect(valueOf(result, "18502", "2.1")).toMatchObject({ kind: "value", value: 70 });
    expect(valueOf(result, "18499", "2.2")).toMatchObject({ kind: "value", value: 90 }); // 0,9 column read as fractions
    expect(valueOf(result, "18502", "2.2")).toMatchObject({ kind: "value", value: 75 });
    expect(valueOf(result, "18505", "2.2")).toMatchObject({ kind: "value", value: 100 });
    expect(valueOf(result, "18499", "1.1")).toMatchObject({ kind: "value", value: true });
    expect(valueOf(result, "18502", "1.1")).toMatchObject({ kind: "value", value: true });
    expect(valueOf(result, "18505", "1.1")).toMatchObject({ kind: "value", value: false });
    expect(valueOf(result, "18499", "10")).toMatchObject({ kind: "value", value: 1234.5 }); // "1.234,5" as text
    expect(valueOf(result, "18499", "3.1")).toMatchObject({ kind: "value", value: 80 });
    // Numeric commune code read as text; parent kept.
    expect(locality(result, "18502")).toMatchObject({ name: "Xã Hà Linh", parent: "444" });
  });

  it("keeps #N/A and text in number cells as invalid values, with an issue naming sheet and cell", () => {
    expect(valueOf(result, "18502", "10")).toEqual({
      kind: "invalid",
      raw: "#N/A",
      ref: { sheet: "Du lieu xa", cell: "G4" },
    });
    expect(valueOf(result, "18505", "10")).toMatchObject({ kind: "invalid", raw: "chưa có" });
    expect(valueOf(result, "18505", "3.1")).toMatchObject({ kind: "invalid", raw: "#N/A" });
    expect(issuesOf(result, "EXCEL_ERROR_VALUE").map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      "Du lieu xa!G4",
      "Du lieu xa!H5",
    ]);
    expect(issuesOf(result, "NOT_A_NUMBER")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Du lieu xa",
        cell: "G5",
        params: expect.objectContaining({
          value: "chưa có",
          code: "10",
          locality: "18505",
          sheet: "Du lieu xa",
          cell: "G5",
        }),
      }),
    ]);
  });

  it("skips a row without a code (but not a total row) and reports missing and unknown data columns", () => {
    expect(result.input.localities.filter((l) => l.level === "commune").map((l) => l.code)).toEqual([
      "18499",
      "18502",
      "18505",
    ]);
    expect(issuesOf(result, "BLANK_LOCALITY_CODE")).toEqual([
      expect.objectContaining({
        sheet: "Du lieu xa",
        cell: "B6",
        params: expect.objectContaining({ name: "Xã không mã" }),
      }),
    ]);
    expect(issuesOf(result, "MISSING_DATA_COLUMN")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Du lieu xa",
        params: expect.objectContaining({ code: "2.3" }),
      }),
    ]);
    expect(issuesOf(result, "UNKNOWN_CODE_COLUMN")).toEqual([
      expect.objectContaining({
        severity: "info",
        sheet: "Du lieu xa",
        cell: "I2",
        params: expect.objectContaining({ header: "9.9 – Chỉ tiêu lạ" }),
      }),
    ]);
  });

  it("makes the province from the settings when there is no province sheet", () => {
    expect(locality(result, "42")).toMatchObject({ level: "province", name: "Hà Tĩnh", region: "BTB" });
    expect(locality(result, "444")).toMatchObject({ level: "district", parent: "42" });
    expect(valueOf(result, "444", "H.4")).toMatchObject({ kind: "value", value: 92 });
    expect(issuesOf(result, "MISSING_SHEET").map((i) => [i.severity, i.params.name])).toEqual([
      ["info", "Dữ liệu tỉnh"],
    ]);
  });

  it("reads budget columns by code or alias, Vietnamese thousands, and flags bad amounts and kinds", () => {
    expect(result.input.budgetLines.map(({ cells: _c, ...l }) => l)).toEqual([
      {
        locality: "18499",
        year: 2024,
        kind: "actual",
        amounts: { NSTW: 1500, NS_TINH: 300, TD_CS: 50, TIN_DUNG: 20 },
        ref: { sheet: "Budget", cell: "A2" },
      },
      {
        locality: "18499",
        year: 2024,
        kind: "plan",
        amounts: { NSTW: 2000 },
        ref: { sheet: "Budget", cell: "A3" },
      },
    ]);
    expect(issuesOf(result, "BUDGET_AMOUNT_NOT_NUMBER")).toEqual([
      expect.objectContaining({
        cell: "H2",
        params: expect.objectContaining({ value: "abc", source: "NHAN_DAN" }),
      }),
    ]);
    expect(issuesOf(result, "UNKNOWN_BUDGET_KIND")).toEqual([expect.objectContaining({ cell: "C4" })]);
  });

  it("reads targets by key or label, shares typed as '100%' or 0.5, and skips unknown metrics", () => {
    expect(result.input.targets.map(({ metric, value, comparator }) => [metric, value, comparator])).toEqual([
      ["communeNtmShare", 1, ">="],
      ["communeAdvancedShare", 0.5, ">="],
      ["communesBelow15", 0, "<="],
    ]);
    expect(issuesOf(result, "UNKNOWN_TARGET_METRIC")).toEqual([
      expect.objectContaining({
        sheet: "Targets",
        cell: "A5",
        params: expect.objectContaining({ value: "Số xã hạnh phúc" }),
      }),
    ]);
  });

  it("renders every issue in Vietnamese and English, with its sheet and no unfilled placeholder", () => {
    expect(result.issues.length).toBeGreaterThan(10);
    for (const issue of result.issues) {
      for (const lang of ["vi", "en"] as const) {
        const text = t(lang, `issue.${issue.code}`, issue.params);
        expect(text).not.toMatch(/\{\w+\}/);
        if (issue.sheet) expect(text).toContain(issue.sheet);
        if (issue.cell && text.includes("ô ")) expect(text).toContain(issue.cell);
      }
    }
  });
});

describe("readInputs with missing pieces", () => {
  it("reports missing criteria and commune sheets as errors and still returns options", () => {
    const r = readInputs([grid("Thiết lập", [["Năm đánh giá", 2025]])]);
    expect(
      issuesOf(r, "MISSING_SHEET")
        .filter((i) => i.severity === "error")
        .map((i) => i.params.name),
    ).toEqual(["Chỉ tiêu", "Dữ liệu xã"]);
    expect(r.options).toMatchObject({ year: 2025, setId: "2021-2025", nearMargin: 0.1 });
    expect(issuesOf(r, "SETTINGS_REGION_MISSING")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
    expect(r.input.indicators).toEqual([]);
  });

  it("never throws on an empty workbook or on junk", () => {
    expect(() => readInputs([])).not.toThrow();
    const junk = readInputs([
      grid("Chỉ tiêu", [[null], [{ error: "#REF!" }, true, 3]]),
      grid("Dữ liệu xã", []),
      grid("Nguồn vốn", [["Mã địa bàn"], ["x"]]),
      grid("Mục tiêu", [["???"]]),
    ]);
    expect(issuesOf(junk, "MISSING_KEY_COLUMN").map((i) => i.sheet)).toEqual([
      "Chỉ tiêu",
      "Dữ liệu xã",
      "Mục tiêu",
    ]);
    expect(issuesOf(junk, "NO_FUNDING_COLUMNS")).toHaveLength(1);
    expect(issuesOf(junk, "SETTINGS_YEAR_MISSING")).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(junk.options.year).toBe(2021);
  });
});

// ---------------------------------------------------------------- mapping

describe("readInputs with a ColumnMapping for the planner's own layout", () => {
  const grids = [
    grid("Cấu hình chung", [
      ["Năm đánh giá", 2025],
      ["Mã tỉnh", "42"],
    ]),
    grid("Danh muc CT tinh", [
      ["UBND TỈNH HÀ TĨNH"],
      ["Danh mục chỉ tiêu áp dụng"],
      [null],
      ["STT", "Số hiệu", "Diễn giải", "Mức BTB", "Dấu"],
      [1, "2.1", "Đường xã", 100, ">="],
      [2, "1.1", "Quy hoạch", "Đạt", "Đạt"],
    ]),
    grid("So lieu 2025", [
      ["BIỂU 01"],
      ["Số liệu các xã"],
      ["Đơn vị: %"],
      ["TT", "Mã số", "Tên đơn vị hành chính", "Đường xã đã cứng hóa", "Quy hoạch được duyệt"],
      [1, "18499", "Xã Điền Mỹ", 95, "Đạt"],
      [2, "18502", "Xã Hà Linh", 60, "Không đạt"],
    ]),
  ];
  const result = readInputs(grids, {
    mapping: {
      sheets: { settings: "Cấu hình chung", criteria: "danh muc ct tinh", communes: "So lieu 2025" },
      headerRows: { criteria: 4, communes: 4 },
      columns: {
        criteria: { code: "B", nameVi: "C", "threshold.BTB": "D", comparator: "E" },
        communes: { code: "B", name: "C", "2.1": "D", "1.1": "E" },
      },
    },
  });

  it("uses the mapped sheets, header rows and columns", () => {
    expect(result.roles).toMatchObject({
      settings: "Cấu hình chung",
      criteria: "Danh muc CT tinh",
      communes: "So lieu 2025",
    });
    expect(
      result.input.indicators.map((i) => [i.code, i.nameVi, i.comparator, i.kind, i.thresholds]),
    ).toEqual([
      // The kind of a known code the sheet leaves out is the catalog's (2.1 is a share).
      ["2.1", "Đường xã", ">=", "percent", [{ region: "BTB", value: 100, confirmed: false }]],
      ["1.1", "Quy hoạch", "pass", "boolean", [{ region: "BTB", value: true, confirmed: false }]],
    ]);
    expect(valueOf(result, "18499", "2.1")).toEqual({
      kind: "value",
      value: 95,
      ref: { sheet: "So lieu 2025", cell: "D5" },
    });
    expect(valueOf(result, "18502", "2.1")).toMatchObject({ value: 60 });
    expect(valueOf(result, "18502", "1.1")).toMatchObject({ value: false });
    expect(locality(result, "18499")).toMatchObject({ name: "Xã Điền Mỹ", parent: "42" });
    expect(errors(result)).toEqual([]);
  });

  it("warns when a mapped sheet or column does not exist", () => {
    const r = readInputs(grids, {
      mapping: {
        sheets: { targets: "Không có", communes: "So lieu 2025" },
        columns: { communes: { code: "1B" } },
      },
    });
    expect(issuesOf(r, "MAPPED_SHEET_NOT_FOUND")).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ name: "Không có" }) }),
    ]);
    expect(issuesOf(r, "MAPPED_COLUMN_INVALID")).toEqual([
      expect.objectContaining({
        sheet: "So lieu 2025",
        params: expect.objectContaining({ key: "code", column: "1B" }),
      }),
    ]);
  });
});

// ---------------------------------------------------------------- port

describe("readWorkbook", () => {
  it("reads through a port with one sheetNames() and one readSheets() call, asking only for input sheets", async () => {
    const grids = buildTemplate({
      setId: "2021-2025",
      provinceCode: "42",
      provinceName: "Hà Tĩnh",
      year: 2025,
      lang: "vi",
    }).map(specToGrid);
    grids.push(
      grid("Kết quả xã", [
        ["Mã xã", "2.1"],
        ["x", "y"],
      ]),
    );
    const calls: string[] = [];
    let asked: string[] = [];
    const port: WorkbookPort = {
      sheetNames: async () => {
        calls.push("sheetNames");
        return grids.map((g) => g.name);
      },
      readSheets: async (names) => {
        calls.push("readSheets");
        asked = names;
        return grids.filter((g) => names.includes(g.name));
      },
      readMeta: async (): Promise<ToolMeta | null> => null,
      write: async (_plan: WritePlan) => undefined,
    };
    const r = await readWorkbook(port);
    expect(calls).toEqual(["sheetNames", "readSheets"]);
    // Every sheet but the instructions is read: a sheet's role is decided by what it holds.
    expect(asked).toEqual([
      "Thiết lập",
      "Chỉ tiêu",
      "Dữ liệu xã",
      "Dữ liệu huyện",
      "Dữ liệu tỉnh",
      "Nguồn vốn",
      "Mục tiêu",
      "Kết quả xã",
    ]);
    expect(errors(r)).toEqual([]);
    expect(r.options.year).toBe(2025);
  });
});

describe("through a real .xlsx file", () => {
  it("reads back the template written by the .xlsx port, with its number formats", async () => {
    const specs = buildTemplate(ROUND_TRIP);
    const writer = XlsxWorkbookPort.createEmpty();
    // Input sheets are the planner's: the tool's own sheets are never read as inputs.
    await writer.write({ sheets: [], inputSheets: specs, meta: { version: 1, ownedSheets: [] } });
    const reader = await XlsxWorkbookPort.fromBuffer(await writer.toBuffer());
    const fromFile = await readWorkbook(reader);
    const inMemory = readInputs(specs.map(specToGrid));
    expect(fromFile.issues).toEqual([]);
    expect(fromFile.options).toEqual(inMemory.options);
    expect(fromFile.input.indicators).toEqual(inMemory.input.indicators);
    expect(fromFile.input.localities).toEqual(inMemory.input.localities);
    expect(fromFile.input.budgetLines).toEqual(inMemory.input.budgetLines);
    expect(fromFile.input.targets).toEqual(inMemory.input.targets);
  });
});
