import fc from "fast-check";
import ExcelJS from "exceljs";
import { isDateFormat, isoDate, serialToIsoDate } from "./dates";

describe("date formats", () => {
  it("recognises date formats exactly as ExcelJS does when it reads a file", async () => {
    const fixed = [
      "dd/mm/yyyy",
      "mm-dd-yy",
      "[h]:mm:ss",
      "yyyy",
      'd "ngày"',
      "0%",
      "0.0%",
      "General",
      "@",
      '"Đạt"',
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

  it("treats no format and General as no date", () => {
    expect([null, undefined, "", "General"].map(isDateFormat)).toEqual([false, false, false, false]);
  });
});

describe("date serials", () => {
  it("gives the yyyy-mm-dd ExcelJS gives for any serial (utils.excelToDate, then isoDate)", () => {
    fc.assert(
      fc.property(fc.double({ min: 61, max: 2_958_465, noNaN: true }), fc.boolean(), (serial, date1904) => {
        const excelJs = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
        expect(serialToIsoDate(serial, date1904)).toBe(isoDate(excelJs));
      }),
    );
  });

  it("reads the same day in the 1900 and the 1904 date system", () => {
    expect(serialToIsoDate(46_022)).toBe("2025-12-31");
    expect(serialToIsoDate(46_022 - 1462, true)).toBe("2025-12-31");
  });

  it("rounds away serial-number noise before taking the date", () => {
    // 2025-03-15 minus less than half a millisecond, as a float serial can come out.
    expect(isoDate(new Date(Date.UTC(2025, 2, 15) - 0.4))).toBe("2025-03-15");
    // A date typed as 45001 and stored as 45000.9999999 is 45001's day.
    expect(serialToIsoDate(45_000.9999999)).toBe("2023-03-16");
  });

  it("gives an empty text for a serial no Date can hold", () => {
    expect(serialToIsoDate(Number.NaN)).toBe("");
    expect(isoDate(new Date(Number.NaN))).toBe("");
  });
});
