import fc from "fast-check";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellAddress,
  chunkRows,
  columnIndex,
  columnLetters,
  padGrid,
  parseCellAddress,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
} from "./a1";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("names column %d %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("reads lower-case letters too", () => {
    expect(columnIndex("xfd")).toBe(16383);
    expect(columnIndex("aB")).toBe(27);
  });

  it("round-trips every index through its letters", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (i) => columnIndex(columnLetters(i)) === i),
    );
  });

  it("round-trips every run of letters through its index", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{1,5}$/),
        (letters) => columnLetters(columnIndex(letters)) === letters,
      ),
    );
  });

  it("orders letters like indexes: shorter first, then alphabetically", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [la, lb] = [columnLetters(a), columnLetters(b)];
        const cmp = la.length !== lb.length ? la.length - lb.length : la < lb ? -1 : la > lb ? 1 : 0;
        return Math.sign(cmp) === Math.sign(a - b);
      }),
    );
  });

  it("rejects negative or fractional indexes and non-letters as bugs", () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnIndex("")).toThrow(RangeError);
    expect(() => columnIndex("A1")).toThrow(RangeError);
    expect(() => columnIndex("Ă")).toThrow(RangeError);
  });
});

describe("cell and range addresses", () => {
  it("writes 0-based positions as A1 addresses", () => {
    expect(cellAddress(2, 1)).toBe("B3");
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(MAX_ROWS - 1, MAX_COLUMNS - 1)).toBe("XFD1048576");
  });

  it("writes ranges top-left first, whichever corners are given, and single cells as X:X", () => {
    expect(rangeAddress(2, 1, 8, 3)).toBe("B3:D9");
    expect(rangeAddress(8, 3, 2, 1)).toBe("B3:D9");
    expect(rangeAddress(8, 1, 2, 3)).toBe("B3:D9");
    expect(rangeAddress(4, 4, 4, 4)).toBe("E5:E5");
  });

  it("parses plain, absolute, lower-case and padded addresses", () => {
    expect(parseCellAddress("B3")).toEqual({ row: 2, col: 1 });
    expect(parseCellAddress("$B$3")).toEqual({ row: 2, col: 1 });
    expect(parseCellAddress("b$3")).toEqual({ row: 2, col: 1 });
    expect(parseCellAddress(" AA10 ")).toEqual({ row: 9, col: 26 });
  });

  it.each(["", "B", "3", "B0", "B03", "3B", "B3C", "B-3", "$$B3", "XFE1", "A1048577", "Sheet1!B3", "B 3"])(
    "does not take %j for a cell address",
    (s) => expect(parseCellAddress(s)).toBeNull(),
  );

  it("round-trips every cell of a sheet through its address", () => {
    fc.assert(
      fc.property(fc.nat(MAX_ROWS - 1), fc.nat(MAX_COLUMNS - 1), (row, col) => {
        expect(parseCellAddress(cellAddress(row, col))).toEqual({ row, col });
      }),
    );
  });

  it("parses ranges into ordered corners, a single cell as a one-cell range", () => {
    expect(parseRangeAddress("B3:D9")).toEqual({ start: { row: 2, col: 1 }, end: { row: 8, col: 3 } });
    expect(parseRangeAddress("$D$9:b3")).toEqual({ start: { row: 2, col: 1 }, end: { row: 8, col: 3 } });
    expect(parseRangeAddress("E5")).toEqual({ start: { row: 4, col: 4 }, end: { row: 4, col: 4 } });
  });

  it.each(["B:D", "3:9", "B3:", ":D9", "B3:D9:F1", "KQ!B3:D9", ""])("does not take %j for a range", (s) => {
    expect(parseRangeAddress(s)).toBeNull();
  });

  it("round-trips every range through its address", () => {
    const row = fc.nat(MAX_ROWS - 1);
    const col = fc.nat(MAX_COLUMNS - 1);
    fc.assert(
      fc.property(row, col, row, col, (r0, c0, r1, c1) => {
        const parsed = parseRangeAddress(rangeAddress(r0, c0, r1, c1));
        expect(parsed).toEqual({
          start: { row: Math.min(r0, r1), col: Math.min(c0, c1) },
          end: { row: Math.max(r0, r1), col: Math.max(c0, c1) },
        });
      }),
    );
  });
});

describe("quoteSheetName", () => {
  it("always quotes, doubling inner apostrophes", () => {
    expect(quoteSheetName("KQ Xã")).toBe("'KQ Xã'");
    expect(quoteSheetName("Data")).toBe("'Data'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName("''")).toBe("''''''");
  });

  it("can be read back by undoubling the apostrophes between the outer quotes", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const q = quoteSheetName(name);
        return (
          q.startsWith("'") &&
          q.endsWith("'") &&
          q.slice(1, -1).split("''").join("'") === name &&
          !/(^|[^'])'([^']|$)/.test(q.slice(1, -1))
        );
      }),
    );
  });
});

describe("padGrid", () => {
  it("pads ragged rows to the longest row", () => {
    expect(padGrid([[1, 2, 3], [4], []], 0)).toEqual([
      [1, 2, 3],
      [4, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("pads to a minimum width when asked", () => {
    expect(padGrid([["a"]], null, 3)).toEqual([["a", null, null]]);
  });

  it("gives an empty grid for no rows", () => {
    expect(padGrid([], 0)).toEqual([]);
  });

  it("makes any grid rectangular, keeping every value and leaving the input unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer(), { maxLength: 8 }), { maxLength: 8 }),
        fc.nat(10),
        (grid, minWidth) => {
          const before = JSON.stringify(grid);
          const out = padGrid(grid, -1, minWidth);
          const width = Math.max(minWidth, ...grid.map((r) => r.length));
          expect(JSON.stringify(grid)).toBe(before);
          expect(out).toHaveLength(grid.length);
          out.forEach((row, r) => {
            expect(row).toHaveLength(width);
            expect(row.slice(0, grid[r].length)).toEqual(grid[r]);
            expect(row.slice(grid[r].length).every((v) => v === -1)).toBe(true);
          });
        },
      ),
    );
  });
});

describe("chunkRows", () => {
  it("splits rows into consecutive chunks, the last one shorter", () => {
    expect(chunkRows(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(chunkRows(4, 4)).toEqual([{ start: 0, end: 4 }]);
    expect(chunkRows(0, 4)).toEqual([]);
  });

  it("rejects a chunk size below 1 or a negative row count as bugs", () => {
    expect(() => chunkRows(10, 0)).toThrow(RangeError);
    expect(() => chunkRows(10, 2.5)).toThrow(RangeError);
    expect(() => chunkRows(-1, 3)).toThrow(RangeError);
  });

  it("covers every row exactly once, in order, with no chunk over the size", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 700 }), (rows, size) => {
        const chunks = chunkRows(rows, size);
        let next = 0;
        const wellFormed = chunks.every((c) => {
          const ok = c.start === next && c.end > c.start && c.end - c.start <= size;
          next = c.end;
          return ok;
        });
        expect(wellFormed).toBe(true);
        expect(next).toBe(rows);
        expect(chunks).toHaveLength(Math.ceil(rows / size));
      }),
    );
  });
});
