import fc from "fast-check";
import { mulberry32, Rng, seedFor } from "./random";

describe("mulberry32 and Rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draws integers within both bounds and shuffles into a permutation", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -5, max: 5 }), fc.nat(10), (seed, min, span) => {
        const rng = new Rng(seed);
        const x = rng.int(min, min + span);
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(min + span);
        const items = Array.from({ length: span }, (_, i) => i);
        expect(rng.shuffle(items).sort((a, b) => a - b)).toEqual(items);
      }),
    );
  });

  it("derives independent, stable seeds from text keys", () => {
    expect(seedFor(42, "commune:18088")).toBe(seedFor(42, "commune:18088"));
    expect(seedFor(42, "commune:18088")).not.toBe(seedFor(42, "commune:18100"));
    expect(seedFor(42, "x")).not.toBe(seedFor(43, "x"));
  });
});
