import fc from "fast-check";
import type { CellValue } from "../port";
import {
  isOurMetaGrid,
  META_LIST_FIRST_COLUMN,
  META_MARKER,
  metaFromGrid,
  metaLists,
  metaRows,
  metaText,
} from "./meta";

/** The rows as a port reads them back: a rectangular grid, empty cells null. */
function asGrid(rows: readonly (readonly (CellValue | undefined)[])[]): CellValue[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
}

describe("the NTM_META layout", () => {
  it("lays out the marker, the version, the owned sheets in column A and the lists from column C", () => {
    const rows = metaRows({ version: 1, ownedSheets: ["KQ Xã", "KQ Huyện"] }, [
      ["a", "b", "c", "d", "e"],
      ["x"],
    ]);
    expect(asGrid(rows)).toEqual([
      [META_MARKER, null, "a", "x"],
      [1, null, "b", null],
      ["KQ Xã", null, "c", null],
      ["KQ Huyện", null, "d", null],
      [null, null, "e", null],
    ]);
    expect(META_LIST_FIRST_COLUMN).toBe(2);
  });

  it("reads back what it writes, lists included (property)", () => {
    const name = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 8 }),
        fc.array(fc.array(name, { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        (ownedSheets, lists) => {
          const grid = asGrid(metaRows({ version: 1, ownedSheets }, lists));
          expect(metaFromGrid(grid)).toEqual({ version: 1, ownedSheets });
          expect(metaLists(grid)).toEqual(lists);
        },
      ),
    );
  });

  it("stops the owned sheets at the first empty cell of column A", () => {
    const grid = asGrid([[META_MARKER], [1], ["KQ Xã"], [""], ["not owned"]]);
    expect(metaFromGrid(grid)).toEqual({ version: 1, ownedSheets: ["KQ Xã"] });
  });

  it("reads a version typed as text and a sheet name that is a number, as Excel may hand them over", () => {
    expect(metaFromGrid(asGrid([[META_MARKER], ["1"], [2025]]))).toEqual({
      version: 1,
      ownedSheets: ["2025"],
    });
  });

  it("does not take a stranger's sheet named NTM_META, or an unknown version, for ours", () => {
    expect(isOurMetaGrid(asGrid([["something else"], [1]]))).toBe(false);
    expect(metaFromGrid(asGrid([["something else"], [1], ["KQ Xã"]]))).toBeNull();
    expect(metaFromGrid([])).toBeNull();
    expect(isOurMetaGrid(asGrid([[META_MARKER], [2]]))).toBe(true);
    expect(metaFromGrid(asGrid([[META_MARKER], [2], ["KQ Xã"]]))).toBeNull();
  });

  it("keeps the cells of a list where they are, holes included, when rewriting the sheet", () => {
    const grid = asGrid([
      [META_MARKER, null, "a", null, "p"],
      [1, null, null, null, "q"],
      ["KQ", null, "c"],
    ]);
    const lists = metaLists(grid);
    expect(lists).toEqual([["a", null, "c"], [], ["p", "q"]]);
    expect(asGrid(metaRows({ version: 1, ownedSheets: ["KQ"] }, lists))).toEqual(grid);
  });

  it("reads only text and numbers as meta text", () => {
    expect([metaText("x"), metaText(1), metaText(true), metaText({ error: "#N/A" }), metaText(null)]).toEqual(
      ["x", "1", null, null, null],
    );
  });
});
