import { promises as fs } from "fs";
import * as path from "path";
import { hasKey } from "../i18n";
import { taskpaneStrings } from "../i18n/strings/taskpane";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function paneSources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "__fixtures__") out.push(...(await paneSources(p)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

describe("the pane's strings", () => {
  it("has Vietnamese with diacritics and English for every key, with the same placeholders", () => {
    for (const [key, [vi, en]] of Object.entries(taskpaneStrings)) {
      expect([key, vi.trim() !== "", en.trim() !== ""]).toEqual([key, true, true]);
      expect([key, placeholders(vi)]).toEqual([key, placeholders(en)]);
    }
    const withDiacritics = Object.values(taskpaneStrings).filter(([vi]) => /[à-ỹđĐ]/i.test(vi)).length;
    expect(withDiacritics / Object.keys(taskpaneStrings).length).toBeGreaterThan(0.9);
  });

  it("defines every key the pane asks for, including the ones built from a code", async () => {
    const used = new Set<string>();
    for (const file of await paneSources(__dirname)) {
      const text = await fs.readFile(file, "utf8");
      for (const m of text.matchAll(/\btr\(\s*"([\w.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bt\(\s*\w+,\s*"([\w.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(60);
    const built = [
      ...["setup", "recalc", "issues", "funding", "reports"].map((k) => `pane.tab.${k}`),
      ...["read", "evaluate", "render", "write"].map((k) => `pane.step.${k}`),
      ...["error", "warning", "info"].flatMap((k) => [`pane.severity.${k}`, `pane.issues.filter.${k}`]),
      ...["achieved", "behind", "pending"].map((k) => `pane.target.status.${k}`),
      ...["high", "medium", "low", "missing", "mapped"].map((k) => `pane.confidence.${k}`),
      ...["field", "indicator", "source", "threshold"].map((k) => `pane.mapping.kind.${k}`),
      ...["cellEditing", "busy", "tooLarge", "readOnly", "unknown"].map((k) => `host.error.${k}`),
      "pane.lang.vi",
      "pane.lang.en",
      "pane.mapping.saved",
      "pane.mapping.cleared",
    ];
    expect([...used, ...built].filter((k) => !hasKey(k))).toEqual([]);
  });
});
