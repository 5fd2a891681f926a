import ExcelJS from "exceljs";
import type { OutCell } from "../../workbook/sheetSpec";
import { XlsxPatchPort } from "./xlsxPatchPort";

const ROWS = 10_500;
const COLS = 90;

/** A province-sized result: 10,500 rows × 90 columns of text, numbers and booleans. */
function bigRows(): OutCell[][] {
  const rows: OutCell[][] = [Array.from({ length: COLS }, (_, c) => `Chỉ tiêu ${c + 1}`)];
  for (let r = 1; r < ROWS; r++) {
    const row: OutCell[] = new Array(COLS);
    for (let c = 0; c < COLS; c++) {
      row[c] = c % 3 === 0 ? `Xã ${r}-${c}` : c % 3 === 1 ? ((r * c) % 1000) / 7 : (r + c) % 2 === 0;
    }
    rows.push(row);
  }
  return rows;
}

// A smoke test, not a benchmark: a grid this size goes through write → save → load → read intact,
// styled and highlighted over whole columns. Times and memory are measured separately.
it("writes, saves, loads and reads a 10,500 × 90 sheet", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Nhập").getCell("A1").value = "x";
  const port = await XlsxPatchPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const rows = bigRows();
  await port.write({
    sheets: [
      {
        name: "Dữ liệu",
        rows,
        freeze: { rows: 1, columns: 1 },
        styles: [
          { range: "A1:CL1", bold: true, fill: "DDEBF7", border: true },
          { range: `A2:A${ROWS}`, italic: true },
        ],
        numberFormats: [{ range: `B2:B${ROWS}`, format: "0.0" }],
        conditionalFormats: [{ kind: "textEquals", range: `C2:C${ROWS}`, text: "Đạt", style: "met" }],
      },
    ],
    inputHighlights: [
      { sheet: "Nhập", rules: [{ kind: "formula", range: `A1:CL${ROWS}`, formula: "=A1=1", style: "near" }] },
    ],
    meta: { version: 1, ownedSheets: ["Dữ liệu"] },
  });
  const again = await XlsxPatchPort.fromBuffer(await port.toBuffer());
  const [grid] = await again.readSheets(["Dữ liệu"]);
  expect(grid.values).toHaveLength(ROWS);
  expect(grid.values.every((row) => row.length === COLS)).toBe(true);
  expect(grid.values[ROWS - 1]).toEqual(rows[ROWS - 1]);
  expect(grid.values[5000][1]).toBe(rows[5000][1]);
  expect(grid.numberFormats![5000][1]).toBe("0.0");
}, 120_000);
