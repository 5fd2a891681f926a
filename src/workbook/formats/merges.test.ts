import fc from "fast-check";
import { parseRangeAddress, rangeAddress } from "../a1";
import { canonicalMerges } from "./merges";

describe("merged ranges as the grids carry them", () => {
  it("writes each range in one form and sorts them by top-left cell, row first", () => {
    expect(canonicalMerges(["C5:F5", "$A$5:$A$7", "b1:c2", "A9:B9"])).toEqual([
      "B1:C2",
      "A5:A7",
      "C5:F5",
      "A9:B9",
    ]);
  });

  it("drops single cells, whole rows or columns, sheet-qualified references and repeats", () => {
    expect(canonicalMerges(["A1", "A1:A1", "B:B", "3:4", "Sheet1!A5:A7", "D2:E3", "D2:E3", ""])).toEqual([
      "D2:E3",
    ]);
  });

  it("gives the same list whatever order the ranges come in (property)", () => {
    // Merged ranges never overlap, so no two share a top-left cell.
    const merge = fc.tuple(fc.nat(200), fc.nat(30), fc.integer({ min: 1, max: 5 }), fc.nat(4));
    const merges = fc
      .uniqueArray(merge, { maxLength: 10, selector: ([r, c]) => `${r},${c}` })
      .map((ms) => ms.map(([r, c, h, w]) => rangeAddress(r, c, r + h, c + w)));
    fc.assert(
      fc.property(merges, (refs) => {
        const sorted = canonicalMerges(refs);
        expect(canonicalMerges([...refs].reverse())).toEqual(sorted);
        const tops = sorted.map((ref) => parseRangeAddress(ref)!.start);
        for (let i = 1; i < tops.length; i++) {
          const [a, b] = [tops[i - 1], tops[i]];
          expect(a.row < b.row || (a.row === b.row && a.col <= b.col)).toBe(true);
        }
      }),
    );
  });
});
