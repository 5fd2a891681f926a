import fc from "fast-check";
import { evaluateIndicator } from "./indicator";

const ref = { sheet: "Dữ liệu xã", cell: "E7" };
const t = (value: number | boolean | null, confirmed = true) => ({ value, confirmed });
const v = (value: number | boolean) => ({ kind: "value" as const, value, ref });

describe("evaluateIndicator", () => {
  it("marks a commune below the 2.1 road threshold as not met, naming cell E7 and the gap in points", () => {
    const r = evaluateIndicator("2.1", ">=", v(87.5), t(100), 0.1);
    expect(r).toMatchObject({ outcome: "notMet", value: 87.5, threshold: 100, gap: 12.5, ref });
  });

  it("calls a value within 10% of the threshold 'near', not met", () => {
    expect(evaluateIndicator("2.1", ">=", v(91), t(100), 0.1).outcome).toBe("near");
    expect(evaluateIndicator("2.1", ">=", v(90), t(100), 0.1).outcome).toBe("near");
    expect(evaluateIndicator("2.1", ">=", v(89.9), t(100), 0.1).outcome).toBe("notMet");
  });

  it("uses the configured near margin", () => {
    expect(evaluateIndicator("2.1", ">=", v(96), t(100), 0.05).outcome).toBe("near");
    expect(evaluateIndicator("2.1", ">=", v(94), t(100), 0.05).outcome).toBe("notMet");
    expect(evaluateIndicator("2.1", ">=", v(99), t(100), 0).outcome).toBe("notMet");
  });

  it("meets a threshold exactly, despite floating-point noise from percent conversion", () => {
    expect(evaluateIndicator("2.1", ">=", v(0.7 * 100), t(70), 0.1)).toMatchObject({
      outcome: "met",
      gap: 0,
    });
  });

  it("treats '<=' thresholds (poverty rate) the other way round", () => {
    expect(evaluateIndicator("11", "<=", v(2.9), t(3), 0.1).outcome).toBe("met");
    expect(evaluateIndicator("11", "<=", v(3.2), t(3), 0.1)).toMatchObject({ outcome: "near", gap: 0.2 });
    expect(evaluateIndicator("11", "<=", v(5), t(3), 0.1)).toMatchObject({ outcome: "notMet", gap: 2 });
  });

  it("compares pass/fail indicators with Đạt", () => {
    expect(evaluateIndicator("1.1", "pass", v(true), t(true), 0.1).outcome).toBe("met");
    expect(evaluateIndicator("1.1", "pass", v(false), t(true), 0.1)).toMatchObject({
      outcome: "notMet",
      gap: null,
    });
  });

  it("reads 'Nhà tạm, dột nát = Không' as met when the commune has none", () => {
    expect(evaluateIndicator("9.1", "=", v(false), t(false, false), 0.1)).toMatchObject({
      outcome: "met",
      thresholdConfirmed: false,
    });
    expect(evaluateIndicator("9.1", "=", v(true), t(false), 0.1).outcome).toBe("notMet");
  });

  it("never calls an indicator met without a value or a threshold", () => {
    expect(evaluateIndicator("2.2", ">=", undefined, t(100), 0.1).outcome).toBe("missing");
    expect(evaluateIndicator("2.2", ">=", { kind: "missing", ref }, t(100), 0.1)).toMatchObject({
      outcome: "missing",
      ref,
    });
    expect(evaluateIndicator("2.2", ">=", { kind: "invalid", raw: "#N/A", ref }, t(100), 0.1).outcome).toBe(
      "invalid",
    );
    expect(evaluateIndicator("2.2", ">=", v(100), t(null, false), 0.1)).toMatchObject({
      outcome: "noThreshold",
      value: 100,
    });
  });

  it("flags a Đạt/Không answer in a numeric indicator as invalid", () => {
    expect(evaluateIndicator("2.1", ">=", v(true), t(100), 0.1).outcome).toBe("invalid");
    expect(evaluateIndicator("1.1", "pass", v(1), t(true), 0.1).outcome).toBe("invalid");
  });

  it("has a non-negative gap that is zero exactly when met (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(">=" as const, "<=" as const, "=" as const),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (value, threshold, cmp, margin) => {
          const r = evaluateIndicator("x", cmp, v(value), t(threshold), margin);
          expect(r.gap).not.toBeNull();
          expect(r.gap!).toBeGreaterThanOrEqual(0);
          expect(r.gap === 0).toBe(r.outcome === "met");
        },
      ),
    );
  });
});
