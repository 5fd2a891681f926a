import { catalogIndicators, FUNDING_CATEGORIES } from "../catalog";
import type { ThresholdRule } from "../domain/types";
import { columnLetters, parseRangeAddress } from "./a1";
import { listValues, SHEET_NAMES, TABLE_NAMES, thresholdKey } from "./layout";
import type { SheetSpec } from "./sheetSpec";
import { buildTemplate, HEADER_ROW, specToGrid, thresholdScopes, type TemplateOptions } from "./template";

const HA_TINH_2025: TemplateOptions = {
  setId: "2021-2025",
  provinceCode: "42",
  provinceName: "Hà Tĩnh",
  year: 2025,
  lang: "vi",
};

function sheet(specs: SheetSpec[], name: string): SheetSpec {
  const s = specs.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${specs.map((x) => x.name).join(", ")}`);
  return s;
}

function ruleKey(r: ThresholdRule): string {
  return thresholdKey(r.region ? { region: r.region } : r.group ? { group: r.group } : { any: true });
}

function headers(spec: SheetSpec): string[] {
  return spec.rows[HEADER_ROW].map(String);
}

function column(spec: SheetSpec, header: string): (string | number | boolean | null)[] {
  const c = headers(spec).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${spec.name}`);
  return spec.rows.slice(HEADER_ROW + 1).map((r) => r[c] ?? null);
}

describe("buildTemplate for Hà Tĩnh, 2021-2025", () => {
  const specs = buildTemplate(HA_TINH_2025);
  const criteria = sheet(specs, "Chỉ tiêu");
  const catalog = catalogIndicators("2021-2025", "42");

  it("lays out the sheets in order with Vietnamese names", () => {
    expect(specs.map((s) => s.name)).toEqual([
      "Hướng dẫn",
      "Thiết lập",
      "Chỉ tiêu",
      "Dữ liệu xã",
      "Dữ liệu huyện",
      "Dữ liệu tỉnh",
      "Nguồn vốn",
      "Mục tiêu",
    ]);
  });

  it("makes every data sheet an Excel table with a frozen header row below a title block", () => {
    for (const s of specs.filter((x) => x.name !== "Hướng dẫn")) {
      expect(s.table).toBeDefined();
      const range = parseRangeAddress(s.table!.range)!;
      expect(range.start).toEqual({ row: HEADER_ROW, col: 0 });
      expect(range.end.col).toBe(headers(s).length - 1);
      expect(range.end.row).toBeGreaterThan(HEADER_ROW);
      expect(s.freeze?.rows).toBe(HEADER_ROW + 1);
      expect(s.columnWidths).toHaveLength(headers(s).length);
      expect(new Set(headers(s)).size).toBe(headers(s).length);
      expect(s.rows[0][0]).toEqual(expect.any(String));
    }
    expect(new Set(specs.filter((s) => s.table).map((s) => s.table!.name)).size).toBe(7);
    expect(sheet(specs, "Dữ liệu xã").table!.name).toBe(TABLE_NAMES.communes);
  });

  it("puts the criteria headers in order, with Bắc Trung Bộ's threshold column first", () => {
    expect(headers(criteria)).toEqual([
      "Mã chỉ tiêu",
      "Tiêu chí",
      "Tên tiêu chí",
      "Criterion (English)",
      "Nội dung chỉ tiêu",
      "Indicator (English)",
      "Đơn vị",
      "Kiểu giá trị",
      "So sánh",
      "Cấp",
      "Loại",
      "Năm áp dụng",
      "Ngưỡng BTB",
      "Ngưỡng TDMNPB",
      "Ngưỡng ĐBSH",
      "Ngưỡng DHNTB",
      "Ngưỡng TN",
      "Ngưỡng ĐNB",
      "Ngưỡng ĐBSCL",
      "Ngưỡng",
      "Ngưỡng tính từ",
      "Cột số liệu",
      "Thuộc bộ quốc gia",
      "Sở/ngành phụ trách",
      "Nguồn",
      "Đã xác nhận",
      "Ghi chú",
    ]);
  });

  it("lists every catalog indicator with its source and confirmed flag", () => {
    const codes = column(criteria, "Mã chỉ tiêu");
    expect(codes).toEqual(catalog.map((i) => i.code));
    const sources = column(criteria, "Nguồn");
    const confirmed = column(criteria, "Đã xác nhận");
    catalog.forEach((def, i) => {
      expect(sources[i]).toBe(def.source);
      const allRulesConfirmed = def.thresholds.every((r) => r.confirmed);
      expect(confirmed[i]).toBe(def.confirmed && allRulesConfirmed ? "Có" : "Không");
    });
    // Income rows repeat per year.
    const years = column(criteria, "Năm áp dụng").filter((_, i) => codes[i] === "10");
    expect(years).toEqual([2022, 2023, 2024, 2025]);
    expect(column(criteria, "Ngưỡng tính từ")[codes.indexOf("KM.2")]).toBe("110% × NC.10");
  });

  it("marks every unconfirmed row with a note and an amber row highlight", () => {
    const confirmed = column(criteria, "Đã xác nhận");
    const notes = column(criteria, "Ghi chú");
    confirmed.forEach((c, i) => {
      if (c === "Không") expect(String(notes[i] ?? "")).not.toBe("");
    });
    expect(criteria.conditionalFormats).toEqual([
      expect.objectContaining({
        kind: "formula",
        style: "near",
        formula: expect.stringMatching(/^\$Z5="Không"$/),
      }),
    ]);
  });

  it("fills no threshold cell the catalog does not give", () => {
    const scopes = thresholdScopes(HA_TINH_2025, catalog);
    const firstThreshold = headers(criteria).indexOf("Ngưỡng BTB");
    catalog.forEach((def, i) => {
      const row = criteria.rows[HEADER_ROW + 1 + i];
      scopes.forEach((scope, k) => {
        const cell = row[firstThreshold + k];
        const given = def.thresholds.find((r) => r.value !== null && ruleKey(r) === thresholdKey(scope));
        if (!given) expect(cell).toBeNull();
        else if (typeof given.value === "number")
          expect(cell).toBe(def.kind === "percent" ? given.value / 100 : given.value);
        else expect(cell).toBe(given.value === true ? "Đạt" : "Không");
      });
    });
    // The QĐ 321 province requirements carry confirmed generic thresholds.
    const codes = column(criteria, "Mã chỉ tiêu");
    expect(column(criteria, "Ngưỡng")[codes.indexOf("T.4")]).toBe(0.4); // 40%, stored as Excel stores a percent
    expect(column(criteria, "Ngưỡng")[codes.indexOf("T.7")]).toBe(4); // 4 m²/người
    const t4Row = HEADER_ROW + 1 + codes.indexOf("T.4");
    expect(specToGrid(criteria).numberFormats![t4Row][headers(criteria).indexOf("Ngưỡng")]).toBe("0.0%");
  });

  it("writes illustrative overrides only where asked, marked as not official and unconfirmed", () => {
    const specs2 = buildTemplate({
      ...HA_TINH_2025,
      thresholdOverrides: [
        { code: "2.1", values: { BTB: 100, TDMNPB: 70 }, note: "Số minh họa cho bản demo." },
      ],
    });
    const c = sheet(specs2, "Chỉ tiêu");
    const codes = column(c, "Mã chỉ tiêu");
    const i = codes.indexOf("2.1");
    expect(column(c, "Ngưỡng BTB")[i]).toBe(1); // 100%
    expect(column(c, "Ngưỡng TDMNPB")[i]).toBe(0.7);
    expect(column(c, "Ngưỡng ĐBSH")[i]).toBeNull();
    expect(column(c, "Đã xác nhận")[i]).toBe("Không");
    expect(String(column(c, "Ghi chú")[i])).toContain("Minh họa – không phải ngưỡng chính thức");
    // Other rows are untouched.
    expect(column(c, "Ngưỡng BTB")[codes.indexOf("2.2")]).toBeNull();
    expect(String(column(c, "Ghi chú")[codes.indexOf("2.2")])).not.toContain("Minh họa");
  });

  it("offers list validations for the small vocabularies, each within Excel's 255-character limit", () => {
    const lists = (s: SheetSpec) => s.validations!.map((v) => v.list);
    expect(lists(criteria)).toEqual(
      expect.arrayContaining([
        ["Tỷ lệ %", "Số", "Đạt/Không"],
        [">=", "<=", "=", "Đạt"],
        ["Tỉnh", "Huyện", "Xã", "Thôn"],
        ["NTM", "Nâng cao", "Kiểu mẫu", "Điều kiện"],
        ["Có", "Không"],
      ]),
    );
    const communes = sheet(specs, "Dữ liệu xã");
    expect(lists(communes)).toEqual(
      expect.arrayContaining([
        ["TDMNPB", "ĐBSH", "BTB", "DHNTB", "TN", "ĐNB", "ĐBSCL"],
        ["x"],
        ["Đạt", "Không đạt"],
        ["Xã", "Phường", "Thị trấn"],
      ]),
    );
    expect(lists(sheet(specs, "Nguồn vốn"))).toContainEqual(["Kế hoạch", "Thực hiện"]);
    expect(lists(sheet(specs, "Mục tiêu"))).toContainEqual([">=", "<="]);
    expect(lists(sheet(specs, "Mục tiêu"))).toContainEqual(listValues("metric", "vi"));
    expect(lists(sheet(specs, "Thiết lập"))).toContainEqual(["2021-2025", "2026-2030"]);
    for (const s of specs) {
      for (const v of s.validations ?? []) {
        expect(v.list.join(",").length).toBeLessThanOrEqual(255);
        expect(v.list.every((x) => !x.includes(","))).toBe(true);
        const r = parseRangeAddress(v.range)!;
        expect(r.end.row).toBeLessThan(2000);
      }
    }
  });

  it("formats code columns as text, percent columns as percentages, years as integers and amounts with thousands", () => {
    const communes = sheet(specs, "Dữ liệu xã");
    expect(communes.numberFormats).toContainEqual({ range: "A5:A1004", format: "@" });
    const col21 = headers(communes).findIndex((h) => h.startsWith("2.1 – "));
    expect(communes.numberFormats).toContainEqual({
      range: `${columnLetters(col21)}5:${columnLetters(col21)}1004`,
      format: "0.0%",
    });
    expect(sheet(specs, "Nguồn vốn").numberFormats).toContainEqual(
      expect.objectContaining({ format: "#,##0.0" }),
    );
    expect(criteria.numberFormats).toContainEqual({ range: "L5:L1004", format: "0" });
  });

  it("gives communes one column per commune data code, headed '<code> – <name> (<unit>)', never for @ metrics", () => {
    const h = headers(sheet(specs, "Dữ liệu xã"));
    expect(h.slice(0, 7)).toEqual([
      "Mã xã",
      "Tên xã",
      "Mã huyện",
      "Loại đơn vị",
      "Vùng",
      "ĐBKK (x)",
      "ATK huyện nghèo (x)",
    ]);
    expect(h).not.toContain("Nhóm xã (1/2/3)");
    expect(h.find((x) => x.startsWith("2.1 – "))).toMatch(/ \(%\)$/);
    expect(h.find((x) => x.startsWith("1.1 – "))).toMatch(/\(Đạt\/Không đạt\)$/);
    expect(h.filter((x) => x.startsWith("10 – "))).toHaveLength(1); // income rows share one column
    expect(h.some((x) => x.startsWith("NC.10"))).toBe(false); // NC.10 reads column "10"
    const district = headers(sheet(specs, "Dữ liệu huyện"));
    expect(district.some((x) => x.startsWith("H.1 "))).toBe(false); // @communeNtmShare is computed
    expect(district.slice(0, 4)).toEqual(["Mã huyện", "Tên huyện", "Loại đơn vị", "Mã tỉnh"]);
  });

  it("has 21 funding-category columns named '<Vietnamese name> (<CODE>)'", () => {
    const h = headers(sheet(specs, "Nguồn vốn"));
    expect(h.slice(0, 7)).toEqual([
      "Mã địa bàn",
      "Tên địa bàn",
      "Năm",
      "Loại",
      "Chương trình",
      "Tiêu chí",
      "Nội dung",
    ]);
    expect(h.slice(7)).toEqual(FUNDING_CATEGORIES.map((c) => `${c.nameVi} (${c.code})`));
    expect(h.slice(7)).toHaveLength(21);
  });

  it("pre-fills the settings and Hà Tĩnh's seed targets", () => {
    const settings = sheet(specs, "Thiết lập");
    const pairs = Object.fromEntries(settings.rows.slice(HEADER_ROW + 1).map((r) => [r[0], r[1]]));
    expect(pairs).toMatchObject({
      Tỉnh: "Hà Tĩnh",
      "Mã tỉnh": "42",
      Vùng: "BTB",
      "Năm đánh giá": 2025,
      "Bộ tiêu chí": "2021-2025",
      "Biên độ gần đạt": 0.1,
      "Ngôn ngữ": "vi",
      "Định dạng số": "vi",
      "Đơn vị tiền": "triệu đồng",
      "Tỷ lệ đối ứng tối thiểu NSĐP/NSTW": null,
    });
    expect(settings.numberFormats).toContainEqual({ range: "B10:B10", format: "0%" });
    const targets = sheet(specs, "Mục tiêu");
    expect(column(targets, "Chỉ số")).toEqual([
      "Tỷ lệ xã đạt chuẩn NTM",
      "Tỷ lệ huyện đạt chuẩn NTM",
      "Tỷ lệ yêu cầu cấp tỉnh đạt",
    ]);
    expect(column(targets, "Giá trị")).toEqual([1, 1, 0.8]);
    expect(targets.numberFormats).toContainEqual({ range: "E5:E5", format: "0%" });
  });

  it("shows the sample note on every sheet when given", () => {
    const note = "DỮ LIỆU MẪU – không phải số liệu chính thức";
    const withNote = buildTemplate({ ...HA_TINH_2025, sampleNote: note });
    for (const s of withNote) expect(s.rows.some((r) => r[0] === note)).toBe(true);
  });
});

describe("buildTemplate for 2026-2030", () => {
  const specs = buildTemplate({
    setId: "2026-2030",
    provinceCode: "42",
    provinceName: "Hà Tĩnh",
    year: 2026,
    lang: "vi",
  });

  it("has no district sheet and thresholds by commune group", () => {
    expect(specs.map((s) => s.name)).not.toContain("Dữ liệu huyện");
    const h = headers(sheet(specs, "Chỉ tiêu"));
    expect(h.slice(12, 16)).toEqual(["Ngưỡng nhóm 1", "Ngưỡng nhóm 2", "Ngưỡng nhóm 3", "Ngưỡng"]);
    expect(h.some((x) => x.includes("BTB"))).toBe(false);
    const criteria = sheet(specs, "Chỉ tiêu");
    expect(column(criteria, "Mã chỉ tiêu")).toEqual(catalogIndicators("2026-2030", "42").map((i) => i.code));
    for (const c of ["Ngưỡng nhóm 1", "Ngưỡng nhóm 2", "Ngưỡng nhóm 3", "Ngưỡng"])
      expect(column(criteria, c).every((v) => v === null)).toBe(true);
  });

  it("asks communes for their group, not for region, ĐBKK or district", () => {
    const h = headers(sheet(specs, "Dữ liệu xã"));
    expect(h.slice(0, 4)).toEqual(["Mã xã", "Tên xã", "Loại đơn vị", "Nhóm xã (1/2/3)"]);
    expect(sheet(specs, "Dữ liệu xã").validations!.map((v) => v.list)).toContainEqual(["1", "2", "3"]);
  });

  it("keeps Hà Tĩnh's 2022-2023 seed targets out of the 2026-2030 workbook", () => {
    expect(
      sheet(specs, "Mục tiêu")
        .rows.slice(HEADER_ROW + 1)
        .every((r) => r.every((v) => v === null)),
    ).toBe(true);
  });
});

describe("buildTemplate in English", () => {
  it("uses the English sheet names and headers", () => {
    const specs = buildTemplate({ ...HA_TINH_2025, lang: "en" });
    expect(specs.map((s) => s.name)).toEqual([
      SHEET_NAMES.instructions.en,
      "Settings",
      "Indicators",
      "Commune data",
      "District data",
      "Province data",
      "Budget",
      "Targets",
    ]);
    const h = headers(sheet(specs, "Indicators"));
    expect(h.slice(0, 3)).toEqual(["Indicator code", "Criterion", "Criterion (Vietnamese)"]);
    expect(h).toContain("Threshold BTB");
    expect(h).toContain("Threshold DBSH");
  });
});

describe("specToGrid", () => {
  it("expands range number formats to the cells that exist", () => {
    const grid = specToGrid({
      name: "S",
      rows: [["a", 1], [0.5]],
      numberFormats: [{ range: "A2:B3", format: "0%" }],
    });
    expect(grid.values).toEqual([["a", 1], [0.5]]);
    expect(grid.numberFormats).toEqual([[null, null], ["0%"]]);
  });
});
