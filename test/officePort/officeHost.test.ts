/**
 * OfficeHost on the fake Office: language and theme, preferences, the mapping in the document settings,
 * selecting a cell, watching sheets (without the add-in's own writes), capabilities and the pane.
 */
import { brightness, getOfficeHost, MAPPING_SETTING, OfficeHost } from "../../src/excel/officeHost";
import { ExcelQueue } from "../../src/excel/queue";
import type { ColumnMapping } from "../../src/workbook/read/reader";
import { installFakeOffice, type FakeExcelHandle, type FakeOfficeOptions } from "../fakeExcel";

let fake: FakeExcelHandle;
let clock = 0;

function host(opts: FakeOfficeOptions = {}, storage: Map<string, string> | null = new Map()): OfficeHost {
  fake?.uninstall();
  fake = installFakeOffice({ sheets: ["Dữ liệu xã", "Ghi chú"], ...opts });
  return new OfficeHost({
    queue: new ExcelQueue({ retryDelaysMs: [1], sleep: () => Promise.resolve() }),
    storage: storage && {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    },
    now: () => clock,
    graceMs: 1000,
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => fake.uninstall());

describe("language, theme, preferences", () => {
  it("reports Office's display language", () => {
    expect(host({ displayLanguage: "en-US" }).displayLanguage()).toBe("en-US");
  });

  it("prefers dark when the task pane background is dark", () => {
    expect(host({ bodyBackgroundColor: "#1F1F1F" }).prefersDark()).toBe(true);
    expect(host({ bodyBackgroundColor: "#FFFFFF" }).prefersDark()).toBe(false);
    expect(host({}).prefersDark()).toBe(false);
    expect(brightness("#333")).toBeCloseTo(51);
    expect(brightness("blue")).toBeNull();
  });

  it("keeps preferences in the storage, and in memory when the storage fails", () => {
    const storage = new Map<string, string>();
    const h = host({}, storage);
    h.setPreference("lang", "en");
    expect(storage.get("ntmPlanner.lang")).toBe("en");
    expect(h.getPreference("lang")).toBe("en");
    expect(h.getPreference("autoRecalc")).toBeNull();

    const broken = new OfficeHost({
      storage: {
        getItem: () => {
          throw new Error("denied");
        },
        setItem: () => {
          throw new Error("quota");
        },
      },
    });
    broken.setPreference("lang", "vi");
    expect(broken.getPreference("lang")).toBe("vi");
  });
});

describe("column mapping", () => {
  const mapping: ColumnMapping = { sheets: { communes: "Xã 2025" }, headerRows: { communes: 3 } };

  it("saves the mapping with the document and reads it back", async () => {
    const h = host();
    expect(await h.loadMapping()).toBeNull();
    await h.saveMapping(mapping);
    expect(fake.savedSettings()[MAPPING_SETTING]).toBe(JSON.stringify(mapping));
    expect(await h.loadMapping()).toEqual(mapping);
    await h.saveMapping(null);
    expect(fake.savedSettings()[MAPPING_SETTING]).toBeUndefined();
    expect(await h.loadMapping()).toBeNull();
  });

  it("ignores a setting that is not a mapping", async () => {
    expect(await host({ settings: { [MAPPING_SETTING]: "{not json" } }).loadMapping()).toBeNull();
    expect(await host({ settings: { [MAPPING_SETTING]: '{"sheets":[1]}' } }).loadMapping()).toBeNull();
  });
});

describe("Excel", () => {
  it("activates the sheet and selects the cell", async () => {
    const h = host();
    await h.selectCell("Ghi chú", "E7");
    expect(fake.activeSheet).toBe("Ghi chú");
    expect(fake.selection).toEqual({ sheet: "Ghi chú", address: "E7" });
  });

  it("reports capabilities from the requirement sets", () => {
    const h = host({ apiVersion: "1.13" });
    expect(h.supports("createWorkbook")).toBe(true);
    expect(h.supports("changeTriggerSource")).toBe(false);
    expect(host({ apiVersion: "1.7" }).supports("createWorkbook")).toBe(false);
    expect(host({ apiVersion: "1.14" }).supports("changeTriggerSource")).toBe(true);
  });

  it("shows the task pane where the shared runtime allows it", async () => {
    const h = host();
    await h.showPane();
    expect(fake.paneShown).toBe(1);
    const old = host({ sets: { SharedRuntime: "1.0" } });
    await old.showPane();
    expect(fake.paneShown).toBe(0);
  });

  it("is one host per runtime", () => {
    host();
    expect(getOfficeHost()).toBe(getOfficeHost());
  });
});

describe("watchSheets", () => {
  async function addinWrite(): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Dữ liệu xã").getRange("A1").values = [["'bot"]];
      await context.sync();
    });
  }

  it("tells the user's edits in watched sheets from the add-in's own writes (ExcelApi 1.14)", async () => {
    const h = host();
    let changes = 0;
    const stop = await h.watchSheets(["dữ liệu xã"], () => changes++);
    fake.editCell("Dữ liệu xã", "B2", 5);
    await settle();
    expect(changes).toBe(1);
    fake.editCell("Ghi chú", "B2", 5);
    await addinWrite();
    await settle();
    expect(changes).toBe(1);
    await stop();
    fake.editCell("Dữ liệu xã", "B3", 6);
    await settle();
    expect(changes).toBe(1);
  });

  it("without triggerSource, ignores changes during and just after the port's writes", async () => {
    const h = host({ apiVersion: "1.13" });
    let changes = 0;
    await h.watchSheets(["Dữ liệu xã"], () => changes++);
    clock = 10_000;
    await h.port.write({
      sheets: [{ name: "KQ", rows: [["x"]] }],
      meta: { version: 1, ownedSheets: ["KQ"] },
    });
    await addinWrite();
    fake.editCell("Dữ liệu xã", "B2", 5);
    await settle();
    expect(changes).toBe(0);
    clock += 2_000;
    fake.editCell("Dữ liệu xã", "B2", 7);
    await settle();
    expect(changes).toBe(1);
  });

  it("watches nothing, without failing, where Excel has no worksheets.onChanged (ExcelApi 1.8)", async () => {
    const h = host({ apiVersion: "1.8" });
    let changes = 0;
    const stop = await h.watchSheets(["Dữ liệu xã"], () => changes++);
    fake.editCell("Dữ liệu xã", "B2", 5);
    await settle();
    await stop();
    expect(changes).toBe(0);
    expect(fake.syncCount).toBe(0);
  });

  it("finds sheets added after it started watching", async () => {
    const h = host();
    let changes = 0;
    await h.watchSheets(["Mới"], () => changes++);
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Mới");
      await context.sync();
    });
    fake.editCell("Mới", "A1", 1);
    await settle();
    expect(changes).toBe(1);
  });
});
