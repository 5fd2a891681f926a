/**
 * End to end in a real browser: the production bundle of the task pane in headless Debian Chromium,
 * office.js answered by the fake Excel holding the Hà Tĩnh sample. Clicks through as a planner would
 * (setup → recalculate → issues → ribbon → reports), asserts on the workbook, and keeps screenshots in
 * out/e2e/ (docs/pane-recalc.png in the README is one of them).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { buildHaTinhSample } from "../../src/cli/sample/haTinhSample";
import { buildTemplate } from "../../src/workbook/template";
import {
  buildBundles,
  CHROMIUM,
  launchChromium,
  openPane,
  pageErrors,
  repoRoot,
  serve,
  type Bundles,
} from "./harness";

jest.setTimeout(420_000);

const SHOTS = path.join(repoRoot(), "out", "e2e");
const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium)
  console.warn(`Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install -y chromium)`);

/** Reads from the fake workbook inside the page. */
function fake<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const f = window.__NTM_FAKE__; return ${fn}; })()`) as Promise<T>;
}

describeInBrowser("the task pane in Chromium, on the Hà Tĩnh sample", () => {
  let work: string;
  let bundles: Bundles;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  /** Every URL the page asked for, to tell when the report chunks were loaded. */
  const requested: string[] = [];
  const sheets = buildTemplate(buildHaTinhSample({ year: 2022, lang: "vi" }));

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "ntm-e2e-"));
    mkdirSync(SHOTS, { recursive: true });
    bundles = await buildBundles(work);
    server = await serve(bundles.paneDir);
    browser = await launchChromium();
    page = await openPane(browser, server.url, bundles, { sheets, displayLanguage: "vi-VN" });
    page.on("request", (r) => requested.push(r.url()));
    await page.getByRole("tab", { name: /Thiết lập/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("opens in Vietnamese at 320 px without horizontal scrolling and shows what the reader finds", async () => {
    await page.getByRole("tab", { name: /Thiết lập/ }).click();
    await page
      .getByText(/Dữ liệu xã/)
      .first()
      .waitFor();
    await page
      .getByText(/\d+\/\d+ cột/)
      .first()
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, "pane-setup.png"), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
  });

  it("recalculates with one click: summary in the pane, results and highlights in the workbook, input untouched", async () => {
    const inputBefore = await fake<unknown>(page, `f.sheet("Dữ liệu xã").values()`);
    await page.getByRole("tab", { name: /Tính toán/ }).click();
    await page.getByRole("button", { name: /^Tính lại$/ }).click();
    await page
      .getByText(/Xã đạt chuẩn NTM: 175\/182 \(96,2%\)/)
      .first()
      .waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(SHOTS, "pane-recalc.png"), fullPage: true });

    const names = await fake<string[]>(page, "f.sheetNames()");
    expect(names).toEqual(
      expect.arrayContaining(["KQ Tỉnh", "KQ Huyện", "KQ Xã", "KQ Cảnh báo", "NTM_META"]),
    );
    const rules = await fake<{ formula?: string }[]>(page, `f.sheet("Dữ liệu xã").conditionalFormats()`);
    expect(rules.some((r) => /NTM_DD_/.test(r.formula ?? ""))).toBe(true);
    expect(await fake<unknown>(page, `f.sheet("Dữ liệu xã").values()`)).toEqual(inputBefore);
    const syncs = await fake<number>(page, "f.syncCount");
    expect(syncs).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("lists the sample's two data problems and selects the cell a planner clicks", async () => {
    await page.getByRole("tab", { name: /Cảnh báo/ }).click();
    const item = page.getByRole("button", { name: /AS102/ });
    await item.waitFor();
    await expect(page.getByRole("button", { name: /AC163/ }).count()).resolves.toBe(1);
    await item.click();
    await page.waitForFunction(
      () => (window as unknown as { __NTM_FAKE__: { selection: unknown } }).__NTM_FAKE__.selection !== null,
    );
    expect(await fake<unknown>(page, "f.selection")).toEqual({ sheet: "Dữ liệu xã", address: "AS102" });
    // Keyboard only: Enter on the other item selects it too.
    await page.getByRole("button", { name: /AC163/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __NTM_FAKE__: { selection: { address: string } } }).__NTM_FAKE__.selection
          .address === "AC163",
    );
    await page.screenshot({ path: path.join(SHOTS, "pane-issues.png"), fullPage: true });
  });

  it("switches to English and remembers it", async () => {
    await page.getByRole("button", { name: /^EN – / }).click();
    await page.getByRole("tab", { name: /Calculate/ }).waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toMatch(/en/);
    await page.reload();
    await page.getByRole("tab", { name: /Calculate/ }).waitFor();
    await page.getByRole("button", { name: /^VI – / }).click();
    await page.getByRole("tab", { name: /Tính toán/ }).waitFor();
  });

  it("runs the ribbon's Recalculate in the same runtime and completes the event", async () => {
    const before = await fake<number>(page, "f.runs");
    const completed = await page.evaluate(async () => {
      const f = (window as unknown as { __NTM_FAKE__: { actions: Map<string, (e: unknown) => unknown> } })
        .__NTM_FAKE__;
      let done = false;
      await f.actions.get("recalculate")!({ completed: () => (done = true) });
      for (let i = 0; i < 600 && !done; i++) await new Promise((r) => setTimeout(r, 100));
      return done;
    });
    expect(completed).toBe(true);
    expect(await fake<number>(page, "f.runs")).toBeGreaterThan(before);
  });
  it("exports every report as a new workbook from the Reports tab, loading ExcelJS only then", async () => {
    const sheetsBefore = await fake<string[]>(page, "f.sheetNames()");
    const scripts = () => requested.filter((u) => u.endsWith(".js") && !u.includes("office.js"));
    const initialScripts = scripts().length;
    await page.getByRole("tab", { name: /Báo cáo/ }).click();
    const group = page.getByRole("group", { name: "Báo cáo cần xuất" });
    await group.waitFor();
    const label = (await group.getByText(/^Chọn tất cả/).textContent()) ?? "";
    const departments = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(departments).toBeGreaterThan(3);
    await expect(group.getByRole("checkbox", { name: "Sở Giao thông vận tải" }).isChecked()).resolves.toBe(
      true,
    );
    // Nothing of the export is loaded before the planner asks for it.
    expect(scripts()).toHaveLength(initialScripts);

    await page.getByRole("button", { name: "Xuất báo cáo", exact: true }).click();
    const total = departments + 1;
    await page
      .getByText(`Đã mở ${total} báo cáo, mỗi báo cáo trong một sổ mới.`)
      .waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(SHOTS, "pane-reports.png"), fullPage: true });

    // The report chunks came on demand.
    expect(scripts().length).toBeGreaterThan(initialScripts);
    const created = await fake<string[]>(page, "f.createdWorkbooks");
    expect(created).toHaveLength(total);
    for (const b64 of created) expect(b64.startsWith("UEsDB")).toBe(true); // "PK\3\4": a zip package
    // Each is a workbook ExcelJS opens, printed in Times New Roman, with the report's text.
    const texts: string[] = [];
    for (const b64 of [created[0], created[created.length - 1]]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, "base64") as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(wb.worksheets).toHaveLength(1);
      const cells: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && cells.push(c.value))));
      texts.push(cells.join(" "));
      expect(ws.getCell("A1").font?.name).toBe("Times New Roman");
    }
    expect(texts[0]).toMatch(/BÁO CÁO/);
    expect(texts[1]).toMatch(/TỔNG HỢP/i);
    // The planner's workbook is as it was.
    expect(await fake<string[]>(page, "f.sheetNames()")).toEqual(sheetsBefore);
    expect(pageErrors(page)).toEqual([]);
  });
  it("in Excel on the web, also downloads the chosen reports as one zip", async () => {
    // The stand-in Excel becomes Excel on the web; the tab looks again when it is shown.
    await page.evaluate(() => {
      (window as unknown as { Office: { context: { platform: string } } }).Office.context.platform =
        "OfficeOnline";
    });
    await page.getByRole("tab", { name: /Tính toán/ }).click();
    await page.getByRole("tab", { name: /Báo cáo/ }).click();
    const group = page.getByRole("group", { name: "Báo cáo cần xuất" });
    await group.getByRole("checkbox", { name: /^Chọn tất cả/ }).click();
    await group.getByRole("checkbox", { name: "Sở Giao thông vận tải" }).check();
    const before = (await fake<string[]>(page, "f.createdWorkbooks")).length;

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "Tải tất cả (.zip)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^BaoCao_NTM_Ha-Tinh_\d{4}-\d{2}-\d{2}\.zip$/);
    const file = path.join(work, "reports.zip");
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.endsWith(".xlsx"))).toBe(true);
    const wb = new ExcelJS.Workbook();
    const giaoThong = names.find((n) => /Giao-thong/i.test(n)) ?? names[0];
    await wb.xlsx.load((await zip.file(giaoThong)!.async("nodebuffer")) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === "string" && cells.push(c.value))),
    );
    expect(cells.join(" ")).toMatch(/GIAO THÔNG VẬN TẢI/i);
    await page.getByText(/^Đã tải xuống BaoCao_NTM_Ha-Tinh_.*\(2 báo cáo\)\.$/).waitFor();
    // Downloading opens no workbook.
    expect(await fake<string[]>(page, "f.createdWorkbooks")).toHaveLength(before);
    expect(pageErrors(page)).toEqual([]);
  });
});
