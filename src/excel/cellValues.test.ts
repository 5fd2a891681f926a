import fc from "fast-check";
import ExcelJS from "exceljs";
import {
  fromExcelValue,
  gridFromRanges,
  isDateFormat,
  MAX_CELL_TEXT,
  serialToIsoDate,
  toExcelInput,
} from "./cellValues";
import { isoDate } from "../xlsx/readGrid";

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

describe("dates", () => {
  it("recognises date formats exactly as ExcelJS does when it reads a file", async () => {
    const fixed = [
      "dd/mm/yyyy",
      "0%",
      "General",
      "@",
      '0.0" ngày"',
      "[$-42A]d mmmm yyyy",
      "#,##0",
      "h:mm",
      "[Red]0.00",
    ];
    const formats = [
      ...fixed,
      ...fc.sample(fc.string({ minLength: 1, maxLength: 10 }), { numRuns: 150, seed: 7 }),
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    formats.forEach((f, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = 45_001;
      cell.numFmt = f;
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = back.getWorksheet("S")!;
    formats.forEach((f, i) => {
      expect({ f, date: read.getCell(i + 1, 1).value instanceof Date }).toEqual({ f, date: isDateFormat(f) });
    });
  });

  it("turns a serial under a date format into the same yyyy-mm-dd as the .xlsx port", () => {
    fc.assert(
      fc.property(fc.double({ min: 61, max: 2_958_465, noNaN: true }), (serial) => {
        const viaExcelJS = isoDate(new Date(Math.round((serial - 25569) * 24 * 3600 * 1000)));
        expect(serialToIsoDate(serial)).toBe(viaExcelJS);
      }),
    );
    // Float noise of a date typed as 45001 rounds to that day, as in the .xlsx port.
    expect(fromExcelValue(45_000.9999999, "dd/mm/yyyy")).toBe("2023-03-16");
    expect(fromExcelValue(45_000, "0.0")).toBe(45_000);
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
