/**
 * The two ports give the same workbook. The Hà Tĩnh sample is built into (a) an in-memory .xlsx through
 * XlsxWorkbookPort and (b) the fake Excel through OfficeWorkbookPort; both are recalculated with the
 * same pipeline; then the plans, every cell of the output sheets, the rules, the names, the meta and the
 * input sheets as read back must agree.
 *
 * One documented difference: office.js cannot tell an empty-text cell from an empty one, so the office
 * port does not write "" (cellValues.ts); "" on the .xlsx side compares equal to an empty cell.
 */
import type ExcelJS from "exceljs";
import { buildHaTinhSample } from "../../src/cli/sample/haTinhSample";
import { OfficeWorkbookPort } from "../../src/excel/officePort";
import { parseRangeAddress, rangeAddress } from "../../src/workbook/a1";
import { META_SHEET, type CellValue, type WritePlan } from "../../src/workbook/port";
import { recalculate, type RecalcOutcome } from "../../src/workbook/recalc";
import { buildTemplate } from "../../src/workbook/template";
import { writeSheets } from "../../src/workbook/writeSheets";
import { internals } from "../../src/xlsx/internals";
import { XlsxWorkbookPort } from "../../src/xlsx/xlsxPort";
import type { FakeExcelHandle, StoredValue } from "../fakeExcel";
import { setup } from "./support";

interface Rule {
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
  color?: string;
}

const canonical = (range: string): string => {
  const p = parseRangeAddress(range.replace(/\$/g, ""))!;
  return rangeAddress(p.start.row, p.start.col, p.end.row, p.end.col);
};

function xlsxRules(ws: ExcelJS.Worksheet): Rule[] {
  const rules: (Rule & { priority: number })[] = [];
  for (const cf of internals(ws).conditionalFormattings ?? []) {
    for (const rule of cf.rules) {
      const style = rule.style as {
        fill?: { fgColor?: { argb: string } };
        font?: { color?: { argb: string } };
      };
      rules.push(
        rule.type === "dataBar"
          ? {
              priority: rule.priority ?? 0,
              range: canonical(cf.ref),
              type: "DataBar",
              color: "#" + (rule.color as { argb: string }).argb.slice(2),
            }
          : {
              priority: rule.priority ?? 0,
              range: canonical(cf.ref),
              type: "Custom",
              formula: "=" + String(rule.formulae![0]),
              fill: "#" + style.fill!.fgColor!.argb.slice(2),
              font: "#" + style.font!.color!.argb.slice(2),
            },
      );
    }
  }
  return rules.sort((a, b) => a.priority - b.priority).map(({ priority: _p, ...r }) => r);
}

function officeRules(fake: FakeExcelHandle, sheet: string): Rule[] {
  return fake
    .sheet(sheet)
    .conditionalFormats()
    .map((cf) =>
      cf.type === "DataBar"
        ? { range: canonical(cf.range), type: "DataBar", color: cf.dataBar!.fillColor! }
        : {
            range: canonical(cf.range),
            type: "Custom",
            formula: cf.formula,
            fill: cf.fill!,
            font: cf.fontColor!,
          },
    );
}

/** The .xlsx cell as the office port would hold it: covered merge cells and "" are empty. */
function xlsxCell(ws: ExcelJS.Worksheet, r: number, c: number): StoredValue | null {
  const cell = ws.getCell(r + 1, c + 1);
  if (cell.isMerged && cell.master !== cell) return null;
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object") return { error: (v as { error: string }).error };
  return v as StoredValue;
}

let xlsx: XlsxWorkbookPort;
let office: OfficeWorkbookPort;
let fake: FakeExcelHandle;
let xlsxOutcome: RecalcOutcome;
let officeOutcome: RecalcOutcome;

beforeAll(async () => {
  xlsx = XlsxWorkbookPort.createEmpty();
  await writeSheets(xlsx, buildTemplate(buildHaTinhSample()));
  xlsxOutcome = await recalculate(xlsx);

  ({ fake, port: office } = setup());
  await writeSheets(office, buildTemplate(buildHaTinhSample()));
  officeOutcome = await recalculate(office);
}, 60_000);

afterAll(() => fake.uninstall());

const outputs = (plan: WritePlan) => plan.sheets.map((s) => s.name);

it("reads the same input and so plans the same output", () => {
  expect(officeOutcome.issues).toEqual(xlsxOutcome.issues);
  expect(JSON.stringify(officeOutcome.plan)).toBe(JSON.stringify(xlsxOutcome.plan));
  expect(officeOutcome.plan.sheets.length).toBeGreaterThan(5);
});

it("writes every output cell identically", () => {
  for (const name of outputs(xlsxOutcome.plan)) {
    const ws = xlsx.workbook.getWorksheet(name)!;
    const mine = fake.sheet(name).values();
    const height = Math.max(ws.rowCount, mine.length);
    const width = Math.max(ws.columnCount, ...mine.map((r) => r.length));
    let compared = 0;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const expected = xlsxCell(ws, r, c);
        const actual = mine[r]?.[c] ?? null;
        if (actual !== expected && JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(
            `${name}!R${r + 1}C${c + 1}: office ${JSON.stringify(actual)} ≠ xlsx ${JSON.stringify(expected)}`,
          );
        }
        if (expected !== null) compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  }
});

it("writes the same rules on every sheet, user sheets' highlights included", () => {
  const sheets = xlsx.workbook.worksheets.map((ws) => ws.name).filter((n) => n !== META_SHEET);
  let total = 0;
  for (const name of sheets) {
    const expected = xlsxRules(xlsx.workbook.getWorksheet(name)!);
    expect({ name, rules: officeRules(fake, name) }).toEqual({ name, rules: expected });
    total += expected.length;
  }
  expect(total).toBeGreaterThan(20);
  expect(officeRules(fake, "Dữ liệu xã").some((r) => r.formula?.includes('ISTEXT("NTM Planner")'))).toBe(
    true,
  );
});

it("defines the same names", () => {
  const model = xlsx.workbook.definedNames.model as { name: string; ranges: string[] }[];
  const expected = model
    .map((n) => ({ name: n.name, formula: "=" + n.ranges[0] }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const actual = fake.names().sort((a, b) => a.name.localeCompare(b.name));
  expect(actual).toEqual(expected);
  expect(actual.length).toBeGreaterThan(0);
});

it("keeps the same sheets, order, visibility and meta", async () => {
  const xlsxSheets = xlsx.workbook.worksheets.map((ws) => ({ name: ws.name, state: ws.state ?? "visible" }));
  const officeSheets = fake
    .sheetNames()
    .filter((n) => n !== "Sheet1")
    .map((name) => ({
      name,
      state: { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" }[fake.sheet(name).visibility],
    }));
  expect(officeSheets).toEqual(xlsxSheets);
  expect(await office.readMeta()).toEqual(await xlsx.readMeta());
});

it("lays NTM_META out cell by cell as the .xlsx port does, so each port reads the other's", () => {
  const ws = xlsx.workbook.getWorksheet(META_SHEET)!;
  const mine = fake.sheet(META_SHEET).values();
  const expected = Array.from({ length: ws.rowCount }, (_, r) =>
    Array.from({ length: ws.columnCount }, (_, c) => xlsxCell(ws, r, c)),
  );
  const width = Math.max(...mine.map((r) => r.length), ...expected.map((r) => r.length));
  const pad = (rows: (StoredValue | null)[][]) => {
    const out = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    while (out.length > 0 && out[out.length - 1].every((v) => v === null)) out.pop();
    return out;
  };
  expect(pad(mine)).toEqual(pad(expected));
  expect(mine[0][0]).toBe("NTM Planner");
});

it("reads the input sheets back as the .xlsx port does", async () => {
  const inputs = xlsxOutcome.plan.inputHighlights!.map((h) => h.sheet);
  const names = [...new Set([...inputs, ...Object.values(xlsxOutcome.read.roles)])];
  expect(names.length).toBeGreaterThan(3);
  const fromXlsx = await xlsx.readSheets(names);
  const fromOffice = await office.readSheets(names);
  expect(fromOffice.map((g) => g.name)).toEqual(fromXlsx.map((g) => g.name));
  fromOffice.forEach((grid, i) => {
    const expected = fromXlsx[i];
    const normalise = (values: CellValue[][]) => values.map((row) => row.map((v) => (v === "" ? null : v)));
    expect({ name: grid.name, values: grid.values }).toEqual({
      name: expected.name,
      values: normalise(expected.values),
    });
    expect(grid.numberFormats).toEqual(expected.numberFormats);
  });
});
