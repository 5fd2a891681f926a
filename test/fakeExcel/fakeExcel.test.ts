/**
 * The fake Excel itself: it must fail where Excel fails, or the port's tests prove nothing.
 */
import { installFakeOffice, type FakeExcelHandle } from ".";
import { MAX_MERGED_AREAS } from "./client";
import { jsonBytes } from "./errors";
import { parseAddress } from "./state";

let fake: FakeExcelHandle;

beforeEach(() => {
  fake = installFakeOffice();
});

afterEach(() => fake.uninstall());

describe("load semantics", () => {
  it("refuses to read a property before load + sync, and gives it after", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.load("name");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheet.name).toBe("Sheet1");
    });
  });

  it("knows isNullObject only after a sync", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("gives the used range from the first used cell, and a null object for an empty sheet", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const empty = ws.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      ws.getRange("C3:D4").values = [
        [1, null],
        [null, "'x"],
      ];
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,values,rowIndex,columnIndex");
      await context.sync();
      expect(used.address).toBe("Sheet1!C3:D4");
      expect(used.values).toEqual([
        [1, ""],
        ["", "x"],
      ]);
      expect([used.rowIndex, used.columnIndex]).toEqual([2, 2]);
    });
  });
});

describe("writing arrays", () => {
  it("rejects a values array whose shape differs from the range", async () => {
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.sheet("Sheet1").values()).toEqual([]);
  });

  it("applies a single value to every cell of the range", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.numberFormat = "0.0%" as unknown as string[][];
      range.values = [
        [1, 2],
        [3, 4],
      ];
      await context.sync();
    });
    expect(fake.sheet("Sheet1").cell("B2").numberFormat).toBe("0.0%");
  });

  it("reads typed text as Excel does, and keeps apostrophe-prefixed text as text", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").values = [
        ["=1+1", "'=1+1", "85%", "-5 xã", "TRUE", "'TRUE"],
      ];
      await context.sync();
    });
    const s = fake.sheet("Sheet1");
    expect(s.cell("A1")).toMatchObject({ value: 2, formula: "=1+1" });
    expect(s.cell("B1")).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(s.cell("B1").formula).toBeUndefined();
    expect(s.cell("C1")).toMatchObject({ value: 0.85, numberFormat: "0%" });
    expect(s.cell("D1")).toMatchObject({ value: { error: "#NAME?" }, formula: "=-5 xã" });
    expect(s.cell("E1").value).toBe(true);
    expect(s.cell("F1").value).toBe("TRUE");
  });
});

describe("payload accounting", () => {
  it("records each sync's request size as the JSON of its commands", async () => {
    const values = [["'" + "x".repeat(1000)]];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = values;
      await context.sync();
    });
    const bytes = fake.syncs[0].requestBytes;
    expect(bytes).toBeGreaterThan(jsonBytes(values));
    expect(bytes).toBeLessThan(jsonBytes(values) + 200);
    expect(fake.maxRequestBytes).toBe(bytes);
  });

  it("fails a request over the limit before changing anything", async () => {
    fake.uninstall();
    fake = installFakeOffice({ requestLimitBytes: 10_000 });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[1]];
        ws.getRange("A2").values = [["'" + "y".repeat(20_000)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.sheet("Sheet1").values()).toEqual([]);
  });

  it("fails the next syncs with injected cell-edit and busy errors", async () => {
    fake.failNextSync("cellEdit");
    fake.failNextSync("busy");
    const sync = () => Excel.run((context) => context.sync());
    await expect(sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(sync()).rejects.toMatchObject({ message: "Wait until the previous call completes." });
    await expect(sync()).resolves.toBeUndefined();
  });
});

describe("workbook rules", () => {
  it("adds a conditional format at the top and clamps a priority past the end to the last place", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      range.conditionalFormats.add("Custom").custom.rule.formula = "=A1=1";
      const second = range.conditionalFormats.add("Custom");
      second.custom.rule.formula = "=A1=2";
      await context.sync();
      expect(
        fake
          .sheet("Sheet1")
          .conditionalFormats()
          .map((c) => c.formula),
      ).toEqual(["=A1=2", "=A1=1"]);
      second.priority = 1_000;
      await context.sync();
    });
    expect(
      fake
        .sheet("Sheet1")
        .conditionalFormats()
        .map((c) => c.formula),
    ).toEqual(["=A1=1", "=A1=2"]);
  });

  it("refuses to load a Custom rule's formula from a data bar", async () => {
    await expect(
      Excel.run(async (context) => {
        const formats = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats;
        formats.add("DataBar");
        formats.load("items/custom/rule/formula");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("keeps one visible sheet and hides sheets very hidden", async () => {
    await Excel.run(async (context) => {
      const meta = context.workbook.worksheets.add("Meta");
      meta.visibility = "VeryHidden";
      await context.sync();
    });
    expect(fake.sheet("Meta").visibility).toBe("VeryHidden");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("turns a name that points at a deleted sheet into #REF!", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Marks");
      context.workbook.names.add("NTM_X", "='Marks'!$A$1:$B$2");
      context.workbook.worksheets.getItem("Marks").delete();
      await context.sync();
    });
    expect(fake.names()).toEqual([{ name: "NTM_X", formula: "=#REF!$A$1:$B$2" }]);
  });
});

describe("merged areas and visibility", () => {
  /** A sheet "Biểu 01" with header cells merged over A5:A7 and C5:F5, and an empty merge at H20:I20. */
  function mergedSheet() {
    const ws = fake.workbook.addSheet("Biểu 01");
    ws.writeValue(4, 0, "'TT");
    ws.writeValue(4, 2, "'Nguồn vốn");
    ws.writeValue(7, 0, 1);
    for (const address of ["A5:A7", "C5:F5", "H20:I20"]) ws.merge(parseAddress(address)!.rect);
    return ws;
  }

  it("gives the merged areas whose top-left cell is in the range, with the sheet name in each address", async () => {
    mergedSheet();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Biểu 01");
      const all = ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject();
      all.load("address,areaCount,areas/items/address");
      // B5:F9 holds the top-left of C5:F5 only (A5:A7 overlaps it but starts outside).
      const part = ws.getRange("B5:F9").getMergedAreasOrNullObject();
      part.areas.load("items/address");
      await context.sync();
      expect(all.isNullObject).toBe(false);
      expect(all.areaCount).toBe(3);
      expect(all.address).toBe("'Biểu 01'!A5:A7, 'Biểu 01'!C5:F5, 'Biểu 01'!H20:I20");
      expect(all.areas.items.map((a) => a.address)).toEqual([
        "'Biểu 01'!A5:A7",
        "'Biểu 01'!C5:F5",
        "'Biểu 01'!H20:I20",
      ]);
      expect(part.areas.items.map((a) => a.address)).toEqual(["'Biểu 01'!C5:F5"]);
    });
  });

  it("counts a merged range as formatted, so the used range with formats reaches an empty merge", async () => {
    mergedSheet();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Biểu 01");
      const values = ws.getUsedRangeOrNullObject(true);
      const formats = ws.getUsedRangeOrNullObject(false);
      values.load("address");
      formats.load("address");
      await context.sync();
      expect([values.address, formats.address]).toEqual(["'Biểu 01'!A5:C8", "'Biểu 01'!A5:I20"]);
    });
  });

  it("gives a null object when the range has no merged areas, and refuses unloaded properties", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[1]];
      const merged = ws.getRange("A1:Z99").getMergedAreasOrNullObject();
      const ofNull = context.workbook.worksheets
        .getItemOrNullObject("Không có")
        .getUsedRangeOrNullObject(false)
        .getMergedAreasOrNullObject();
      expect(() => merged.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      merged.load("areas/items/address");
      await context.sync();
      expect(merged.isNullObject).toBe(true);
      expect(ofNull.isNullObject).toBe(true);
      expect(() => merged.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("refuses merged areas below ExcelApi 1.13", async () => {
    fake.uninstall();
    fake = installFakeOffice({ apiVersion: "1.12" });
    mergedSheet();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem("Biểu 01")
          .getRange()
          .getMergedAreasOrNullObject()
          .load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("fails the sync when a range holds more merged areas than Excel returns", async () => {
    const ws = fake.workbook.addSheet("Nhiều");
    for (let r = 0; r <= MAX_MERGED_AREAS; r++) ws.merge({ r0: r, c0: 0, r1: r, c1: 1 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nhiều").getRange().getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.syncs.at(-1)!.failed).toBe("GeneralException");
  });

  it("counts the call in the request and the addresses in the response of its sync", async () => {
    mergedSheet();
    await Excel.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("Biểu 01").getRange().getMergedAreasOrNullObject();
      merged.load("areas/items/address");
      await context.sync();
    });
    const [sync] = fake.syncs;
    expect(sync.operations).toBe(3); // the call, the null-object probe, the load
    expect(sync.responseBytes).toBeGreaterThanOrEqual(
      jsonBytes(["'Biểu 01'!A5:A7", "'Biểu 01'!C5:F5", "'Biểu 01'!H20:I20"]),
    );
  });

  it("reports a sheet's visibility when loaded", async () => {
    fake.workbook.addSheet("Ẩn").visibility = "Hidden";
    fake.workbook.addSheet("Ẩn hẳn").visibility = "VeryHidden";
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const one = sheets.getItem("Ẩn");
      expect(() => one.visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Sheet1", "Visible"],
        ["Ẩn", "Hidden"],
        ["Ẩn hẳn", "VeryHidden"],
      ]);
    });
  });
});

describe("events", () => {
  it("tells the add-in's own writes apart (ExcelApi 1.14) and stays silent with events off", async () => {
    const seen: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => void seen.push(args.triggerSource));
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await context.sync();
    });
    fake.editCell("Sheet1", "B1", 5);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(["ThisLocalAddin"]);
  });
});

describe("Office", () => {
  it("answers requirement sets up to the configured ExcelApi version", () => {
    fake.uninstall();
    fake = installFakeOffice({ apiVersion: "1.8" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
  });

  it("refuses an API above the configured version at sync", async () => {
    fake.uninstall();
    fake = installFakeOffice({ apiVersion: "1.8" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the handle", () => {
  it("starts from an empty workbook when asked, and forgets the syncs made so far", async () => {
    fake.uninstall();
    fake = installFakeOffice({ sheets: [] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Dữ liệu xã").getRange("A1").values = [["'x"]];
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["Dữ liệu xã"]);
    expect(fake.activeSheet).toBe("Dữ liệu xã");
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    expect([fake.syncCount, fake.runs, fake.maxRequestBytes]).toEqual([0, 0, 0]);
  });
});

describe("jsonBytes", () => {
  it("measures nested arrays exactly as their JSON text", () => {
    const value = [["'Đạt", 1.5, null, true, undefined], [], [{ a: "x" }, Number.NaN]];
    expect(jsonBytes(value)).toBe(new TextEncoder().encode(JSON.stringify(value)).length);
  });
});
