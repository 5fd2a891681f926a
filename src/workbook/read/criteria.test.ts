import fc from "fast-check";
import type { ParsedCell } from "../../domain/parse";
import { formatDerived, parseDerived, thresholdPercentMode } from "./criteria";

describe("parseDerived", () => {
  it.each([
    ["110% × NC.10", { factor: 1.1, from: "NC.10" }],
    ["1,1 x NC.10", { factor: 1.1, from: "NC.10" }],
    ["1.1*NC.10", { factor: 1.1, from: "NC.10" }],
    ["110 % của NC.10", { factor: 1.1, from: "NC.10" }],
    ["2 lần 10", { factor: 2, from: "10" }],
  ])("reads %j", (text, derived) => {
    expect(parseDerived(text)).toEqual(derived);
  });

  it.each(["NC.10", "110%", "x NC.10", "", "abc × NC.10", "0 × NC.10"])("rejects %j", (text) => {
    expect(parseDerived(text)).toBeNull();
  });

  it("reads back what the template writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.constantFrom("NC.10", "10", "KM.2", "H.1"),
        (n, from) => {
          const derived = { factor: n / 1000, from };
          expect(parseDerived(formatDerived(derived))).toEqual(derived);
        },
      ),
    );
  });
});

describe("thresholdPercentMode", () => {
  const plain = (value: number): ParsedCell => ({ kind: "number", value, percent: false });

  it("keeps a lone value below 1 in points (a '≤ 0,5%' poverty threshold)", () => {
    expect(thresholdPercentMode([plain(0.5)])).toBe("points");
    expect(thresholdPercentMode([plain(0.5), plain(1)])).toBe("points");
  });

  it("reads a column of fractions as fractions", () => {
    expect(thresholdPercentMode([plain(0.8), plain(0.7), plain(1)])).toBe("fraction");
  });

  it("reads points as points", () => {
    expect(thresholdPercentMode([plain(80), plain(0.5), plain(0.7)])).toBe("points");
  });
});
