import { XlsxWorkbookPort } from "../../xlsx/xlsxPort";
import { detectColumns, type SheetDetection } from "./columnDetection";
import { withColumn, withSheet } from "./mapping";
import type { OutCell } from "../sheetSpec";
import { recalculate } from "../recalc";
import { buildTemplate } from "../template";
import { writeSheets } from "../writeSheets";

/** A planner's own layout: settings and criteria from the template, communes on their own sheet. */
async function ownLayoutWorkbook(): Promise<XlsxWorkbookPort> {
  const template = buildTemplate({
    setId: "2021-2025",
    provinceCode: "42",
    provinceName: "Hà Tĩnh",
    year: 2022,
    lang: "vi",
    indicators: undefined,
  }).filter((s) => s.name === "Thiết lập" || s.name === "Chỉ tiêu");
  const rows: OutCell[][] = [
    ["BIỂU 02 – SỐ LIỆU CÁC XÃ NĂM 2022"],
    [],
    ["TT", "Mã ĐVHC", "Tên xã", "Huyện", "Đường xã cứng hoá (2.1)", "Ghi chú thêm"],
    [1, "18073", "Xã Sơn Kim 1", "436", 100, ""],
    [2, "18076", "Xã Sơn Kim 2", "436", 60, ""],
  ];
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, [...template, { name: "So lieu xa 2022", rows }]);
  return port;
}

const byRole = (d: SheetDetection[], role: string) => d.find((x) => x.role === role)!;

describe("detectColumns", () => {
  it("finds the template's own columns with full confidence", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await writeSheets(
      port,
      buildTemplate({
        setId: "2021-2025",
        provinceCode: "42",
        provinceName: "Hà Tĩnh",
        year: 2022,
        lang: "vi",
      }),
    );
    const d = await detectColumns(port, { lang: "vi" });
    const communes = byRole(d, "communes");
    expect(communes.sheet).toBe("Dữ liệu xã");
    expect(communes.headerRow).not.toBeNull();
    const code = communes.columns.find((c) => c.key === "code")!;
    expect(code).toMatchObject({ kind: "field", required: true, column: "A", confidence: 1, mapped: false });
    const road = communes.columns.find((c) => c.key === "2.1")!;
    expect(road.kind).toBe("indicator");
    expect(road.column).not.toBeNull();
    expect(road.confidence).toBeGreaterThanOrEqual(0.9);
    expect(road.label).toMatch(/^2\.1 – /);
    expect(communes.headers.length).toBeGreaterThan(10);
  });

  it("shows a planner's own layout with looser matches, and a correction lands in the mapping", async () => {
    const port = await ownLayoutWorkbook();
    let d = await detectColumns(port, { lang: "vi" });
    // The communes sheet is not found by name: the planner picks it.
    expect(byRole(d, "communes").sheet).toBeNull();
    let mapping = withSheet({}, "communes", "So lieu xa 2022", 3);
    d = await detectColumns(port, { mapping, lang: "en" });
    const communes = byRole(d, "communes");
    expect(communes).toMatchObject({ sheet: "So lieu xa 2022", headerRow: 3 });
    expect(communes.headers.map((h) => h.column)).toEqual(["A", "B", "C", "D", "E", "F"]);
    const road = communes.columns.find((c) => c.key === "2.1")!;
    expect(road).toMatchObject({ column: "E", header: "Đường xã cứng hoá (2.1)" });
    expect(road.confidence).toBeLessThan(0.9);
    // "Huyện" is not recognised as the district code column: shown as missing, for the planner to set.
    const parent = communes.columns.find((c) => c.key === "parent")!;
    expect(parent).toMatchObject({ column: null, confidence: 0 });
    expect(communes.columns.find((c) => c.key === "name")).toMatchObject({ column: "C", confidence: 1 });

    mapping = withColumn(mapping, "communes", "code", "b");
    expect(mapping).toEqual({
      sheets: { communes: "So lieu xa 2022" },
      headerRows: { communes: 3 },
      columns: { communes: { code: "B" } },
    });
    d = await detectColumns(port, { mapping, lang: "vi" });
    expect(byRole(d, "communes").columns.find((c) => c.key === "code")).toMatchObject({
      column: "B",
      header: "Mã ĐVHC",
      confidence: 1,
      mapped: true,
    });
    expect(withSheet(withColumn(mapping, "communes", "code", null), "communes", null, null)).toEqual({});
  });

  it("reads only: the workbook is the same after detection", async () => {
    const port = await ownLayoutWorkbook();
    const before = await port.readSheets(await port.sheetNames());
    await detectColumns(port, { mapping: withSheet({}, "communes", "So lieu xa 2022", 3), lang: "vi" });
    expect(await port.readSheets(await port.sheetNames())).toEqual(before);
  });
});

describe("the mapping sheet", () => {
  it("is written with the results, read back by a later recalculation without a mapping, and emptied when cleared", async () => {
    const port = await ownLayoutWorkbook();
    const mapping = withColumn(withSheet({}, "communes", "So lieu xa 2022", 3), "communes", "code", "B");
    const first = await recalculate(port, { mapping });
    expect(first.result.localities.filter((l) => l.level === "commune").map((l) => l.code)).toEqual([
      "18073",
      "18076",
    ]);
    expect(await port.sheetNames()).toContain("Ánh xạ cột");

    // Saved, reopened, recalculated by someone without the mapping: the sheet supplies it.
    const reopened = await XlsxWorkbookPort.fromBuffer(await port.toBuffer());
    const second = await recalculate(reopened, {});
    expect(second.read.mapping).toEqual(mapping);
    expect(second.result.localities.filter((l) => l.level === "commune")).toHaveLength(2);

    // Changed: the sheet follows.
    const changed = withSheet({}, "communes", "So lieu xa 2022", 3);
    await recalculate(reopened, { mapping: changed });
    expect((await recalculate(reopened, { dryRun: true })).read.mapping).toEqual(changed);
  });

  it("is rewritten empty when the mapping is cleared, and then no longer applies", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await writeSheets(
      port,
      buildTemplate({
        setId: "2021-2025",
        provinceCode: "42",
        provinceName: "Hà Tĩnh",
        year: 2022,
        lang: "vi",
        communes: [{ code: "18073", name: "Xã Sơn Kim 1" }],
      }),
    );
    await recalculate(port, { mapping: withSheet({}, "communes", "Dữ liệu xã", null) });
    expect(await port.sheetNames()).toContain("Ánh xạ cột");
    await recalculate(port, { mapping: {} });
    const after = await recalculate(port, { dryRun: true });
    expect(after.read.mapping).toEqual({});
    expect(after.read.roles.communes).toBe("Dữ liệu xã");
  });

  it("never reads a planner's own sheet that happens to carry the mapping sheet's name", async () => {
    const port = await ownLayoutWorkbook();
    await writeSheets(port, [{ name: "Ánh xạ cột", rows: [["communes", "", "So lieu xa 2022", 3, "", ""]] }]);
    const outcome = await recalculate(port, { dryRun: true });
    expect(outcome.read.mapping).toBeUndefined();
    // The communes sheet is still found, by what it holds; the planner's sheet only is not a mapping.
    expect(outcome.read.roles.communes).toBe("So lieu xa 2022");
    expect(outcome.read.understanding.sheets.find((s) => s.sheet === "Ánh xạ cột")?.role).toBeNull();
  });
});
