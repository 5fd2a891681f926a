import { fromExcelValue, gridFromRanges, MAX_CELL_TEXT, toExcelInput } from "./cellValues";

describe("toExcelInput", () => {
  it("sends every string with Excel's text prefix, whatever it starts with", () => {
    for (const s of [
      "=1+1",
      "+84 912 345 678",
      "-5 xã",
      "@x",
      "85%",
      "TRUE",
      "2025-01-01",
      "'quoted",
      "Đạt",
    ]) {
      expect(toExcelInput(s)).toBe("'" + s);
    }
  });

  it("writes numbers and booleans as they are and a non-finite number as #NUM!", () => {
    expect(toExcelInput(3.25)).toBe(3.25);
    expect(toExcelInput(false)).toBe(false);
    expect(toExcelInput(Number.NaN)).toBe("#NUM!");
    expect(toExcelInput(Number.POSITIVE_INFINITY)).toBe("#NUM!");
  });

  it("leaves empty cells alone and cuts text to Excel's limit", () => {
    expect(toExcelInput(null)).toBeNull();
    expect(toExcelInput("")).toBeNull();
    expect(toExcelInput("x".repeat(MAX_CELL_TEXT + 10))).toHaveLength(MAX_CELL_TEXT + 1);
  });
});

describe("fromExcelValue", () => {
  it("turns a serial under a date format into its yyyy-mm-dd and leaves other numbers", () => {
    // Float noise of a date typed as 45001 rounds to that day, as in the .xlsx port.
    expect(fromExcelValue(45_000.9999999, "dd/mm/yyyy")).toBe("2023-03-16");
    expect(fromExcelValue(45_000, "0.0")).toBe(45_000);
    expect(fromExcelValue(45_000, null)).toBe(45_000);
  });

  it("reads an empty cell as null and keeps text and booleans", () => {
    expect(fromExcelValue("", null)).toBeNull();
    expect(fromExcelValue("Đạt", "@")).toBe("Đạt");
    expect(fromExcelValue(true, null)).toBe(true);
  });
});

describe("gridFromRanges", () => {
  it("builds a rectangular grid from A1 when the used range starts further in", () => {
    const grid = gridFromRanges("S", [
      {
        values: [
          ["a", "", 1],
          ["", true, ""],
        ],
        numberFormat: [
          ["General", "0%", "0.0"],
          ["General", "General", "@"],
        ],
        rowIndex: 2,
        columnIndex: 1,
      },
    ]);
    expect(grid.values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, "a", null, 1],
      [null, null, true, null],
    ]);
    expect(grid.numberFormats![2]).toEqual([null, null, null, "0.0"]);
  });

  it("joins row blocks of one sheet", () => {
    const grid = gridFromRanges("S", [
      { values: [[1]], rowIndex: 0, columnIndex: 0 },
      { values: [[2]], rowIndex: 1, columnIndex: 0 },
    ]);
    expect(grid.values).toEqual([[1], [2]]);
  });
});
