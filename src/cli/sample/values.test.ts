import fc from "fast-check";
import { catalogCriteria, catalogIndicators, toSourceNodes } from "../../catalog";
import { evaluate } from "../../domain/evaluate";
import type { EvaluationInput, InputValue, Locality, RegionCode, Status } from "../../domain/types";
import { applyOverrides, illustrativeOverrides } from "./illustrativeThresholds";
import { Rng } from "./random";
import { ValueModel, type Miss, type SampleValue } from "./values";

const indicators = applyOverrides(catalogIndicators("2021-2025", "42"), illustrativeOverrides("vi"));
const criteria = catalogCriteria("2021-2025", "42");

const asInputs = (values: Record<string, SampleValue>): Record<string, InputValue> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { kind: "value", value: v }]));

function statusOf(model: ValueModel, values: Record<string, SampleValue>, dbkk: boolean, region: RegionCode) {
  const localities: Locality[] = [
    { code: "P", name: "Tỉnh", level: "province", region, values: {} },
    { code: "C", name: "Xã", level: "commune", parent: "P", region, dbkk, values: asInputs(values) },
  ];
  const input: EvaluationInput = {
    indicators,
    criteria,
    localities,
    targets: [],
    budgetLines: [],
    sources: toSourceNodes(),
  };
  const result = evaluate(input, {
    setId: "2021-2025",
    year: model.year,
    region,
    nearMargin: 0.1,
    counterpartRatio: null,
  });
  return result.localities.find((l) => l.code === "C")!;
}

const MISSABLE = ["2.1", "5", "9.1", "10", "11", "15.3", "17.1", "17.4", "17.6", "DK.3"];

describe("ValueModel", () => {
  it("draws commune values that reach exactly the intended status, whatever the seed, year, region and ĐBKK flag", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(2022, 2023, 2024, 2025),
        fc.constantFrom<Status>("none", "ntm", "advanced", "model"),
        fc.boolean(),
        fc.uniqueArray(fc.constantFrom(...MISSABLE), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (seed, year, status, dbkk, missCodes, far) => {
          const model = new ValueModel(indicators, year);
          const misses: Miss[] = status === "none" ? missCodes.map((code) => ({ code, far })) : [];
          const values = model.commune(new Rng(seed), { dbkk }, "BTB", { status, misses });
          const r = statusOf(model, values, dbkk, "BTB");
          expect(r.status).toBe(status);
          expect(r.undecided).toEqual([]);
          if (status === "none") {
            const missed = new Set(misses.map((m) => indicators.find((d) => d.code === m.code)!.criterion));
            expect(new Set(r.unmet)).toEqual(missed);
            for (const m of misses) {
              const numeric = typeof r.indicators[m.code].threshold === "number";
              expect(r.indicators[m.code].outcome).toBe(numeric && !far ? "near" : "notMet");
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("misses a numeric threshold narrowly for a near miss and clearly for a far one", () => {
    const model = new ValueModel(indicators, 2022);
    const near = statusOf(
      model,
      model.commune(new Rng(1), {}, "BTB", { status: "none", misses: [{ code: "17.1" }] }),
      false,
      "BTB",
    );
    const far = statusOf(
      model,
      model.commune(new Rng(1), {}, "BTB", { status: "none", misses: [{ code: "17.1", far: true }] }),
      false,
      "BTB",
    );
    expect(near.indicators["17.1"].outcome).toBe("near");
    expect(far.indicators["17.1"].outcome).toBe("notMet");
  });

  it("keeps values in their units: percentages within 0-100, counts whole, one or two decimals", () => {
    const model = new ValueModel(indicators, 2022);
    for (let seed = 0; seed < 50; seed++) {
      const values = model.commune(new Rng(seed), { dbkk: seed % 2 === 0 }, "BTB", { status: "model" });
      for (const def of model.indicators("commune")) {
        const v = values[def.dataCode ?? def.code];
        if (def.kind === "boolean") expect(typeof v).toBe("boolean");
        else if (def.kind === "percent") {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        if (def.code === "KM.3") expect(Number.isInteger(v)).toBe(true);
        if (typeof v === "number") expect(Math.round((v as number) * 100) / 100).toBe(v);
      }
    }
  });

  it("meets every district and province requirement it is not told to miss", () => {
    const model = new ValueModel(indicators, 2022);
    const values = model.locality(new Rng(3), "district", "BTB", [{ code: "H.4" }]);
    expect(values).toEqual({ "H.3": 100, "H.4": expect.any(Number), "H.5": true });
    expect(values["H.4"]).toBeLessThan(90);
    expect(values["H.4"]).toBeGreaterThanOrEqual(81);
  });
});
