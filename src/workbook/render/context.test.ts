import fc from "fast-check";
import { compareCodes } from "./context";

describe("compareCodes", () => {
  it("orders codes naturally: digit runs as numbers", () => {
    const codes = ["NC.2", "10", "2.10", "2.1", "17.1", "2.2", "DK", "1.1", "H1", "H10", "H2", "19.1", "5"];
    expect([...codes].sort(compareCodes)).toEqual([
      "1.1",
      "2.1",
      "2.2",
      "2.10",
      "5",
      "10",
      "17.1",
      "19.1",
      "DK",
      "H1",
      "H2",
      "H10",
      "NC.2",
    ]);
  });

  it("orders GSO codes of different lengths by value, keeping leading zeros apart", () => {
    expect(["18343", "436", "0436", "42"].sort(compareCodes)).toEqual(["42", "436", "0436", "18343"]);
  });

  it("property: a total order (antisymmetric, zero only for equal strings)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = Math.sign(compareCodes(a, b));
        const ba = Math.sign(compareCodes(b, a));
        expect(ab + ba).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
    );
  });

  it("property: transitive", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z0-9.]{0,6}$/), { maxLength: 12 }), (list) => {
        const sorted = [...list].sort(compareCodes);
        for (let i = 0; i + 1 < sorted.length; i++)
          expect(compareCodes(sorted[i], sorted[i + 1])).toBeLessThanOrEqual(0);
      }),
    );
  });
});
