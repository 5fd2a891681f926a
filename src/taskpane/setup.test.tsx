/** @jest-environment jsdom */
import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OutCell } from "../workbook/sheetSpec";
import { buildTemplate } from "../workbook/template";
import { writeSheets } from "../workbook/writeSheets";
import { XlsxWorkbookPort } from "../xlsx/xlsxPort";
import { haTinhSamplePort, MemoryHost } from "./__fixtures__/memoryHost";
import { WrappedPort } from "./__fixtures__/ports";
import { renderPane } from "./__fixtures__/renderPane";
import { getSnapshot, openTab, resetPaneStore } from "./store";

const LONG = { timeout: 15000 };

// Role queries skip jsdom's computed-style walk (seconds per query on the mapping screen's large DOM).
configure({ defaultHidden: true });

beforeEach(() => {
  resetPaneStore();
  openTab("setup");
});

const TEMPLATE_SHEETS = [
  "Hướng dẫn",
  "Thiết lập",
  "Chỉ tiêu",
  "Dữ liệu xã",
  "Dữ liệu huyện",
  "Dữ liệu tỉnh",
  "Dữ liệu thôn",
  "Nguồn vốn",
  "Mục tiêu",
];

describe("creating the template sheets", () => {
  it("creates them in an empty workbook, then skips the ones that exist", async () => {
    const host = new MemoryHost();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    const region = screen.getByRole("combobox", { name: "Vùng" }) as HTMLSelectElement;
    expect(region.value).toBe("BTB");
    expect(region.options).toHaveLength(7);
    expect((screen.getByRole("textbox", { name: "Tên tỉnh" }) as HTMLInputElement).value).toBe("Hà Tĩnh");
    expect((screen.getByRole("combobox", { name: "Bộ tiêu chí" }) as HTMLSelectElement).value).toBe(
      "2021-2025",
    );

    await user.click(screen.getByRole("button", { name: "Tạo trang mẫu" }));
    const created = await screen.findByText(/^Đã tạo \d+ trang: /, {}, LONG);
    const names = await host.port.sheetNames();
    expect(names).toEqual(
      expect.arrayContaining(["Thiết lập", "Chỉ tiêu", "Dữ liệu xã", "Nguồn vốn", "Mục tiêu"]),
    );
    expect(created.textContent).toBe(`Đã tạo ${names.length} trang: ${names.join(", ")}.`);
    expect(names.filter((n) => !TEMPLATE_SHEETS.includes(n))).toEqual([]);
    // The settings sheet carries the chosen province.
    const [settings] = await host.port.readSheets(["Thiết lập"]);
    expect(JSON.stringify(settings.values)).toContain("Hà Tĩnh");

    await user.click(screen.getByRole("button", { name: "Tạo trang mẫu" }));
    const skipped = await screen.findByText(/^Bỏ qua \d+ trang đã có: /, {}, LONG);
    expect(skipped.textContent).toBe(`Bỏ qua ${names.length} trang đã có: ${names.join(", ")}.`);
    expect(screen.queryByText(/^Đã tạo/)).toBeNull();
    expect(await host.port.sheetNames()).toEqual(names);
  }, 30000);

  it("takes the region from the province code unless the planner picks one, and checks the year", async () => {
    const host = new MemoryHost();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    const code = screen.getByRole("textbox", { name: "Mã tỉnh" });
    await user.clear(code);
    await user.type(code, "01");
    expect((screen.getByRole("combobox", { name: "Vùng" }) as HTMLSelectElement).value).toBe("DBSH");
    await user.selectOptions(screen.getByRole("combobox", { name: "Vùng" }), "TN");
    await user.clear(code);
    await user.type(code, "42");
    expect((screen.getByRole("combobox", { name: "Vùng" }) as HTMLSelectElement).value).toBe("TN");

    await user.selectOptions(screen.getByRole("combobox", { name: "Bộ tiêu chí" }), "2026-2030");
    const year = screen.getByRole("spinbutton", { name: "Năm đánh giá" }) as HTMLInputElement;
    expect(Number(year.value)).toBeGreaterThanOrEqual(2026);
    expect(Number(year.value)).toBeLessThanOrEqual(2030);
  });

  it("shows why the sheets could not be created", async () => {
    const host = new MemoryHost();
    host.port.write = async () => {
      throw new Error("Sổ đang được chia sẻ ở chế độ chỉ đọc");
    };
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Tạo trang mẫu" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Sổ đang được chia sẻ ở chế độ chỉ đọc");
  });
});

/** A planner's own layout: settings and criteria from the template, communes on a sheet of their own. */
async function ownLayoutPort(): Promise<XlsxWorkbookPort> {
  const template = buildTemplate({
    setId: "2021-2025",
    provinceCode: "42",
    provinceName: "Hà Tĩnh",
    year: 2022,
    lang: "vi",
  }).filter((s) => s.name === "Thiết lập" || s.name === "Chỉ tiêu");
  const rows: OutCell[][] = [
    ["BIỂU 02 – SỐ LIỆU CÁC XÃ NĂM 2022"],
    [],
    ["TT", "Số hiệu", "Tên xã", "Huyện", "Đường xã cứng hoá (2.1)", "Ghi chú thêm"],
    [1, "18073", "Xã Sơn Kim 1", "436", 100, ""],
    [2, "18076", "Xã Sơn Kim 2", "436", 60, ""],
  ];
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, [...template, { name: "So lieu xa 2022", rows }]);
  return port;
}

/**
 * The control a <label> names (its `for`). Role and label-text queries compute accessible names over
 * thousands of <option>s on the mapping screen and take seconds each in jsdom; this is the same link.
 */
function columnSelect(name: string | RegExp): HTMLSelectElement {
  const labels = [...document.querySelectorAll("label")].filter((l) =>
    typeof name === "string" ? l.textContent === name : name.test(l.textContent ?? ""),
  );
  expect(labels.map((l) => l.textContent)).toHaveLength(1);
  const control = document.getElementById(labels[0].htmlFor);
  expect(control?.tagName).toBe("SELECT");
  return control as HTMLSelectElement;
}
/** A button by its text: cheaper than a role query once the mapping panel is open. */
const buttonByText = (text: string) => screen.getByText(text).closest("button")!;
/** The confidence badge a select is described by. */
const badgeOf = (select: HTMLSelectElement) =>
  document.getElementById(select.getAttribute("aria-describedby")!.split(" ").pop()!)?.textContent;

describe("mapping the planner's own sheets", () => {
  it("shows what was detected in the template, with its confidence", async () => {
    const host = new MemoryHost({ port: await haTinhSamplePort() });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    const communes = await screen.findByRole("button", { name: /^Dữ liệu xã/ }, LONG);
    expect(communes.textContent).toMatch(/Dữ liệu xã · \d+\/\d+ cột/);
    await user.click(communes);

    expect(columnSelect("Trang").value).toBe("Dữ liệu xã");
    expect((screen.getByRole("spinbutton", { name: "Dòng tiêu đề" }) as HTMLInputElement).value).toBe("4");
    const code = columnSelect("Mã xã (bắt buộc)");
    expect(code.value).toBe("A");
    expect(badgeOf(code)).toBe("Chắc chắn");
    expect(columnSelect(/^2\.1 – /).value).not.toBe("");
    // Nothing missing: no warning.
    expect(screen.queryByText(/^Thiếu cột bắt buộc/)).toBeNull();
  }, 30000);

  it("flags a missing required column; a correction changes the saved mapping and recalculates", async () => {
    const port = new WrappedPort(await ownLayoutPort());
    const host = new MemoryHost({ port });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    const communes = await screen.findByRole("button", { name: /^Dữ liệu xã/ }, LONG);
    expect(communes.textContent).toBe("Dữ liệu xãChưa có trang nào cho mục này.");
    await user.click(communes);

    // The planner points the communes role at their sheet: the detection follows.
    await user.selectOptions(columnSelect("Trang"), "So lieu xa 2022");
    await waitFor(() => expect(columnSelect("Tên xã").value).toBe("C"), LONG);
    expect((screen.getByRole("spinbutton", { name: "Dòng tiêu đề" }) as HTMLInputElement).value).toBe("3");
    expect(columnSelect(/^2\.1 – /).value).toBe("E");

    // "Số hiệu" is not recognised as the commune code: a required column, flagged.
    const code = columnSelect("Mã xã (bắt buộc)");
    expect(code.value).toBe("");
    expect(screen.getByText("Chưa có cột cho mục bắt buộc này.")).toBeTruthy();
    expect(screen.getByText("Thiếu cột bắt buộc: Dữ liệu xã: Mã xã")).toBeTruthy();
    expect(badgeOf(code)).toBe("Không thấy");
    expect([...code.options].map((o) => o.textContent)).toEqual([
      "(không có)",
      "A – TT",
      "B – Số hiệu",
      "C – Tên xã",
      "D – Huyện",
      "E – Đường xã cứng hoá (2.1)",
      "F – Ghi chú thêm",
    ]);

    const readsBefore = port.reads;
    await user.selectOptions(code, "B");
    await waitFor(() => expect(screen.queryByText(/^Thiếu cột bắt buộc/)).toBeNull(), LONG);
    expect(columnSelect("Mã xã (bắt buộc)").value).toBe("B");
    expect(badgeOf(columnSelect("Mã xã (bắt buộc)"))).toBe("Bạn chọn");
    expect(screen.getByText("Có thay đổi chưa lưu.")).toBeTruthy();
    // A picked column is shown as picked without reading the whole workbook again.
    expect(port.reads).toBe(readsBefore);
    await user.selectOptions(columnSelect("Mã huyện"), "D");
    await waitFor(() => expect(columnSelect("Mã huyện").value).toBe("D"), LONG);

    await user.click(buttonByText("Lưu và tính lại"));
    await screen.findByText("Đã lưu ánh xạ.", {}, LONG);
    expect(host.savedMappings).toHaveLength(1);
    expect(host.savedMappings[0]).toEqual({
      sheets: { communes: "So lieu xa 2022" },
      columns: { communes: { code: "B", parent: "D" } },
    });
    // The recalculation read the workbook with the saved mapping.
    await waitFor(() => expect(getSnapshot().runs).toBe(1), LONG);
    const outcome = getSnapshot().outcome!;
    expect(outcome.read.roles.communes).toBe("So lieu xa 2022");
    expect(outcome.result.localities.filter((l) => l.level === "commune").map((l) => l.code)).toEqual([
      "18073",
      "18076",
    ]);
    expect(screen.queryByText("Có thay đổi chưa lưu.")).toBeNull();

    // Clearing saves an empty mapping (so the visible mapping sheet is emptied too, and not read back).
    await user.click(buttonByText("Xoá ánh xạ"));
    await screen.findByText("Đã xoá ánh xạ; các trang được nhận theo tên.", {}, LONG);
    expect(host.savedMappings[1]).toEqual({});
    expect(host.mapping).toEqual({});
    await waitFor(() => expect(getSnapshot().runs).toBe(2), LONG);
  }, 40000);

  it("starts from the mapping saved with the document", async () => {
    const host = new MemoryHost({
      port: await ownLayoutPort(),
      mapping: {
        sheets: { communes: "So lieu xa 2022" },
        headerRows: { communes: 3 },
        columns: { communes: { code: "B" } },
      },
    });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderPane(host);
    const communes = await screen.findByRole("button", { name: /^Dữ liệu xã/ }, LONG);
    expect(communes.textContent).toContain("So lieu xa 2022");
    await user.click(communes);
    expect(columnSelect("Mã xã (bắt buộc)").value).toBe("B");
    expect(badgeOf(columnSelect("Mã xã (bắt buộc)"))).toBe("Bạn chọn");
    expect(screen.queryByText("Có thay đổi chưa lưu.")).toBeNull();

    // Back to finding the sheet by name: the old sheet's header row and columns go with it.
    await user.selectOptions(columnSelect("Trang"), "");
    await screen.findByText("Có thay đổi chưa lưu.", {}, LONG);
    await user.click(buttonByText("Lưu và tính lại"));
    await screen.findByText("Đã lưu ánh xạ.", {}, LONG);
    expect(host.savedMappings).toEqual([null]);
  }, 30000);
});
