/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "./host";
import { haTinhSamplePort, MemoryHost } from "./__fixtures__/memoryHost";
import { WrappedPort } from "./__fixtures__/ports";
import { renderPane } from "./__fixtures__/renderPane";
import { getSnapshot, openTab, resetPaneStore, runRecalculation } from "./store";

const LONG = { timeout: 15000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => resetPaneStore());

async function sampleHost(opts: ConstructorParameters<typeof MemoryHost>[0] = {}) {
  const port = new WrappedPort(await haTinhSamplePort());
  return { host: new MemoryHost({ ...opts, port }), port };
}

describe("the Calculate tab", () => {
  it("recalculates the Hà Tĩnh sample and shows the province at a glance", async () => {
    const { host, port } = await sampleHost();
    const user = userEvent.setup();
    renderPane(host);
    expect(screen.getByText("Chưa tính lần nào. Bấm “Tính lại” để xem kết quả.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Tính lại" }));

    const summary = await screen.findByRole("region", { name: "Tóm tắt" }, LONG);
    expect(
      within(summary).getByText("Xã đạt chuẩn NTM: 175/182 (96,2%) — mục tiêu 100% năm 2022: còn 7 xã"),
    ).toBeTruthy();
    expect(within(summary).getByText("Hà Tĩnh – năm 2022 – Bộ tiêu chí 2021-2025")).toBeTruthy();
    expect(
      within(summary).getByText(/^Xã NTM nâng cao: 59 \(32,4%\); xã NTM kiểu mẫu: 13 \(7,1%\)/),
    ).toBeTruthy();
    expect(within(summary).getByText("Huyện đạt chuẩn NTM/hoàn thành nhiệm vụ: 10/13")).toBeTruthy();
    // The results were written to the workbook.
    expect(port.writes).toBe(1);
    expect(await host.port.sheetNames()).toContain("KQ Xã");

    // Each target with its status and the gap.
    const targets = screen.getByRole("region", { name: "Mục tiêu của tỉnh" });
    const items = within(targets).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain("Tỷ lệ xã đạt chuẩn NTM");
    expect(within(items[0]).getByText("Chậm so với mục tiêu")).toBeTruthy();
    expect(items[0].textContent).toContain("Mục tiêu 100% năm 2022; hiện tại 96,2% — còn thiếu 3,8 điểm %");
    expect(within(items[1]).getByText("Chưa đến hạn")).toBeTruthy();
    expect(items[1].textContent).toContain("hiện tại 76,9%");

    // The hardest indicators, hardest first, with the share of communes meeting them.
    const hardest = screen.getByRole("region", { name: "Chỉ tiêu khó đạt nhất" });
    const rows = within(hardest).getAllByRole("listitem");
    expect(rows.length).toBe(5);
    expect(rows[0].textContent).toMatch(/^11 Tỷ lệ nghèo đa chiều/);
    expect(rows[0].textContent).toContain("180/182 xã đạt (98,9%)");

    // Announced to screen readers.
    expect(
      screen
        .getAllByRole("status")
        .some((s) => s.textContent?.startsWith("Đã tính xong. Xã đạt chuẩn NTM: 175/182")),
    ).toBe(true);
  }, 30000);

  it("shows each step while it runs and never runs two recalculations at once", async () => {
    const { host, port } = await sampleHost();
    const user = userEvent.setup();
    renderPane(host);
    port.hold();
    await user.click(screen.getByRole("button", { name: "Tính lại" }));

    const progress = await screen.findByRole("progressbar");
    expect(screen.getAllByText("Bước 1/4: Đang đọc dữ liệu…").length).toBeGreaterThan(0);
    expect(progress.getAttribute("aria-valuenow")).toBe("0.2");
    const button = screen.getByRole("button", { name: "Đang tính…" });
    expect(button.getAttribute("aria-disabled")).toBe("true");

    // A second start (the ribbon, a second click) joins the running one.
    const first = runRecalculation(host, "pane");
    const second = runRecalculation(host, "ribbon");
    expect(second).toBe(first);
    await user.click(button);
    expect(port.reads).toBe(1);

    await act(async () => {
      port.release();
      await first;
    });
    await screen.findByText(/^Xã đạt chuẩn NTM: 175\/182/, {}, LONG);
    expect(port.reads).toBe(1);
    expect(port.writes).toBe(1);
    expect(screen.queryByRole("progressbar")).toBeNull();
    await expect(first).resolves.not.toBeNull();
  }, 30000);

  it("says “finish editing the cell” when Excel is in cell-edit mode, and recovers on the next run", async () => {
    const { host, port } = await sampleHost();
    const user = userEvent.setup();
    renderPane(host);
    port.failWith = new HostError("cellEditing", "InvalidOperationInCellEditMode");

    await user.click(screen.getByRole("button", { name: "Tính lại" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Tính lại không thành công");
    expect(alert.textContent).toContain("Hãy kết thúc chỉnh sửa ô rồi thử lại");
    expect(alert.textContent).not.toContain("InvalidOperationInCellEditMode");
    expect(getSnapshot().error).toBeInstanceOf(HostError);

    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await screen.findByText(/^Xã đạt chuẩn NTM: 175\/182/, {}, LONG);
    expect(screen.queryByRole("alert")).toBeNull();
  }, 30000);

  it("shows the message of any other error, in English too", async () => {
    const { host, port } = await sampleHost({ displayLanguage: "en-US" });
    const user = userEvent.setup();
    renderPane(host);
    port.failWith = new Error("The workbook is not reachable");
    await user.click(screen.getByRole("button", { name: "Recalculate" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The recalculation failed");
    expect(alert.textContent).toContain("The workbook is not reachable");
  }, 30000);

  it("shows a recalculation the ribbon ran before the pane opened", async () => {
    const { host } = await sampleHost();
    await runRecalculation(host, "ribbon");
    renderPane(host);
    expect(screen.getByText("Đã tính xong (từ nút “Tính lại” trên thanh ribbon).")).toBeTruthy();
    expect(screen.getByText(/^Xã đạt chuẩn NTM: 175\/182/)).toBeTruthy();
    expect(host.paneShown).toBe(0);
  }, 30000);

  it("shows, when the pane opens, why a ribbon recalculation failed", async () => {
    const { host, port } = await sampleHost();
    port.failWith = new HostError("readOnly", "protected");
    await expect(runRecalculation(host, "ribbon")).resolves.toBeNull();
    // The ribbon command opens the pane (src/commands); the store keeps the error for it.
    expect(getSnapshot().error).toBeInstanceOf(HostError);
    openTab("funding");
    renderPane(host);
    expect(screen.getByRole("alert").textContent).toContain("Sổ đang được bảo vệ hoặc chỉ cho phép đọc");
  }, 30000);
});

describe("auto-recalculation", () => {
  it("is remembered, watches the input sheets and recalculates after an edit", async () => {
    const { host, port } = await sampleHost();
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await screen.findByText(/^Xã đạt chuẩn NTM: 175\/182/, {}, LONG);
    expect(port.reads).toBe(1);

    await user.click(screen.getByRole("switch", { name: "Tự động tính lại khi dữ liệu thay đổi" }));
    expect(host.preferences.get("autoRecalc")).toBe("on");
    await waitFor(() => expect(host.watches.filter((w) => !w.stopped)).toHaveLength(1));
    const watch = host.watches.find((w) => !w.stopped)!;
    expect([...watch.sheets].sort()).toEqual(
      [
        "Chỉ tiêu",
        "Dữ liệu huyện",
        "Dữ liệu tỉnh",
        "Dữ liệu xã",
        "Mục tiêu",
        "Nguồn vốn",
        "Thiết lập",
      ].sort(),
    );
    expect(screen.getByText(/^Tính lại khoảng 1,5 giây sau khi bạn sửa các trang: /)).toBeTruthy();

    // Three quick edits: one recalculation, about 1.5 s after the last.
    await act(async () => {
      host.userEdits("Dữ liệu xã");
      host.userEdits("Dữ liệu xã");
      host.userEdits("dữ liệu XÃ");
      await sleep(800);
    });
    expect(port.reads).toBe(1);
    await waitFor(() => expect(getSnapshot().runs).toBe(2), { timeout: 8000 });
    expect(port.reads).toBe(2);

    // Off: the watch stops and the choice is remembered.
    await user.click(screen.getByRole("switch", { name: "Tự động tính lại khi dữ liệu thay đổi" }));
    expect(host.preferences.get("autoRecalc")).toBe("off");
    await waitFor(() => expect(host.watches.every((w) => w.stopped)).toBe(true));
  }, 30000);

  it("starts switched on when the preference says so, and ignores edits while a recalculation runs", async () => {
    const { host, port } = await sampleHost({ preferences: { autoRecalc: "on" } });
    renderPane(host);
    expect(
      (screen.getByRole("switch", { name: "Tự động tính lại khi dữ liệu thay đổi" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    // Before any recalculation it watches the sheets the reader would read.
    await waitFor(() => expect(host.watches.filter((w) => !w.stopped)).toHaveLength(1));
    expect(host.watches[0].sheets).toContain("Dữ liệu xã");

    await act(async () => {
      port.hold();
      const run = runRecalculation(host, "pane");
      host.userEdits("Dữ liệu xã");
      port.release();
      await run;
      await sleep(2000);
    });
    expect(getSnapshot().runs).toBe(1);
    expect(port.reads).toBe(1);
  }, 30000);
});
