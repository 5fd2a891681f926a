/**
 * OfficeWorkbookPort on the fake Excel: reads in one sync, writes in few syncs under the payload budget,
 * text stays text, refused plans change nothing, events and calculation always come back, and the
 * tool's rules, names and sheets are the only things it replaces.
 */
import { buildHaTinhSample } from "../../src/cli/sample/haTinhSample";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/blocks";
import { HostError } from "../../src/taskpane/host";
import { DATA_BAR_COLOUR } from "../../src/workbook/formats/palette";
import { META_SHEET, type WritePlan } from "../../src/workbook/port";
import { recalculate } from "../../src/workbook/recalc";
import type { SheetSpec } from "../../src/workbook/sheetSpec";
import { buildTemplate } from "../../src/workbook/template";
import { writeSheets } from "../../src/workbook/writeSheets";
import { TOOL_RULE_MARKER } from "../../src/workbook/formats/toolRules";
import { FakeOfficeError, type FakeExcelHandle } from "../fakeExcel";
import { MAX_MERGED_AREAS } from "../fakeExcel/client";
import { parseAddress } from "../fakeExcel/state";
import { countWriteSyncs, setup, snapshot } from "./support";
import type { OfficeWorkbookPort } from "../../src/excel/officePort";

const RESULT = "Kết quả";
const MARKS = "NTM marks";
const INPUT = "Xã";
const LONG_LIST = Array.from({ length: 40 }, (_, i) => `Xã số ${i + 1} huyện Mường Nhé`);
const HOSTILE = ["=1+1", "+84 912 345 678", "-5 xã", "@x", "85%", "TRUE", "2025-01-01", "'quoted", "#N/A?"];

function resultSheet(): SheetSpec {
  return {
    name: RESULT,
    rows: [
      ["Xã", "Tỉ lệ", "Đạt?", "Xã"],
      ["Xã A", 0.85, "Đạt", "=1+1"],
      ["Xã B", 0.4, "Chưa đạt", "+84 912 345 678"],
      ["Xã C", null, true, "-5 xã"],
      ["Xã D", 12, false, "@x"],
      [],
      ["Ghi chú: số liệu năm 2025", null, null, null],
    ],
    columnWidths: [20, 10, 10, 30],
    freeze: { rows: 1, columns: 1 },
    styles: [
      { range: "A1:D1", bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true },
      { range: "A7:D7", italic: true, fontColor: "595959", merge: true },
    ],
    numberFormats: [{ range: "B2:B5", format: "0.0%" }],
    conditionalFormats: [
      { kind: "textEquals", range: "C2:C5", text: "Đạt", style: "met" },
      { kind: "formula", range: "A2:D5", formula: "=$B2<0.5", style: "notMet" },
      { kind: "dataBar", range: "B2:B5", color: DATA_BAR_COLOUR },
    ],
    validations: [
      { range: "C2:C5", list: ["Đạt", "Chưa đạt"], errorTitle: "Sai giá trị", error: "Chọn trong danh sách" },
      { range: "A2:A5", list: LONG_LIST },
    ],
    table: { name: "Bảng kết quả", range: "A1:D5" },
    tabColor: "70AD47",
    page: { landscape: true, repeatRows: [1, 1] },
  };
}

function plan(overrides: Partial<WritePlan> = {}): WritePlan {
  return {
    sheets: [resultSheet(), { name: MARKS, rows: [[null, 1], [2]], hidden: true }],
    names: [{ name: "NTM_DD_1", sheet: MARKS, range: "A1:B2" }],
    inputHighlights: [
      {
        sheet: INPUT,
        rules: [
          { kind: "formula", range: "B2:C3", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=1", style: "notMet" },
          { kind: "formula", range: "B2:C3", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=2", style: "near" },
        ],
      },
    ],
    meta: { version: 1, ownedSheets: [RESULT, MARKS] },
    ...overrides,
  };
}

/** A workbook with the user's input sheet "Xã" (and one user rule and one user name on it). */
async function userWorkbook(fake: FakeExcelHandle): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(INPUT);
    ws.getRange("A1:C3").values = [
      ["Mã", "Đường", "Nước"],
      ["'001", 80, 95],
      ["'002", 60, 99],
    ];
    const userRule = ws.getRange("A1:C3").conditionalFormats.add("Custom");
    userRule.custom.rule.formula = "=B1>90";
    userRule.custom.format.fill.color = "#00FF00";
    ws.getRange("B2:B3").conditionalFormats.add("DataBar");
    context.workbook.names.add("MyRange", "='Xã'!$A$1:$C$3");
    await context.sync();
  });
  fake.resetStats();
}

let fake: FakeExcelHandle;
let port: OfficeWorkbookPort;

beforeEach(() => ({ fake, port } = setup()));
afterEach(() => fake.uninstall());

describe("reading", () => {
  it("reads every named sheet's used range in exactly one sync, from A1", async () => {
    const data = fake.workbook.addSheet("Data");
    data.writeValue(2, 1, "'Xã A");
    data.writeValue(2, 3, 0.85);
    data.setNumberFormat(2, 3, "0%");
    data.writeValue(3, 2, 45_001);
    data.setNumberFormat(3, 2, "dd/mm/yyyy");
    data.writeValue(3, 3, "'=1+1");
    fake.workbook.addSheet("Empty");

    const grids = await port.readSheets(["data", "Missing", "Empty"]);

    expect(fake.syncCount).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(["Data", "Empty"]);
    expect(grids[0].values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, "Xã A", null, 0.85],
      [null, null, "2023-03-16", "=1+1"],
    ]);
    expect(grids[0].numberFormats![2][3]).toBe("0%");
    expect(grids[0].numberFormats![3][2]).toBe("dd/mm/yyyy");
    expect(grids[0].numberFormats![1][1]).toBeNull();
    expect(grids[1]).toEqual({ name: "Empty", values: [], numberFormats: [], merges: [], hidden: false });
  });

  /** A planner's form: a two-row header over A5:F6 with merged cells, on a sheet named with a space. */
  function mergedForm(name = "Biểu 01"): void {
    const ws = fake.workbook.addSheet(name);
    ws.writeValue(4, 0, "'TT");
    ws.writeValue(4, 1, "'Xã");
    ws.writeValue(4, 2, "'Nguồn vốn");
    ["'NSTW", "'NSĐP", "'Tín dụng", "'Khác"].forEach((v, i) => ws.writeValue(5, 2 + i, v));
    ws.writeValue(7, 0, 1);
    ws.writeValue(7, 1, "'Xã Thạch Hà");
    for (const address of ["C5:F5", "A5:A7", "B5:B7"]) ws.merge(parseAddress(address)!.rect);
  }

  it("reads merged ranges and sheet visibility in the same one sync as the values", async () => {
    mergedForm();
    fake.workbook.addSheet("Ẩn").visibility = "Hidden";
    fake.workbook.addSheet("Ẩn hẳn").visibility = "VeryHidden";
    fake.workbook.sheets.find((s) => s.name === "Ẩn hẳn")!.writeValue(0, 0, "'x");

    const grids = await port.readSheets(["Biểu 01", "Ẩn", "Ẩn hẳn", "Sheet1"]);

    expect(fake.syncCount).toBe(1);
    expect(grids.map((g) => [g.name, g.merges, g.hidden])).toEqual([
      ["Biểu 01", ["A5:A7", "B5:B7", "C5:F5"], false],
      ["Ẩn", [], true],
      ["Ẩn hẳn", [], true],
      ["Sheet1", [], false],
    ]);
    expect(grids[0].values[4]).toEqual(["TT", "Xã", "Nguồn vốn", null, null, null]);
    expect(grids[2].values).toEqual([["x"]]);
  });

  it("finds a merged range that starts beyond the last value (the used range with formats)", async () => {
    const ws = fake.workbook.addSheet("Trống");
    ws.writeValue(0, 0, 1);
    ws.merge(parseAddress("D10:E12")!.rect);
    const [grid] = await port.readSheets(["Trống"]);
    expect(grid.values).toEqual([[1]]);
    expect(grid.merges).toEqual(["D10:E12"]);
  });

  it("leaves merges out below ExcelApi 1.13, still in one sync and still knowing hidden sheets", async () => {
    fake.uninstall();
    ({ fake, port } = setup({ apiVersion: "1.12" }));
    mergedForm();
    fake.sheet("Biểu 01").state.visibility = "Hidden";
    const [grid] = await port.readSheets(["Biểu 01"]);
    expect(fake.syncCount).toBe(1);
    expect(grid.merges).toBeUndefined();
    expect("merges" in grid).toBe(false);
    expect(grid.hidden).toBe(true);
    expect(grid.values[7]).toEqual([1, "Xã Thạch Hà", null, null, null, null]);
  });

  it("reads a sheet with more merged areas than Excel returns, without them rather than failing", async () => {
    mergedForm();
    const many = fake.workbook.addSheet("Nhiều ô gộp");
    for (let r = 0; r <= MAX_MERGED_AREAS; r++) {
      many.writeValue(r, 0, `'Xã ${r}`);
      many.merge({ r0: r, c0: 0, r1: r, c1: 2 });
    }
    const grids = await port.readSheets(["Biểu 01", "Nhiều ô gộp"]);
    expect(fake.syncs.map((s) => s.failed ?? "ok")).toEqual(["GeneralException", "ok"]);
    expect(grids.map((g) => g.merges)).toEqual([undefined, undefined]);
    expect(grids.map((g) => g.hidden)).toEqual([false, false]);
    expect(grids[1].values[MAX_MERGED_AREAS]).toEqual([`Xã ${MAX_MERGED_AREAS}`]);
  });

  it("does not hide a cell-edit error behind a second read without merges", async () => {
    mergedForm();
    fake.setCellEditing(true);
    await expect(port.readSheets(["Biểu 01"])).rejects.toMatchObject({ code: "cellEditing" });
    expect(fake.syncCount).toBe(1);
  });

  it("reads a sheet too large for one response in row blocks", async () => {
    fake.uninstall();
    ({ fake, port } = setup({ responseLimitBytes: 60_000 }));
    const data = fake.workbook.addSheet("Big");
    for (let r = 0; r < 2_000; r++) {
      data.writeValue(r, 0, `'Xã số ${r}`);
      data.writeValue(r, 1, r);
    }
    const [grid] = await port.readSheets(["Big"]);
    expect(grid.values).toHaveLength(2_000);
    expect(grid.values[1_999]).toEqual(["Xã số 1999", 1999]);
    expect(fake.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 60_000)).toBe(true);
    expect(fake.syncs.length).toBeGreaterThan(3);
  });

  it("carries merged ranges and visibility when it reads in row blocks too", async () => {
    fake.uninstall();
    ({ fake, port } = setup({ responseLimitBytes: 60_000 }));
    const data = fake.workbook.addSheet("Big");
    data.visibility = "Hidden";
    data.writeValue(0, 0, "'Danh sách xã");
    data.merge(parseAddress("A1:C1")!.rect);
    for (let r = 1; r < 2_000; r++) {
      data.writeValue(r, 0, `'Xã số ${r}`);
      data.writeValue(r, 1, r);
    }
    const [grid] = await port.readSheets(["Big"]);
    expect(fake.syncs[0].failed).toBe("ResponsePayloadSizeLimitExceeded");
    expect(grid.values).toHaveLength(2_000);
    expect(grid.merges).toEqual(["A1:C1"]);
    expect(grid.hidden).toBe(true);
  });

  it("lists sheets in tab order without the meta sheet and reads the meta sheet's layout", async () => {
    await port.write(plan({ inputHighlights: undefined, names: undefined }));
    expect(fake.sheetNames().at(-1)).toBe(META_SHEET);
    expect(await port.sheetNames()).toEqual(["Sheet1", RESULT, MARKS]);
    expect(await port.readMeta()).toEqual({ version: 1, ownedSheets: [RESULT, MARKS] });
    const column = fake
      .sheet(META_SHEET)
      .values()
      .map((r) => r[0]);
    expect(column.slice(0, 5)).toEqual(["NTM Planner", 1, RESULT, MARKS, null]);
  });
});

describe("writing", () => {
  it("writes the Hà Tĩnh sample's recalculation in at most 4 syncs when nothing needs splitting", async () => {
    await writeSheets(port, buildTemplate(buildHaTinhSample()));
    const writes = countWriteSyncs(port, fake);
    fake.resetStats();
    const outcome = await recalculate(port);
    expect(outcome.usable).toBe(true);
    expect(writes.syncs).toHaveLength(1);
    expect(writes.syncs[0]).toBeLessThanOrEqual(4);
    expect(port.lastWrite).toMatchObject({ valueSyncs: 1, syncs: writes.syncs[0] });
    const writeSyncs = fake.syncs.slice(-writes.syncs[0]);
    expect(writeSyncs.slice(1).every((s) => s.calculationSuspended)).toBe(true);
    expect(writeSyncs.filter((s) => s.screenUpdatingSuspended)).toHaveLength(1);
    expect(fake.enableEvents).toBe(true);
  });

  it("splits a large sheet into blocks that keep every request under the budget", async () => {
    const rows = Array.from({ length: 30_000 }, (_, r) => [
      `Xã số ${r} — huyện Hương Sơn`,
      r,
      r / 7,
      r % 2 === 0,
      `Ghi chú dài cho dòng ${r}: chưa đạt tiêu chí 2.1`,
      "Đạt",
    ]);
    await port.write({ sheets: [{ name: RESULT, rows }], meta: { version: 1, ownedSheets: [RESULT] } });
    const stats = port.lastWrite!;
    expect(stats.valueSyncs).toBeGreaterThanOrEqual(2);
    expect(fake.syncs.every((s) => s.requestBytes <= REQUEST_BUDGET_BYTES)).toBe(true);
    expect(fake.maxRequestBytes).toBeGreaterThan(REQUEST_BUDGET_BYTES * 0.75);
    expect(fake.syncCount).toBeLessThanOrEqual(4 + stats.valueSyncs);
    const values = fake.sheet(RESULT).values();
    expect(values).toHaveLength(30_000);
    expect(values[29_999]).toEqual(rows[29_999]);
    expect(values[12_345]).toEqual(rows[12_345]);
  });

  it("keeps text a user typed as text, however it starts", async () => {
    const spec: SheetSpec = { name: INPUT, rows: [HOSTILE] };
    await port.write({ sheets: [], inputSheets: [spec], meta: { version: 1, ownedSheets: [] } });
    const sheet = fake.sheet(INPUT);
    HOSTILE.forEach((text, c) => {
      const cell = sheet.cell(String.fromCharCode(65 + c) + "1");
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    });
    const [grid] = await port.readSheets([INPUT]);
    expect(grid.values[0]).toEqual(HOSTILE);
    expect(grid.numberFormats![0].every((f) => f === null)).toBe(true);
  });

  it("writes a tool sheet with its formats, table, rules, validations and page setup", async () => {
    await userWorkbook(fake);
    await port.write(plan());
    const s = fake.sheet(RESULT);
    expect(s.values()[1]).toEqual(["Xã A", 0.85, "Đạt", "=1+1"]);
    expect(s.values()[0]).toEqual(["Xã", "Tỉ lệ", "Đạt?", "Xã2"]); // table headers made unique
    expect(fake.tables()).toEqual([
      { name: "Bang_ket_qua", sheet: RESULT, range: "A1:D5", style: "TableStyleLight1" },
    ]);
    expect(s.cell("B2").numberFormat).toBe("0.0%");
    expect(s.cell("A1").style).toMatchObject({
      "font.bold": true,
      "fill.color": "#DDEBF7",
      horizontalAlignment: "Center",
      wrapText: true,
      "border.EdgeTop.style": "Continuous",
      "border.InsideVertical.weight": "Thin",
    });
    expect(s.merges()).toEqual(["A7:D7"]);
    expect(s.freeze()).toEqual({ rows: 1, columns: 1 });
    expect(s.columnWidths().get(0)).toBe(105); // 20 characters → 140 px → 105 pt
    expect(s.tabColor).toBe("#70AD47");
    expect(s.pageLayout()).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
    });
    expect(s.conditionalFormats()).toEqual([
      { type: "Custom", range: "C2:C5", formula: '=EXACT(C2,"Đạt")', fill: "#C6EFCE", fontColor: "#006100" },
      { type: "Custom", range: "A2:D5", formula: "=$B2<0.5", fill: "#FFC7CE", fontColor: "#9C0006" },
      expect.objectContaining({ type: "DataBar", range: "B2:B5" }),
    ]);
    expect(s.conditionalFormats()[2].dataBar).toMatchObject({
      lowerBoundRule: { type: "Number", formula: "0" },
      upperBoundRule: { type: "Number", formula: "1" },
      fillColor: "#5B9BD5",
      gradientFill: false,
    });
    const validations = s.validations();
    expect(validations[0]).toMatchObject({
      range: "C2:C5",
      rule: { list: { inCellDropDown: true, source: "Đạt,Chưa đạt" } },
      errorAlert: { showAlert: true, style: "Stop", title: "Sai giá trị", message: "Chọn trong danh sách" },
    });
    expect(validations[1].rule).toEqual({ list: { inCellDropDown: true, source: "='NTM_META'!$C$1:$C$40" } });
    expect(fake.sheet(META_SHEET).values()[39][2]).toBe(LONG_LIST[39]);
    expect(fake.sheet(MARKS).visibility).toBe("Hidden");
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
  });

  it("replaces its own sheets where they were and keeps the meta sheet last", async () => {
    await userWorkbook(fake);
    await port.write(plan());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(RESULT).position = 0;
      context.workbook.worksheets.add("Later");
      await context.sync();
    });
    const changed = plan();
    changed.sheets[0].rows[1][0] = "Xã A mới";
    await port.write(changed);
    expect(fake.sheetNames()).toEqual([RESULT, "Sheet1", INPUT, MARKS, "Later", META_SHEET]);
    expect(fake.sheet(RESULT).values()[1][0]).toBe("Xã A mới");
    expect(fake.sheet(INPUT).values()[1]).toEqual(["001", 80, 95]);
  });

  it("degrades without ExcelApi 1.9: no page setup, no suspended screen updating", async () => {
    fake.uninstall();
    ({ fake, port } = setup({ apiVersion: "1.8" }));
    await userWorkbook(fake);
    await port.write(plan());
    expect(fake.sheet(RESULT).pageLayout().orientation).toBe("Portrait");
    expect(fake.syncs.some((s) => s.screenUpdatingSuspended)).toBe(false);
    expect(fake.sheet(RESULT).validations()).toHaveLength(2);
  });
});

describe("events and calculation", () => {
  it.each([
    ["the values sync", 2],
    ["the formats sync", 3],
    ["the highlights sync", 4],
  ])("are restored when %s fails", async (_what, n) => {
    await userWorkbook(fake);
    fake.failSync(n, new FakeOfficeError("GeneralException", "Something went wrong."));
    await expect(port.write(plan())).rejects.toBeInstanceOf(HostError);
    expect(fake.enableEvents).toBe(true);
    expect(fake.calculationSuspended).toBe(false);
    expect(port.isWriting()).toBe(false);
  });

  it("are off while writing and come back to what they were", async () => {
    await userWorkbook(fake);
    const seen: boolean[] = [];
    const spy = fake.engine.sync.bind(fake.engine);
    fake.engine.sync = async (ctx) => {
      await spy(ctx);
      seen.push(fake.enableEvents);
    };
    await port.write(plan());
    expect(seen.slice(1, -1).every((on) => !on)).toBe(true);
    expect(fake.enableEvents).toBe(true);

    fake.workbook.enableEvents = false;
    await port.write(plan());
    expect(fake.enableEvents).toBe(false);
  });
});

describe("refused plans change nothing", () => {
  async function expectRefused(p: WritePlan, message: RegExp): Promise<void> {
    const before = snapshot(fake);
    fake.resetStats();
    await expect(port.write(p)).rejects.toThrow(message);
    expect(snapshot(fake)).toEqual(before);
    expect(fake.syncCount).toBe(1); // the read of the workbook's state, nothing else
  }

  beforeEach(() => userWorkbook(fake));

  it("when a user sheet has the name of a result sheet", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add(RESULT).getRange("A1").values = [["'mine"]];
      await context.sync();
    });
    await expectRefused(plan(), /was not created by NTM Planner/);
  });

  it("when a later sheet has a bad colour", async () => {
    const p = plan();
    p.sheets[1].tabColor = "green";
    await expectRefused(p, /Not an RRGGBB colour/);
  });

  it("when NTM_META belongs to someone else", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add(META_SHEET).getRange("A1").values = [["'other tool"]];
      await context.sync();
    });
    await expectRefused(plan(), /did not create/);
  });

  it("when an input sheet already exists", async () => {
    await expectRefused(
      { sheets: [], inputSheets: [{ name: INPUT, rows: [["x"]] }], meta: { version: 1, ownedSheets: [] } },
      /never replaced/,
    );
  });

  it("when a highlight targets a missing sheet or puts a data bar on a user sheet", async () => {
    await expectRefused(plan({ inputHighlights: [{ sheet: "Nope", rules: [] }] }), /does not exist/);
    await expectRefused(
      plan({
        inputHighlights: [{ sheet: INPUT, rules: [{ kind: "dataBar", range: "B2:B3", color: "5B9BD5" }] }],
      }),
      /data bars/,
    );
  });

  it("when a range or a name is not bounded", async () => {
    const p = plan();
    p.sheets[0].styles = [{ range: "A:A", bold: true }];
    await expectRefused(p, /not a bounded A1 range/);
    await expectRefused(
      plan({ names: [{ name: "Other", sheet: MARKS, range: "A1" }] }),
      /must start with NTM_/,
    );
  });
});

describe("what the tool owns", () => {
  beforeEach(() => userWorkbook(fake));

  const rulesOf = (sheet: string) => fake.sheet(sheet).conditionalFormats();

  it("adds its highlight rules after the user's and replaces only its own on a re-run", async () => {
    await port.write(plan());
    let rules = rulesOf(INPUT);
    // The user's two rules first (Excel put their data bar, added last, on top), then the tool's.
    expect(rules.map((r) => r.formula ?? r.type)).toEqual([
      "DataBar",
      "=B1>90",
      `=AND(${TOOL_RULE_MARKER},INDEX(NTM_DD_1,ROW(),COLUMN())=1)`,
      `=AND(${TOOL_RULE_MARKER},INDEX(NTM_DD_1,ROW(),COLUMN())=2)`,
    ]);
    expect(rules[2]).toMatchObject({ range: "B2:C3", fill: "#FFC7CE", fontColor: "#9C0006" });

    const again = plan();
    again.inputHighlights![0].rules = [again.inputHighlights![0].rules[1]];
    await port.write(again);
    rules = rulesOf(INPUT);
    expect(rules.map((r) => r.formula ?? r.type)).toEqual([
      "DataBar",
      "=B1>90",
      `=AND(${TOOL_RULE_MARKER},INDEX(NTM_DD_1,ROW(),COLUMN())=2)`,
    ]);
  });

  it("recognises the rules the .xlsx port added, and removes them from sheets no longer highlighted", async () => {
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.add("Huyện");
      other.getRange("A1").values = [[1]];
      const cf = other.getRange("A1:A3").conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=and(istext("NTM Planner"),'${MARKS}'!A1=1)`;
      await context.sync();
    });
    await port.write(plan());
    expect(rulesOf("Huyện")).toEqual([]);
    expect(rulesOf(INPUT)).toHaveLength(4);

    await port.write(plan({ inputHighlights: [] }));
    expect(rulesOf(INPUT).map((r) => r.formula ?? r.type)).toEqual(["DataBar", "=B1>90"]);
  });

  it("leaves its rules alone when the plan has no highlights", async () => {
    await port.write(plan());
    await port.write(plan({ inputHighlights: undefined }));
    expect(rulesOf(INPUT)).toHaveLength(4);
  });

  it("replaces every NTM_ name with the plan's and keeps the user's names; no names leaves them", async () => {
    await Excel.run(async (context) => {
      context.workbook.names.add("NTM_OLD", "='Xã'!$A$1");
      await context.sync();
    });
    await port.write(plan());
    expect(fake.names()).toEqual([
      { name: "MyRange", formula: "='Xã'!$A$1:$C$3" },
      { name: "NTM_DD_1", formula: `='${MARKS}'!$A$1:$B$2` },
    ]);
    await port.write(plan({ names: undefined }));
    expect(fake.names().map((n) => n.name)).toEqual(["MyRange", "NTM_DD_1"]);
    expect(fake.names()[1].formula).toBe("=#REF!$A$1:$B$2"); // its sheet was replaced; the plan keeps names
  });

  it("creates input sheets once and never records them as its own", async () => {
    await port.write({
      sheets: [],
      inputSheets: [{ name: "Mới", rows: [["a"]] }],
      meta: { version: 1, ownedSheets: [] },
    });
    expect(fake.sheet("Mới").values()).toEqual([["a"]]);
    expect(await port.readMeta()).toEqual({ version: 1, ownedSheets: [] });
  });
});
