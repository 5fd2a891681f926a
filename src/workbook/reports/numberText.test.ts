import fc from "fast-check";
import { formatNumber, LANGS } from "../../i18n";
import { numberText } from "./numberText";

describe("numberText", () => {
  it("writes numbers the way each language does", () => {
    expect(numberText("vi", 12345.5)).toBe("12.345,5");
    expect(numberText("en", 12345.5)).toBe("12,345.5");
    expect(numberText("vi", 2022)).toBe("2022");
    expect(numberText("vi", 0.425, 2)).toBe(formatNumber("vi", 0.425, 2));
    expect(numberText("en", -1.005, 2)).toBe(formatNumber("en", -1.005, 2));
    expect(numberText("vi", -0.001, 2)).toBe(formatNumber("vi", -0.001, 2));
  });

  it("gives exactly formatNumber's text for any number", () => {
    const value = fc.oneof(
      fc.double({ noNaN: false, min: -1e16, max: 1e16 }),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000),
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 8),
      fc.constantFrom(0, -0, 9999.995, 10000, -10000, 0.005, 1e15, Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), value, fc.integer({ min: 0, max: 4 }), (lang, v, digits) => {
        expect(numberText(lang, v, digits)).toBe(formatNumber(lang, v, digits));
      }),
      { numRuns: 3000 },
    );
  });
});
