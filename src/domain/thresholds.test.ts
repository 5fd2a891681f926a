import { effectiveRegion, pickRule, ThresholdResolver } from "./thresholds";
import type { IndicatorDef } from "./types";
import { ind } from "./__fixtures__/smallProvince";

const def = (over: Partial<IndicatorDef>): IndicatorDef => ind({ code: "x", criterion: "1", ...over });

describe("effective region (QĐ 318 Điều 1)", () => {
  it("applies TDMNPB thresholds to an ĐBKK commune of Bắc Trung Bộ", () => {
    expect(effectiveRegion({ region: "BTB", dbkk: true }, "BTB")).toBe("TDMNPB");
  });
  it("applies TDMNPB thresholds to a safe-zone commune of a poor district", () => {
    expect(effectiveRegion({ atkPoorDistrict: true }, "BTB")).toBe("TDMNPB");
  });
  it("uses the commune's own region, else the province's", () => {
    expect(effectiveRegion({ region: "DBSH" }, "BTB")).toBe("DBSH");
    expect(effectiveRegion({}, "BTB")).toBe("BTB");
  });
});

describe("pickRule", () => {
  const rules = [
    { value: 70, confirmed: true },
    { region: "BTB" as const, value: 90, confirmed: false },
    { region: "TDMNPB" as const, value: null, confirmed: false },
    { group: 3 as const, value: 60, confirmed: true },
    { region: "BTB" as const, group: 3 as const, value: 80, confirmed: true },
  ];
  it("prefers the most specific rule with a value", () => {
    expect(pickRule(rules, "BTB", 3)).toEqual({ value: 80, confirmed: true });
    expect(pickRule(rules, "BTB", undefined)).toEqual({ value: 90, confirmed: false });
    expect(pickRule(rules, "DBSH", 3)).toEqual({ value: 60, confirmed: true });
  });
  it("falls back to the any-scope rule when the region's cell is blank", () => {
    expect(pickRule(rules, "TDMNPB", undefined)).toEqual({ value: 70, confirmed: true });
  });
  it("reports 'not set' when nothing applies", () => {
    expect(pickRule([{ region: "BTB", value: 1, confirmed: true }], "TN", undefined).value).toBeNull();
  });
});

describe("ThresholdResolver", () => {
  it("derives the model-commune income threshold as 110% of the advanced one (QĐ 319)", () => {
    const nc = def({
      code: "NC.10",
      kind: "number",
      thresholds: [{ region: "BTB", value: 60, confirmed: false }],
    });
    const km = def({ code: "KM.2", kind: "number", derived: { factor: 1.1, from: "NC.10" } });
    const r = new ThresholdResolver(
      new Map([
        ["NC.10", nc],
        ["KM.2", km],
      ]),
    );
    expect(r.resolve(km, "BTB", undefined)).toEqual({ value: 66, confirmed: false });
    expect(r.resolve(km, "TN", undefined)).toEqual({ value: null, confirmed: false });
  });
  it("gives pass indicators the inherent threshold Đạt", () => {
    const r = new ThresholdResolver(new Map());
    expect(
      r.resolve(def({ comparator: "pass", kind: "boolean", confirmed: false }), "BTB", undefined),
    ).toEqual({
      value: true,
      confirmed: false,
    });
  });
  it("marks a threshold unconfirmed when the row is unconfirmed", () => {
    const r = new ThresholdResolver(new Map());
    const d = def({ confirmed: false, thresholds: [{ value: 100, confirmed: true }] });
    expect(r.resolve(d, "BTB", undefined)).toEqual({ value: 100, confirmed: false });
  });
});
