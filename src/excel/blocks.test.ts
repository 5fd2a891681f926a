import fc from "fast-check";
import {
  cellBytes,
  COMMAND_OVERHEAD_BYTES,
  packCommands,
  packValueBlocks,
  PayloadTooLargeError,
  utf8Bytes,
} from "./blocks";
import type { ExcelInput } from "./cellValues";

/** The JSON bytes of a block as it is sent: rows padded to the block's width. */
function sentBytes(
  rows: readonly (readonly ExcelInput[])[],
  start: number,
  end: number,
  width: number,
): number {
  const block = rows.slice(start, end).map((row) => {
    const out = row.slice(0, width);
    while (out.length < width) out.push(null);
    return out;
  });
  return utf8Bytes(JSON.stringify(block));
}

const cell = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => "'" + s),
);
const sheet = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 60 });

describe("cellBytes", () => {
  it("is the UTF-8 size of the cell's JSON plus its comma", () => {
    fc.assert(
      fc.property(cell, (v) => {
        expect(cellBytes(v)).toBe(utf8Bytes(JSON.stringify(v)) + 1);
      }),
    );
  });

  it("counts Vietnamese letters in UTF-8 bytes", () => {
    expect(utf8Bytes("Đạt")).toBe(6);
    expect(utf8Bytes("😀")).toBe(4);
  });
});

describe("packValueBlocks", () => {
  it("keeps every sync under the budget, and the estimate never below what is sent", () => {
    fc.assert(
      fc.property(
        fc.array(sheet, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 3_000, max: 20_000 }),
        (sheets, budget) => {
          let syncs;
          try {
            syncs = packValueBlocks(sheets, budget, 500);
          } catch (err) {
            expect(err).toBeInstanceOf(PayloadTooLargeError);
            return;
          }
          syncs.forEach((blocks, i) => {
            const estimate = blocks.reduce((n, b) => n + b.bytes, i === 0 ? 500 : 0);
            expect(estimate).toBeLessThanOrEqual(budget);
            for (const b of blocks) {
              expect(b.bytes).toBeGreaterThanOrEqual(
                sentBytes(sheets[b.sheet], b.start, b.end, b.width) + COMMAND_OVERHEAD_BYTES,
              );
            }
          });
        },
      ),
    );
  });

  it("writes every non-empty cell exactly once, in order", () => {
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 4 }), (sheets) => {
        const blocks = packValueBlocks(sheets, 6_000).flat();
        sheets.forEach((rows, s) => {
          const mine = blocks.filter((b) => b.sheet === s);
          for (let i = 1; i < mine.length; i++) expect(mine[i].start).toBeGreaterThanOrEqual(mine[i - 1].end);
          rows.forEach((row, r) => {
            row.forEach((v, c) => {
              if (v === null) return;
              const covering = mine.filter((b) => r >= b.start && r < b.end && c < b.width);
              expect(covering).toHaveLength(1);
            });
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it("puts small sheets together in one sync and splits a large one into as few syncs as it needs", () => {
    const small = [["'a", 1]];
    const large = Array.from({ length: 1000 }, (_, r) => ["'xã " + r, r, r * 1.5, true]);
    const syncs = packValueBlocks([small, large, small], 10_000);
    expect(syncs[0][0]).toMatchObject({ sheet: 0, start: 0, end: 1, width: 2 });
    expect(syncs[0][1]).toMatchObject({ sheet: 1, start: 0 });
    const total = large.reduce((n, row) => n + 2 + row.reduce((m: number, v) => m + cellBytes(v), 0), 0);
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(total / (10_000 - 2 * COMMAND_OVERHEAD_BYTES)) + 1);
    expect(syncs.at(-1)!.at(-1)).toMatchObject({ sheet: 2 });
  });

  it("skips the empty rows above a sheet's first value", () => {
    const [[block]] = packValueBlocks([[[], [], [null, null], [null, 3]]]);
    expect(block).toMatchObject({ start: 3, end: 4, width: 2 });
  });

  it("still gives the first sync to the commands that precede the values", () => {
    const row = ["'" + "x".repeat(900)];
    const syncs = packValueBlocks([[row]], 2_000, 1_500);
    expect(syncs).toHaveLength(2);
    expect(syncs[0]).toEqual([]);
    expect(packValueBlocks([[]], 2_000, 100)).toEqual([[]]);
  });

  it("refuses a single row larger than the budget", () => {
    expect(() => packValueBlocks([[["'" + "x".repeat(5_000)]]], 2_000)).toThrow(PayloadTooLargeError);
  });
});

describe("packCommands", () => {
  it("keeps the order and fills each group up to the budget", () => {
    const commands = [600, 300, 200, 900, 100].map((bytes, i) => ({ bytes, i }));
    expect(packCommands(commands, 1_000).map((g) => g.map((c) => c.i))).toEqual([[0, 1], [2], [3, 4]]);
    expect(packCommands(commands, 1_000, 500).map((g) => g.map((c) => c.i))).toEqual([[0], [1, 2], [3, 4]]);
  });
});
