import { promises as fs } from "fs";
import * as path from "path";
import { hasKey, t } from "../../i18n";
import { reportsStrings } from "../../i18n/strings/reports";

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("report strings", () => {
  it("are registered, Vietnamese first with diacritics, English second, with the same placeholders", () => {
    const entries = Object.entries(reportsStrings);
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, [vi, en]] of entries) {
      expect([key, hasKey(key), vi.trim() !== "", en.trim() !== ""]).toEqual([key, true, true, true]);
      expect([key, placeholders(vi)]).toEqual([key, placeholders(en)]);
    }
    expect(t("vi", "reports.recipients.heading")).toBe("Nơi nhận:");
    expect(t("en", "reports.recipients.heading")).toBe("Recipients:");
  });

  it("has every key the report builders ask for", async () => {
    const dir = __dirname;
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const used = new Set<string>();
    for (const f of files) {
      const text = await fs.readFile(path.join(dir, f), "utf8");
      for (const m of text.matchAll(/"(reports\.[A-Za-z.]+[A-Za-z])"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !hasKey(k))).toEqual([]);
  });
});
