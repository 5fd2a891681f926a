/**
 * The office.js port reads a planner's form as the .xlsx ports do: the same sheets, written once as an
 * .xlsx file (ExcelJS) and once into the fake Excel (through office.js), read back through
 * XlsxWorkbookPort, XlsxPatchPort and OfficeWorkbookPort give the same grids — values, number formats,
 * merged ranges and visibility.
 */
import ExcelJS from "exceljs";
import type { OfficeWorkbookPort } from "../../src/excel/officePort";
import type { SheetGrid } from "../../src/workbook/port";
import { XlsxPatchPort } from "../../src/xlsx/patch/xlsxPatchPort";
import { XlsxWorkbookPort } from "../../src/xlsx/xlsxPort";
import type { FakeExcelHandle } from "../fakeExcel";
import { setup } from "./support";

type Cell = string | number;

interface FormSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** A1 address → value; numbers may carry a number format. */
  cells: Record<string, Cell | { value: number; format: string }>;
  merges: string[];
}

/** A summary form with a merged two-level header, and a hidden and a very hidden sheet beside it. */
const FORM: FormSheet[] = [
  {
    name: "Biểu 01",
    state: "visible",
    cells: {
      A1: "BIỂU TỔNG HỢP NGUỒN VỐN",
      A5: "TT",
      B5: "Xã",
      C5: "Nguồn vốn",
      C6: "NSTW",
      D6: "NSĐP",
      E6: "Tín dụng",
      F6: "Khác",
      A8: 1,
      B8: "Thạch Hà",
      C8: 1250.5,
      D8: { value: 0.25, format: "0%" },
      E8: { value: 45_001, format: "dd/mm/yyyy" },
    },
    merges: ["A1:F1", "A5:A7", "B5:B7", "C5:F5", "C6:C7", "D6:D7", "E6:E7", "F6:F7"],
  },
  { name: "Ẩn", state: "hidden", cells: { A1: "gộp", C3: 2 }, merges: ["A1:B2"] },
  { name: "Ẩn hẳn", state: "veryHidden", cells: { B2: 7 }, merges: [] },
  { name: "Trống có ô gộp", state: "visible", cells: {}, merges: ["B2:C3"] },
];

const NAMES = FORM.map((s) => s.name);

async function asXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of FORM) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.state });
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (typeof cell === "object") {
        ws.getCell(address).value = cell.value;
        ws.getCell(address).numFmt = cell.format;
      } else ws.getCell(address).value = cell;
    }
    for (const range of sheet.merges) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function intoExcel(): Promise<void> {
  await Excel.run(async (context) => {
    for (const sheet of FORM) {
      const ws = context.workbook.worksheets.add(sheet.name);
      for (const [address, cell] of Object.entries(sheet.cells)) {
        const range = ws.getRange(address);
        if (typeof cell === "object") {
          range.values = [[cell.value]];
          range.numberFormat = [[cell.format]];
        } else range.values = [[typeof cell === "string" ? "'" + cell : cell]];
      }
      for (const range of sheet.merges) ws.getRange(range).merge(false);
      if (sheet.state !== "visible") ws.visibility = sheet.state === "hidden" ? "Hidden" : "VeryHidden";
    }
    await context.sync();
  });
}

const view = (grids: SheetGrid[]) =>
  grids.map(({ name, values, numberFormats, merges, hidden }) => ({
    name,
    values,
    numberFormats,
    merges,
    hidden,
  }));

let fake: FakeExcelHandle;
let office: OfficeWorkbookPort;
let fromExcelJs: SheetGrid[];
let fromPatch: SheetGrid[];

beforeAll(async () => {
  const buf = await asXlsx();
  fromExcelJs = await (await XlsxWorkbookPort.fromBuffer(buf)).readSheets(NAMES);
  fromPatch = await (await XlsxPatchPort.fromBuffer(buf)).readSheets(NAMES);
  ({ fake, port: office } = setup());
  await intoExcel();
  fake.resetStats();
});

afterAll(() => fake.uninstall());

it("the two .xlsx ports agree on the form, merges and visibility included", () => {
  expect(view(fromPatch)).toEqual(view(fromExcelJs));
  expect(fromExcelJs.map((g) => [g.name, g.merges, g.hidden])).toEqual(
    FORM.map((s) => [s.name, s.merges, s.state !== "visible"]),
  );
});

it("reads the same grids through office.js, in one sync", async () => {
  const grids = await office.readSheets(NAMES);
  expect(fake.syncCount).toBe(1);
  expect(view(grids)).toEqual(view(fromExcelJs));
  expect(grids[0].values[7]).toEqual([1, "Thạch Hà", 1250.5, 0.25, "2023-03-16", null]);
});
