import { hasKey, t } from "../../i18n";
import { renderStrings } from "../../i18n/strings/render";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("render strings", () => {
  it("have Vietnamese and English text with the same placeholders", () => {
    for (const [key, [vi, en]] of Object.entries(renderStrings)) {
      expect([key, vi.length > 0, en.length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(vi)]).toEqual([key, placeholders(en)]);
    }
  });

  it("give sheet names Excel accepts", () => {
    for (const key of Object.keys(renderStrings).filter((k) => k.startsWith("render.sheet."))) {
      for (const lang of ["vi", "en"] as const) {
        const name = t(lang, key);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it("render the renderer's own issues in both languages", () => {
    expect(hasKey("issue.OUTPUT_NAME_TAKEN")).toBe(true);
    expect(t("en", "issue.OUTPUT_NAME_TAKEN", { name: "KQ Xã", used: "KQ Xã (2)" })).toBe(
      "A sheet named “KQ Xã” already exists and was not created by NTM Planner; the results were written to “KQ Xã (2)”.",
    );
    expect(
      t("vi", "issue.OUTPUT_ROWS_TRUNCATED", { sheet: "KQ Chỉ tiêu", shown: 1048570, total: 1200000 }),
    ).toBe(
      "Trang «KQ Chỉ tiêu» chỉ ghi được 1.048.570/1.200.000 dòng (giới hạn của Excel); hãy lọc bớt dữ liệu.",
    );
  });
});
