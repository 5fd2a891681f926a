import { SHARE_METRICS } from "../domain/types";
import { HA_TINH, HA_TINH_EXTRA, HA_TINH_TARGETS } from "./haTinh";
import { regionOfProvince } from "./regions";

describe("HA_TINH", () => {
  it("is province 42 in Bắc Trung Bộ, as the region table says", () => {
    expect(HA_TINH).toMatchObject({ code: "42", name: "Hà Tĩnh", region: "BTB" });
    expect(regionOfProvince(HA_TINH.code)).toBe(HA_TINH.region);
  });
});

describe("HA_TINH_EXTRA", () => {
  it("adds criterion 20 (model residential areas and gardens) as a provincial, unconfirmed pass", () => {
    expect(HA_TINH_EXTRA).toMatchObject({ provinceCode: "42", setId: "2021-2025" });
    expect(HA_TINH_EXTRA.criteria.map((c) => [c.code, c.national, c.nameVi])).toEqual([
      ["20", false, "Khu dân cư mẫu, vườn mẫu"],
    ]);
    expect(HA_TINH_EXTRA.indicators).toHaveLength(1);
    expect(HA_TINH_EXTRA.indicators[0]).toMatchObject({
      code: "20",
      criterion: "20",
      comparator: "pass",
      kind: "boolean",
      confirmed: false,
      thresholds: [],
    });
    expect(HA_TINH_EXTRA.indicators[0].source).toContain("vietnamnet.vn");
    expect(HA_TINH_EXTRA.indicators[0].source).toContain("tinthethaonews.org");
  });
});

describe("HA_TINH_TARGETS", () => {
  it("holds the three seed targets as shares (fractions), with their Vietnamese wording", () => {
    expect(HA_TINH_TARGETS.map((t) => [t.metric, t.year, t.comparator, t.value])).toEqual([
      ["communeNtmShare", 2022, ">=", 1],
      ["districtNtmShare", 2023, ">=", 1],
      ["provinceRequirementsShare", 2023, ">=", 0.8],
    ]);
    for (const t of HA_TINH_TARGETS) {
      expect(SHARE_METRICS.has(t.metric)).toBe(true);
      expect(t.value).toBeGreaterThanOrEqual(0);
      expect(t.value).toBeLessThanOrEqual(1);
      expect(t.noteVi).not.toBe("");
      expect(t.noteEn).not.toBe("");
      expect(t.source).toMatch(/S17.*S18/);
      expect(t.confirmed).toBe(true);
    }
    expect(HA_TINH_TARGETS[2].noteVi).toBe("Đạt 80% yêu cầu tỉnh NTM ở các cấp năm 2023");
  });
});
