/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { initialLang } from "./App";
import { haTinhSamplePort, MemoryHost } from "./__fixtures__/memoryHost";
import { renderPane } from "./__fixtures__/renderPane";
import { resetPaneStore } from "./store";

beforeEach(() => resetPaneStore());

describe("the pane's language", () => {
  it("follows Office: Vietnamese for vi-*, English otherwise, unless the user chose", () => {
    expect(initialLang(new MemoryHost({ displayLanguage: "vi-VN" }))).toBe("vi");
    expect(initialLang(new MemoryHost({ displayLanguage: "en-US" }))).toBe("en");
    expect(initialLang(new MemoryHost({ displayLanguage: "fr-FR" }))).toBe("en");
    expect(initialLang(new MemoryHost({ displayLanguage: "en-US", preferences: { lang: "vi" } }))).toBe("vi");
    expect(initialLang(new MemoryHost({ displayLanguage: "vi-VN", preferences: { lang: "xx" } }))).toBe("vi");
  });

  it("switches VI | EN, changes every text and the results, and remembers the choice", async () => {
    const host = new MemoryHost({ port: await haTinhSamplePort(), displayLanguage: "vi-VN" });
    const user = userEvent.setup();
    const { unmount, container } = renderPane(host);
    expect(container.querySelector("[lang]")?.getAttribute("lang")).toBe("vi");
    expect(screen.getByRole("tab", { name: "Thiết lập" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await screen.findByText(/^Xã đạt chuẩn NTM: 175\/182/, {}, { timeout: 15000 });

    const en = screen.getByRole("button", { name: "EN – Tiếng Anh" });
    expect(en.getAttribute("aria-pressed")).toBe("false");
    await user.click(en);

    expect(host.preferences.get("lang")).toBe("en");
    expect(container.querySelector("[lang]")?.getAttribute("lang")).toBe("en");
    expect(screen.getByRole("button", { name: "EN – English" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("tab", { name: "Setup" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(
      screen.getByText(
        "Communes meeting the NTM standard: 175/182 (96.2%) — target 100% in 2022: 7 communes to go",
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Target 100% by 2022; now 96\.2% — 3\.8 percentage points to go$/)).toBeTruthy();

    unmount();
    renderPane(host);
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tính lại" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "VI – Vietnamese" }));
    expect(host.preferences.get("lang")).toBe("vi");
    expect(screen.getByRole("button", { name: "Tính lại" })).toBeTruthy();
  }, 30000);

  it("keeps working, and says why, when the preference cannot be saved", async () => {
    const host = new MemoryHost({ displayLanguage: "vi-VN" });
    host.setPreference = () => {
      throw new Error("Bộ nhớ trình duyệt bị chặn");
    };
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "EN – Tiếng Anh" }));
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("Bộ nhớ trình duyệt bị chặn");
  });
});
