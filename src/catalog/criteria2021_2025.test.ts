import type { IndicatorDef } from "../domain/types";
import { SET_2021_2025 } from "./criteria2021_2025";

const byTier = (tier: IndicatorDef["tier"], level: IndicatorDef["level"] = "commune") =>
  SET_2021_2025.indicators.filter((i) => i.tier === tier && i.level === level);
const one = (code: string) => {
  const rows = SET_2021_2025.indicators.filter((i) => i.code === code);
  expect(rows).toHaveLength(1);
  return rows[0];
};
const values = (ind: IndicatorDef) => ind.thresholds.map((t) => [t.region ?? "*", t.value, t.confirmed]);

/** Indicator codes of criteria-commune-2021-2025.tsv, rows 1.1 … 19.2 (income as one code, four years). */
// prettier-ignore
const TSV_CODES = [
  "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2", "5", "6.1", "6.2", "6.3", "7",
  "8.1", "8.2", "8.3", "8.4", "9.1", "9.2", "10", "10", "10", "10", "11", "12",
  "13.1", "13.2", "13.3", "13.4", "13.5", "14.1", "14.2", "14.3", "15.1", "15.2", "15.3", "15.4", "16",
  "17.1", "17.2", "17.3", "17.4", "17.5", "17.6", "17.7", "17.8", "17.9", "17.10", "17.11", "17.12",
  "18.1", "18.2", "18.3", "18.4", "18.5", "18.6", "19.1", "19.2",
];

describe("SET_2021_2025", () => {
  it("keys thresholds by region and covers province, district and commune", () => {
    expect(SET_2021_2025.id).toBe("2021-2025");
    expect(SET_2021_2025.thresholdScope).toBe("region");
    expect([...SET_2021_2025.levels].sort()).toEqual(["commune", "district", "province"]);
  });

  it("has the 19 national commune criteria of QĐ 318, numbered 1 to 19", () => {
    const commune = SET_2021_2025.criteria.filter((c) => c.level === "commune" && c.tier === "ntm");
    expect(commune.map((c) => c.code)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(commune.every((c) => c.national && c.confirmed)).toBe(true);
    expect(commune.find((c) => c.code === "17")?.nameVi).toBe("Môi trường và an toàn thực phẩm");
  });

  it("lists every commune NTM indicator row of the reference TSV, in order, none confirmed", () => {
    const rows = byTier("ntm");
    expect(rows.map((i) => i.code)).toEqual(TSV_CODES);
    expect(rows.filter((i) => i.confirmed)).toEqual([]);
  });

  it("leaves every commune NTM threshold to the planner except the structural 9.1", () => {
    const withThresholds = byTier("ntm").filter((i) => i.thresholds.length > 0);
    expect(withThresholds.map((i) => i.code)).toEqual(["9.1"]);
  });

  it("reads 9.1 'Nhà tạm, dột nát' as a boolean that must equal false, unconfirmed", () => {
    const housing = one("9.1");
    expect(housing).toMatchObject({ kind: "boolean", comparator: "=", unit: "", confirmed: false });
    expect(values(housing)).toEqual([["*", false, false]]);
    expect(housing.note).toMatch(/không/i);
  });

  it("maps % rows to percent, Đạt rows to pass and keeps <= where the TSV has it", () => {
    expect(one("2.1")).toMatchObject({ kind: "percent", unit: "%", comparator: ">=" });
    expect(one("1.1")).toMatchObject({ kind: "boolean", unit: "", comparator: "pass", thresholds: [] });
    expect(one("11")).toMatchObject({ kind: "percent", comparator: "<=" });
    expect(one("15.3")).toMatchObject({ kind: "percent", comparator: "<=" });
    expect(one("17.4")).toMatchObject({ kind: "number", unit: "m²/người", comparator: ">=" });
  });

  it("quotes provincial values only as PROXY notes, never as thresholds", () => {
    expect(one("2.1").note).toContain("PROXY Quảng Bình (BTB): 100%");
    expect(one("2.1").thresholds).toEqual([]);
    expect(one("9.2").note).toContain("PROXY Vĩnh Long (ĐBSCL): >=85%");
  });

  it("keys income (criterion 10) by year 2022-2025 on one data column", () => {
    const income = byTier("ntm").filter((i) => i.criterion === "10");
    expect(income.map((i) => i.year)).toEqual([2022, 2023, 2024, 2025]);
    for (const row of income) {
      expect(row).toMatchObject({
        code: "10",
        kind: "number",
        unit: "triệu đồng/người/năm",
        comparator: ">=",
        thresholds: [],
      });
      expect(row.dataCode ?? row.code).toBe("10");
    }
  });

  it("has the QĐ 18 recognition conditions 2-4 (condition 1 is the status rule itself)", () => {
    const conditions = byTier("condition");
    expect(conditions.map((i) => [i.code, i.comparator, i.confirmed])).toEqual([
      ["DK.2", "pass", true],
      ["DK.3", ">=", false],
      ["DK.4", "pass", true],
    ]);
    expect(one("DK.2").nameVi).toBe("Không có nợ đọng xây dựng cơ bản thuộc CTMTQG xây dựng NTM");
    expect(one("DK.3")).toMatchObject({ kind: "percent", thresholds: [] });
    expect(conditions.every((i) => i.criterion === "DK")).toBe(true);
  });

  it("has only the known part of the advanced set: NC.2 and advanced income by year", () => {
    const advanced = byTier("advanced");
    expect(advanced.map((i) => `${i.code}${i.year ? `@${i.year}` : ""}`)).toEqual([
      "NC.2",
      "NC.10@2022",
      "NC.10@2023",
      "NC.10@2024",
      "NC.10@2025",
    ]);
    expect(one("NC.2")).toMatchObject({ criterion: "2", kind: "percent", comparator: ">=", thresholds: [] });
    expect(
      advanced.filter((i) => i.code === "NC.10").every((i) => i.dataCode === "10" && i.criterion === "10"),
    ).toBe(true);
  });

  it("derives the model-commune income from 110% of the advanced income (QĐ 319)", () => {
    const model = byTier("model");
    expect(model.map((i) => i.code)).toEqual(["KM.2", "KM.3", "KM.4"]);
    expect(model.every((i) => i.confirmed && i.criterion === "KM")).toBe(true);
    expect(one("KM.2")).toMatchObject({
      dataCode: "10",
      derived: { factor: 1.1, from: "NC.10" },
      thresholds: [],
    });
    expect(values(one("KM.3"))).toEqual([["*", 1, true]]);
    expect(values(one("KM.4"))).toEqual([["*", 1, true]]);
  });

  it("has the five QĐ 320 district preconditions with their confirmed levels", () => {
    const district = byTier("ntm", "district");
    expect(district.map((i) => [i.code, i.criterion, i.dataCode ?? i.code, values(i)])).toEqual([
      ["H.1", "H1", "@communeNtmShare", [["*", 100, true]]],
      ["H.2", "H2", "@communeAdvancedShare", [["*", 10, true]]],
      ["H.3", "H3", "H.3", [["*", 100, true]]],
      ["H.4", "H4", "H.4", [["*", 90, true]]],
      ["H.5", "H5", "H.5", []],
    ]);
    expect(one("H.4").note).toContain("80%");
    expect(one("H.5")).toMatchObject({ comparator: "pass", confirmed: false });
  });

  it("has the eight QĐ 321 province conditions, all confirmed", () => {
    const province = byTier("ntm", "province");
    expect(province.map((i) => [i.code, i.dataCode ?? i.code, i.comparator, values(i)])).toEqual([
      ["T.1", "@districtNtmShare", ">=", [["*", 100, true]]],
      ["T.2", "@townNtmShare", ">=", [["*", 100, true]]],
      ["T.3", "@districtAdvancedShare", ">=", [["*", 20, true]]],
      ["T.4", "@communeAdvancedShare", ">=", [["*", 40, true]]],
      ["T.5", "T.5", "pass", []],
      ["T.6", "T.6", ">=", [["*", 70, true]]],
      ["T.7", "T.7", ">=", [["*", 4, true]]],
      ["T.8", "T.8", ">=", [["*", 90, true]]],
    ]);
    expect(province.every((i) => i.confirmed)).toBe(true);
    expect(one("T.7")).toMatchObject({ kind: "number", unit: "m²/người" });
  });

  it("cites a URL on every row whose wording was read in a source", () => {
    for (const code of ["2.1", "3.1", "9.1", "DK.2", "KM.2", "H.1", "T.1", "NC.2"]) {
      expect(one(code).source).toMatch(/https?:\/\//);
    }
    expect(one("4.1").source).toContain("QĐ 318/QĐ-TTg");
  });
});
