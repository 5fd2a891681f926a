/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { foldText } from "../domain/text";
import { recalculate } from "../workbook/recalc";
import { buildReports } from "../workbook/reports/buildReports";
import type { ChartSpec } from "../workbook/reports/types";
import { HostError, type HostFeature } from "./host";
import { haTinhSamplePort, MemoryHost, type MemoryHostOptions } from "./__fixtures__/memoryHost";
import { WrappedPort } from "./__fixtures__/ports";
import { renderPane } from "./__fixtures__/renderPane";
import { reportDepartments, reportSheetName, toBase64, zipName } from "./reports";
import { getSnapshot, openTab, resetPaneStore, runRecalculation } from "./store";

// Generous: two shared cores, other suites running beside this one.
const LONG = { timeout: 60000 };

/** The memory host plus what report export needs, each feature switchable and every call recorded. */
class ReportHost extends MemoryHost {
  readonly created: string[] = [];
  readonly charts: ChartSpec[][] = [];
  readonly downloads: { name: string; bytes: Uint8Array; mimeType: string }[] = [];
  /** When set, createWorkbook fails with it. */
  failCreate: unknown = null;
  /** When set, each createWorkbook waits for it. */
  gate: Promise<void> | null = null;

  constructor(
    opts: MemoryHostOptions,
    private readonly features: Partial<Record<HostFeature, boolean>>,
  ) {
    super(opts);
  }

  override supports(feature: HostFeature): boolean {
    return this.features[feature] ?? false;
  }

  async createWorkbook(base64: string): Promise<void> {
    if (this.gate) await this.gate;
    if (this.failCreate !== null) throw this.failCreate;
    this.created.push(base64);
  }

  async addCharts(charts: readonly ChartSpec[]): Promise<number> {
    this.charts.push([...charts]);
    return charts.length;
  }

  downloadFile(name: string, bytes: Uint8Array, mimeType: string): void {
    this.downloads.push({ name, bytes, mimeType });
  }
}

async function sampleHost(features: Partial<Record<HostFeature, boolean>>) {
  const port = new WrappedPort(await haTinhSamplePort());
  return { host: new ReportHost({ port }, features), port };
}

/** Every text cell of every sheet of an .xlsx, in reading order (a merged range once). */
async function xlsxTexts(bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === "string") out.push(cell.value);
      }),
    ),
  );
  return out;
}

const decode = (base64: string) => Uint8Array.from(Buffer.from(base64, "base64"));

beforeEach(() => resetPaneStore());

async function openReports(host: ReportHost) {
  const user = userEvent.setup();
  renderPane(host);
  await user.click(screen.getByRole("tab", { name: /Báo cáo/ }));
  const group = await screen.findByRole("group", { name: "Báo cáo cần xuất" }, LONG);
  return { user, group };
}

describe("the Reports tab", () => {
  it("lists the Hà Tĩnh sample's departments, all checked, from a dry recalculation that writes nothing", async () => {
    const { host, port } = await sampleHost({ createWorkbook: true });
    const { group } = await openReports(host);

    const outcome = await recalculate(port.inner, { dryRun: true });
    const expected = reportDepartments(outcome).map((d) => d.name);
    // The same departments, in the same order, as the report builder makes reports for.
    const built = buildReports(outcome, { lang: "vi", date: { day: 27, month: 11, year: 2026 } });
    expect(built.filter((d) => d.kind === "department").map((d) => d.department)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected).toContain("Sở Giao thông vận tải");

    for (const name of expected)
      expect(within(group).getByRole("checkbox", { name }).matches(":checked")).toBe(true);
    expect(
      within(group).getByRole("checkbox", { name: "Báo cáo tổng hợp của tỉnh" }).matches(":checked"),
    ).toBe(true);
    expect(within(group).getByRole("checkbox", { name: `Chọn tất cả (${expected.length})` })).toBeTruthy();
    expect(
      screen.getByText("Mỗi báo cáo mở thành một sổ Excel mới. Sổ đang mở không thay đổi."),
    ).toBeTruthy();
    // The date defaults to today.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    expect((screen.getByLabelText("Ngày báo cáo") as HTMLInputElement).value).toBe(today);
    expect(port.writes).toBe(0);
  }, 120000);

  it("uses the last recalculation when there is one, without reading the workbook again", async () => {
    const { host, port } = await sampleHost({ createWorkbook: true });
    await runRecalculation(host, "pane");
    const reads = port.reads;
    openTab("reports");
    renderPane(host);
    const group = await screen.findByRole("group", { name: "Báo cáo cần xuất" });
    expect(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" })).toBeTruthy();
    expect(port.reads).toBe(reads);
  }, 120000);

  it("opens one new workbook per chosen report, each a real .xlsx with its title, and leaves the workbook alone", async () => {
    const { host, port } = await sampleHost({ createWorkbook: true });
    const { user, group } = await openReports(host);
    const names = reportDepartments(await recalculate(port.inner, { dryRun: true })).map((d) => d.name);

    await user.click(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" }));
    expect(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" }).matches(":checked")).toBe(
      false,
    );
    expect(
      (within(group).getByRole("checkbox", { name: `Chọn tất cả (${names.length})` }) as HTMLInputElement)
        .indeterminate,
    ).toBe(true);
    fireEvent.change(screen.getByLabelText("Ngày báo cáo"), { target: { value: "2026-11-27" } });

    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    await screen.findByText(`Đã mở ${names.length} báo cáo, mỗi báo cáo trong một sổ mới.`, {}, LONG);

    // One workbook per department left checked, and the summary.
    expect(host.created).toHaveLength(names.length);
    const texts = await Promise.all(host.created.map((b) => xlsxTexts(decode(b))));
    const all = texts.map((t) => t.join("\n"));
    // The department reports, in the list's order; Giao thông's is not among them.
    expect(all.slice(0, -1).some((t) => /giao thông vận tải/i.test(t))).toBe(false);
    const others = names.filter((n) => n !== "Sở Giao thông vận tải");
    others.forEach((name, i) => expect(foldText(all[i])).toContain(foldText(name)));
    for (const t of all) expect(t).toMatch(/ngày 27 tháng 11 năm 2026/);
    // Each file is the report the builder makes for that choice, its title printed in it.
    const docs = buildReports(getSnapshot().outcome ?? (await recalculate(port.inner, { dryRun: true })), {
      lang: "vi",
      date: { day: 27, month: 11, year: 2026 },
      departments: others,
    });
    expect(docs).toHaveLength(host.created.length);
    docs.forEach((doc, i) => expect(foldText(all[i])).toContain(foldText(doc.title)));
    expect(all[all.length - 1]).toMatch(/TỔNG HỢP|tổng hợp/);
    // The base64 is exactly the file: a zip package.
    expect(Buffer.from(decode(host.created[0]).subarray(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");
    expect(port.writes).toBe(0);
    expect(await host.port.sheetNames()).not.toContain(expect.stringMatching(/^BC /));
  }, 120000);

  it("says which report it is making while it runs", async () => {
    const { host } = await sampleHost({ createWorkbook: true });
    let open!: () => void;
    host.gate = new Promise((resolve) => (open = resolve));
    const { user, group } = await openReports(host);
    await user.click(within(group).getByRole("checkbox", { name: /^Chọn tất cả/ }));
    await user.click(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" }));

    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    const status = await screen.findByText("Đang tạo báo cáo 1/2: Sở Giao thông vận tải…", {}, LONG);
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Tiến trình xuất báo cáo" })).toBeTruthy();
    // The button waits for the export to finish; a second click starts nothing.
    expect((screen.getByRole("button", { name: "Xuất báo cáo" }) as HTMLButtonElement).disabled).toBe(true);
    expect(getSnapshot().reports.running).toBe("export");

    await act(async () => open());
    await screen.findByText("Đã mở 2 báo cáo, mỗi báo cáo trong một sổ mới.", {}, LONG);
    expect(host.created).toHaveLength(2);
  }, 120000);

  it("without createWorkbook adds “BC …” sheets and native charts, and never replaces a user's sheet", async () => {
    const { host, port } = await sampleHost({ createWorkbook: false });
    await runRecalculation(host, "pane");
    const outcome = getSnapshot().outcome!;
    const summaryDoc = buildReports(outcome, {
      lang: "vi",
      date: { day: 1, month: 1, year: 2026 },
      departments: [],
    })[0];
    const summarySheet = reportSheetName(summaryDoc.sheets[0].name);
    expect(summaryDoc.charts.length).toBeGreaterThan(0);
    // The planner already has a sheet of that name.
    await port.inner.write({
      sheets: [],
      inputSheets: [{ name: summarySheet, rows: [["của tôi"]] }],
      meta: (await port.inner.readMeta())!,
    });
    const writesBefore = port.writes;

    openTab("reports");
    const user = userEvent.setup();
    renderPane(host);
    expect(screen.getByText(/Báo cáo được thêm vào sổ này thành các trang “BC …”/)).toBeTruthy();
    const group = await screen.findByRole("group", { name: "Báo cáo cần xuất" });
    await user.click(within(group).getByRole("checkbox", { name: /^Chọn tất cả/ }));
    await user.click(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" }));
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    const done = await screen.findByText("Đã thêm 2 báo cáo vào sổ này:", {}, LONG);

    const names = await host.port.sheetNames();
    const added = names.filter((n) => n.startsWith("BC "));
    expect([...added].sort()).toEqual(
      ["BC Sở Giao thông vận tải", summarySheet, `${summarySheet} (2)`].sort(),
    );
    // The user's sheet is as it was; the summary went next to it.
    const [mine] = await host.port.readSheets([summarySheet]);
    expect(mine.values).toEqual([["của tôi"]]);
    const [report] = await host.port.readSheets([`${summarySheet} (2)`]);
    expect(report.values.flat().join(" ")).toMatch(/ngày/);
    // The tool owns its results and the new report sheets; one write per report.
    const meta = await host.port.readMeta();
    expect(meta!.ownedSheets).toEqual(
      expect.arrayContaining(["KQ Xã", "BC Sở Giao thông vận tải", `${summarySheet} (2)`]),
    );
    expect(meta!.ownedSheets).not.toContain(summarySheet);
    expect(port.writes - writesBefore).toBe(2);
    // The summary's charts, on the sheet the summary went to.
    expect(host.charts).toHaveLength(1);
    expect(host.charts[0].map((c) => c.sheet)).toEqual(summaryDoc.charts.map(() => `${summarySheet} (2)`));
    expect(host.charts[0].map((c) => c.title)).toEqual(summaryDoc.charts.map((c) => c.title));
    // What was produced, said in the pane.
    const bar = done.closest('[role="status"]') as HTMLElement;
    expect(within(bar).getByText("BC Sở Giao thông vận tải")).toBeTruthy();
    expect(within(bar).getByText(`Đã vẽ ${summaryDoc.charts.length} biểu đồ.`)).toBeTruthy();
    expect(
      within(bar).getByText(
        `Trang “${summarySheet}” là của bạn nên được giữ nguyên; báo cáo ghi vào “${summarySheet} (2)”.`,
      ),
    ).toBeTruthy();
    expect(host.created).toEqual([]);
    expect(host.selections.at(-1)).toEqual({ sheet: "BC Sở Giao thông vận tải", cell: "A1" });
  }, 120000);

  it("shows Excel's error in the planner's words and keeps going afterwards", async () => {
    const { host } = await sampleHost({ createWorkbook: true });
    host.failCreate = new HostError("busy", "GeneralException: Wait until the previous call completes.");
    const { user, group } = await openReports(host);
    await user.click(within(group).getByRole("checkbox", { name: /^Chọn tất cả/ }));

    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    const alert = await screen.findByRole("alert", {}, LONG);
    expect(alert.textContent).toContain("Không xuất được báo cáo");
    expect(alert.textContent).toContain("Excel đang bận với một yêu cầu khác.");
    expect(getSnapshot().reports.error).toBeInstanceOf(HostError);

    host.failCreate = null;
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    await screen.findByText("Đã mở 1 báo cáo, mỗi báo cáo trong một sổ mới.", {}, LONG);
    expect(screen.queryByRole("alert")).toBeNull();
  }, 120000);

  it("offers the zip only where the host can save files, with every chosen report in it", async () => {
    const plain = await sampleHost({ createWorkbook: true });
    await openReports(plain.host);
    expect(screen.queryByRole("button", { name: "Tải tất cả (.zip)" })).toBeNull();
    cleanup();
    resetPaneStore();

    const { host } = await sampleHost({ createWorkbook: true, download: true });
    const { user, group } = await openReports(host);
    await user.click(within(group).getByRole("checkbox", { name: /^Chọn tất cả/ }));
    await user.click(within(group).getByRole("checkbox", { name: "Sở Giao thông vận tải" }));
    fireEvent.change(screen.getByLabelText("Ngày báo cáo"), { target: { value: "2026-11-27" } });
    await user.click(screen.getByRole("button", { name: "Tải tất cả (.zip)" }));
    await screen.findByText("Đã tải xuống BaoCao_NTM_Ha-Tinh_2026-11-27.zip (2 báo cáo).", {}, LONG);

    expect(host.downloads).toHaveLength(1);
    expect(host.downloads[0]).toMatchObject({
      name: "BaoCao_NTM_Ha-Tinh_2026-11-27.zip",
      mimeType: "application/zip",
    });
    const zip = await JSZip.loadAsync(host.downloads[0].bytes);
    const files = Object.keys(zip.files);
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith(".xlsx"))).toBe(true);
    const texts = await xlsxTexts(await zip.file(files[0])!.async("uint8array"));
    expect(foldText(texts.join(" "))).toContain(foldText("Sở Giao thông vận tải"));
    expect(host.created).toEqual([]);
  }, 120000);

  it("exports nothing when nothing is chosen or the date is not a date", async () => {
    const { host } = await sampleHost({ createWorkbook: true });
    const { user, group } = await openReports(host);
    const button = () => screen.getByRole("button", { name: "Xuất báo cáo" }) as HTMLButtonElement;
    expect(button().disabled).toBe(false);
    await user.click(within(group).getByRole("checkbox", { name: /^Chọn tất cả/ }));
    await user.click(within(group).getByRole("checkbox", { name: "Báo cáo tổng hợp của tỉnh" }));
    expect(button().disabled).toBe(true);
    expect(screen.getByText("Không có báo cáo nào được chọn.")).toBeTruthy();
    await user.click(within(group).getByRole("checkbox", { name: "Báo cáo tổng hợp của tỉnh" }));
    fireEvent.change(screen.getByLabelText("Ngày báo cáo"), { target: { value: "" } });
    expect(button().disabled).toBe(true);
    expect(screen.getByText("Hãy chọn một ngày hợp lệ.")).toBeTruthy();
    expect(host.created).toEqual([]);
  }, 120000);

  it("says so when the workbook has nothing to report on", async () => {
    const host = new ReportHost({}, { createWorkbook: true });
    renderPane(host);
    act(() => openTab("reports"));
    await screen.findByText("Sổ chưa có chỉ tiêu hoặc địa bàn nào để báo cáo. Xem mục Cảnh báo.", {}, LONG);
    expect(screen.queryByRole("button", { name: "Xuất báo cáo" })).toBeNull();
  });
});

describe("report export helpers", () => {
  it("encodes bytes as base64 in chunks, for files larger than one call's arguments", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(bytes.buffer)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array())).toBe("");
  });

  it("names report sheets “BC …” once, and the zip after the province and the date", () => {
    expect(reportSheetName("Sở Y tế")).toBe("BC Sở Y tế");
    expect(reportSheetName("BC Sở Y tế")).toBe("BC Sở Y tế");
    const req = { settings: { province: "Hà Tĩnh" } } as unknown as Parameters<typeof zipName>[0]["outcome"];
    expect(
      zipName({
        outcome: req,
        lang: "vi",
        date: { day: 5, month: 3, year: 2026 },
        departments: [],
        summary: true,
      }),
    ).toBe("BaoCao_NTM_Ha-Tinh_2026-03-05.zip");
  });

  it("waits for a running recalculation rather than reading the workbook twice", async () => {
    const { host, port } = await sampleHost({ createWorkbook: true });
    port.hold();
    const running = runRecalculation(host, "pane");
    openTab("reports");
    renderPane(host);
    expect(screen.getByText("Đang đọc sổ để tìm các sở, ngành…")).toBeTruthy();
    await act(async () => {
      port.release();
      await running;
    });
    await waitFor(() => expect(screen.getByRole("group", { name: "Báo cáo cần xuất" })).toBeTruthy(), LONG);
    expect(port.reads).toBe(1);
  }, 120000);
});
