/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SheetGrid } from "../workbook/port";
import { HostError } from "./host";
import { haTinhSamplePort, MemoryHost } from "./__fixtures__/memoryHost";
import { WrappedPort } from "./__fixtures__/ports";
import { renderPane } from "./__fixtures__/renderPane";
import { resetPaneStore } from "./store";

const LONG = { timeout: 15000 };

beforeEach(() => resetPaneStore());

async function recalculated(edit?: (grids: SheetGrid[]) => SheetGrid[]) {
  const port = new WrappedPort(await haTinhSamplePort());
  port.editGrids = edit ?? null;
  const host = new MemoryHost({ port });
  const user = userEvent.setup();
  renderPane(host);
  await user.click(screen.getByRole("button", { name: "Tính lại" }));
  await screen.findByRole("region", { name: "Tóm tắt" }, LONG);
  return { host, user };
}

/** Gives the second commune the first one's code: a duplicate-locality error. */
function duplicateCommune(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => {
    if (g.name !== "Dữ liệu xã") return g;
    const values = g.values.map((row) => [...row]);
    values[5][0] = values[4][0];
    return { ...g, values };
  });
}

describe("the Issues tab", () => {
  it("lists the sample's two deliberate problems and selects their cells on click, Enter and Space", async () => {
    const { host, user } = await recalculated();
    const tab = screen.getByRole("tab", { name: "Cảnh báo: 2" });
    await user.click(tab);

    const list = screen.getByRole("list", { name: "Danh sách vấn đề dữ liệu" });
    const items = within(list).getAllByRole("button");
    expect(items).toHaveLength(2);
    // In the tab order (the browser check covers the Tab key itself; tabster's focus traps need layout).
    expect(items.map((i) => i.tabIndex)).toEqual([0, 0]);
    expect(items[0].textContent).toContain("Cảnh báo:");
    expect(items[0].textContent).toContain("#N/A");
    expect(items[0].textContent).toContain("Dữ liệu xã, ô AS102");
    expect(items[1].textContent).toContain("“chưa có số liệu”");
    expect(items[1].textContent).toContain("Dữ liệu xã, ô AC163");

    await user.click(items[0]);
    expect(host.selections).toEqual([{ sheet: "Dữ liệu xã", cell: "AS102" }]);

    items[1].focus();
    await user.keyboard("{Enter}");
    expect(host.selections[1]).toEqual({ sheet: "Dữ liệu xã", cell: "AC163" });
    await user.keyboard(" ");
    expect(host.selections).toHaveLength(3);
    expect(host.selections[2]).toEqual({ sheet: "Dữ liệu xã", cell: "AC163" });
  }, 30000);

  it("puts errors first and filters by severity", async () => {
    const { user } = await recalculated(duplicateCommune);
    const tab = screen.getByRole("tab", { name: /^Cảnh báo: \d+$/ });
    await user.click(tab);
    const list = () =>
      within(screen.getByRole("list", { name: "Danh sách vấn đề dữ liệu" })).getAllByRole("button");

    const all = list();
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all[0].textContent).toMatch(/^Lỗi:/);
    expect(all[all.length - 1].textContent).toMatch(/^Cảnh báo:/);

    const errorsButton = screen.getByRole("button", { name: /^Lỗi \(\d+\)$/ });
    await user.click(errorsButton);
    expect(errorsButton.getAttribute("aria-pressed")).toBe("true");
    expect(list().every((i) => i.textContent?.startsWith("Lỗi:"))).toBe(true);

    expect(list()[0].textContent).toContain("bị trùng");
    expect(list()[0].textContent).toContain("Dữ liệu xã, ô A6");

    const warningsButton = screen.getByRole("button", { name: /^Cảnh báo \(\d+\)$/ });
    const warnings = Number(/\((\d+)\)/.exec(warningsButton.textContent ?? "")![1]);
    await user.click(warningsButton);
    expect(list()).toHaveLength(warnings);
    expect(list().every((i) => i.textContent?.startsWith("Cảnh báo:"))).toBe(true);

    await user.click(screen.getByRole("button", { name: /^Tất cả/ }));
    expect(list()).toHaveLength(all.length);
  }, 30000);

  it("shows why a cell could not be selected", async () => {
    const { host, user } = await recalculated();
    host.selectCell = async () => {
      throw new HostError("cellEditing", "edit mode");
    };
    await user.click(screen.getByRole("tab", { name: "Cảnh báo: 2" }));
    const items = within(screen.getByRole("list", { name: "Danh sách vấn đề dữ liệu" })).getAllByRole(
      "button",
    );
    await user.click(items[0]);
    expect((await screen.findByRole("alert")).textContent).toContain("Hãy kết thúc chỉnh sửa ô rồi thử lại");
  }, 30000);

  it("asks for a recalculation before there is anything to list", async () => {
    const host = new MemoryHost();
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("tab", { name: "Cảnh báo" }));
    expect(screen.getByText("Bấm “Tính lại” để kiểm tra dữ liệu.")).toBeTruthy();
  });
});
