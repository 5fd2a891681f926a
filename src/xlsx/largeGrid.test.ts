import { XlsxWorkbookPort } from "./xlsxPort";
import type { OutCell } from "../workbook/sheetSpec";

const ROWS = 10_500;
const COLS = 90;

/** A province-sized input: 10,500 rows × 90 columns of text, numbers and booleans. */
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

// A smoke test, not a benchmark: it only checks that a grid this size goes through write → save →
// load → read intact. Times and memory are measured separately (see the port's hand-over notes).
it("writes, saves, loads and reads a 10,500 × 90 grid", async () => {
  const rows = bigRows();
  const port = XlsxWorkbookPort.createEmpty();
  await port.write({
    sheets: [
      {
        name: "Dữ liệu",
        rows,
        freeze: { rows: 1, columns: 1 },
        styles: [{ range: "A1:CL1", bold: true, fill: "DDEBF7", border: true }],
        numberFormats: [{ range: `B2:B${ROWS}`, format: "0.0" }],
        conditionalFormats: [{ kind: "textEquals", range: `C2:C${ROWS}`, text: "Đạt", style: "met" }],
      },
    ],
    inputHighlights: [],
    meta: { version: 1, ownedSheets: ["Dữ liệu"] },
  });
  const again = await XlsxWorkbookPort.fromBuffer(await port.toBuffer());
  const [grid] = await again.readSheets(["Dữ liệu"]);
  expect(grid.values).toHaveLength(ROWS);
  expect(grid.values.every((row) => row.length === COLS)).toBe(true);
  expect(grid.values[ROWS - 1]).toEqual(rows[ROWS - 1]);
  expect(grid.values[5000][1]).toBe(rows[5000][1]);
  expect(grid.numberFormats![5000][1]).toBe("0.0");
}, 240_000);
