import fc from "fast-check";
import { editDistance } from "./editDistance";

describe("editDistance", () => {
  it.each([
    ["trung loc", "trung loc", 0],
    ["trung loc", "trung luc", 1],
    ["trung loc", "trugn loc", 1],
    ["nghen", "ngehn", 1],
    ["ky anh", "ky an", 1],
    ["ca", "abc", 3],
    ["", "abc", 3],
  ])("counts %j → %j as %i edits (a swap of neighbours is one)", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("stops at the bound and says max + 1", () => {
    expect(editDistance("trung loc", "thach ha", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("is symmetric, zero only for equal strings, and the bounded value agrees below the bound", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.nat(5), (a, b, max) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, b, max)).toBe(Math.min(d, max + 1));
      }),
    );
  });
});
