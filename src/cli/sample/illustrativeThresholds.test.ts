import { catalogIndicators } from "../../catalog";
import type { IndicatorDef } from "../../domain/types";
import { applyOverrides, illustrativeOverrides, lacksThreshold } from "./illustrativeThresholds";

const def = (o: Partial<IndicatorDef>): IndicatorDef => ({
  code: "2.1",
  criterion: "2",
  nameVi: "x",
  nameEn: "x",
  unit: "%",
  kind: "percent",
  comparator: ">=",
  level: "commune",
  tier: "ntm",
  thresholds: [],
  source: "test",
  confirmed: false,
  ...o,
});

describe("illustrative thresholds", () => {
  it("needs a value only for comparisons the catalog leaves blank", () => {
    expect(lacksThreshold(def({}))).toBe(true);
    expect(lacksThreshold(def({ thresholds: [{ value: null, confirmed: false }] }))).toBe(true);
    expect(lacksThreshold(def({ comparator: "pass", kind: "boolean" }))).toBe(false);
    expect(lacksThreshold(def({ thresholds: [{ value: false, confirmed: false }], comparator: "=" }))).toBe(
      false,
    );
    expect(lacksThreshold(def({ derived: { factor: 1.1, from: "NC.10" } }))).toBe(false);
  });

  it("applies an override as the template does: its scopes replace the rule, unconfirmed; others stay", () => {
    const [out] = applyOverrides(
      [
        def({
          thresholds: [
            { region: "BTB", value: 95, confirmed: true },
            { value: 50, confirmed: true },
          ],
        }),
      ],
      [{ code: "2.1", values: { BTB: 100, TDMNPB: 90 } }],
    );
    expect(out.thresholds).toEqual([
      { value: 50, confirmed: true },
      { region: "BTB", value: 100, confirmed: false },
      { region: "TDMNPB", value: 90, confirmed: false },
    ]);
  });

  it("matches income rows by year and leaves the input untouched", () => {
    const catalog = catalogIndicators("2021-2025", "42");
    const applied = applyOverrides(catalog, illustrativeOverrides("vi"));
    const income = (list: IndicatorDef[], year: number) =>
      list.find((d) => d.code === "10" && d.year === year)!;
    expect(income(applied, 2023).thresholds).toEqual([
      { region: "BTB", value: 48, confirmed: false },
      { region: "TDMNPB", value: 42, confirmed: false },
    ]);
    expect(income(catalog, 2023).thresholds).toEqual([]);
    expect(applied.filter(lacksThreshold)).toEqual([]);
  });
});
