/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { haTinhSamplePort, MemoryHost } from "./__fixtures__/memoryHost";
import { renderPane } from "./__fixtures__/renderPane";
import { resetPaneStore } from "./store";

const LONG = { timeout: 15000 };

beforeEach(() => resetPaneStore());

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll("th, td")].map((c) => c.textContent ?? "");
}

describe("the Funding tab", () => {
  it("shows the province's mix with and without credit, the total and the disbursement rate", async () => {
    const host = new MemoryHost({ port: await haTinhSamplePort() });
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await screen.findByRole("region", { name: "Tóm tắt" }, LONG);
    await user.click(screen.getByRole("tab", { name: "Nguồn vốn" }));

    expect(screen.getByText("Tổng vốn kế hoạch: 9.928.726 triệu đồng")).toBeTruthy();
    expect(screen.getByText(/^Đã thực hiện: 7\.821\.260 triệu đồng \(78,8% kế hoạch\)$/)).toBeTruthy();

    const table = screen.getByRole("table", { name: "Tỷ trọng các nguồn vốn" });
    expect(cells(within(table).getAllByRole("row")[0])).toEqual([
      "Nguồn",
      "Có tín dụng",
      "Không tính tín dụng",
    ]);
    const row = (code: string) =>
      within(table)
        .getByRole("rowheader", { name: new RegExp(`${code}$`) })
        .closest("tr")!;
    expect(cells(row("NSNN"))).toEqual(["Vốn ngân sách nhà nước (bố trí trực tiếp)NSNN", "16,7%", "41,3%"]);
    expect(cells(row("TIN_DUNG")).slice(1)).toEqual(["59,7%", "không tính"]);
    expect(cells(row("NHAN_DAN")).slice(1)).toEqual(["10,1%", "25,2%"]);
    // Roots only until the sub-sources are asked for.
    expect(within(table).queryByRole("rowheader", { name: /NSTW$/ })).toBeNull();
    await user.click(screen.getByRole("switch", { name: "Hiện nguồn con" }));
    expect(cells(row("NSTW")).slice(1)).toEqual(["7,1%", "17,5%"]);
    expect(cells(row("TD_CS")).slice(1)).toEqual(["21,1%", "không tính"]);

    // Unmet criteria without planned money, grouped by locality with its name.
    const flags = screen.getByRole("region", { name: "Tiêu chí chưa đạt nhưng chưa bố trí vốn" });
    expect(within(flags).getByText(/^\d+ địa bàn, 20 tiêu chí chưa đạt không có vốn kế hoạch$/)).toBeTruthy();
    const province = within(flags).getByText("Hà Tĩnh (42)").closest("li")!;
    expect(
      within(province)
        .getAllByRole("listitem")
        .map((li) => li.textContent?.split(" ")[0]),
    ).toEqual(["T1", "T2", "T3", "T4", "T8"]);
  }, 30000);

  it("speaks English and writes numbers the English way", async () => {
    const host = new MemoryHost({ port: await haTinhSamplePort(), displayLanguage: "en-GB" });
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Recalculate" }));
    await screen.findByRole("region", { name: "Summary" }, LONG);
    await user.click(screen.getByRole("tab", { name: "Funding" }));
    expect(screen.getByText("Planned total: 9,928,726 triệu đồng")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Share of each funding source" });
    const nsnn = within(table).getByRole("rowheader", { name: /NSNN$/ }).closest("tr")!;
    expect(cells(nsnn)).toEqual(["State budget, direct to the programmeNSNN", "16.7%", "41.3%"]);
  }, 30000);
});
