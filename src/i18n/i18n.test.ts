import { promises as fs } from "fs";
import * as path from "path";
import { allKeys, hasKey, langFromLocale, t } from "./index";
import { issueMessage } from "./issueMessage";

/** Placeholder names; "nameEn" in English stands for "name" in Vietnamese. */
const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{(\w+?)(?:En|Vi)?\}/g)].map((m) => m[1]))].sort();

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !p.includes("__fixtures__"))
      out.push(p);
  }
  return out;
}

describe("i18n", () => {
  it("has a Vietnamese and an English text for every key, with the same placeholders", () => {
    for (const key of allKeys()) {
      const vi = t("vi", key);
      const en = t("en", key);
      expect([key, vi.trim().length > 0, en.trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(vi)]).toEqual([key, placeholders(en)]);
    }
  });

  it("has a message for every issue code the code base raises", async () => {
    const files = await sourceFiles(path.join(__dirname, ".."));
    const codes = new Set<string>();
    const patterns = [
      /makeIssue\(\s*"\w+",\s*"([A-Z_]+)"/g,
      /addIssue\(\s*\w+,\s*"\w+",\s*"([A-Z_]+)"/g,
      /code: "([A-Z][A-Z_]+)",\s*(?:sheet|params)/g,
    ];
    for (const file of files) {
      const text = await fs.readFile(file, "utf8");
      for (const re of patterns) for (const m of text.matchAll(re)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((c) => !hasKey(`issue.${c}`))).toEqual([]);
  });

  it("fills placeholders and writes numbers the Vietnamese way", () => {
    expect(t("vi", "summary.communesNtm", { ntm: 175, communes: 182, share: "96,2%" })).toBe(
      "Xã đạt chuẩn NTM: 175/182 (96,2%)",
    );
    expect(t("vi", "cli.issuesHeader", { count: 12345 })).toContain("12.345");
    expect(t("en", "cli.issuesHeader", { count: 12345 })).toContain("12,345");
    expect(t("vi", "cli.templateWritten", { file: "a.xlsx", set: "2021-2025", year: 2023 })).toContain(
      "năm 2023",
    );
  });

  it("names the sheet and cell of every issue, also when its message does not", () => {
    const dup = {
      severity: "error" as const,
      code: "DUPLICATE_LOCALITY",
      sheet: "Dữ liệu xã",
      cell: "A12",
      params: { code: "18001", name: "Xã A", first: "Dữ liệu xã!A5" },
    };
    expect(issueMessage("vi", dup)).toMatch(/^Trang “Dữ liệu xã”, ô A12: Mã địa bàn 18001/);
    expect(issueMessage("en", dup)).toMatch(/^Sheet “Dữ liệu xã”, cell A12: Locality code 18001/);
    const named = {
      severity: "warning" as const,
      code: "DUPLICATE_COLUMN",
      sheet: "Chỉ tiêu",
      cell: "F4",
      params: { sheet: "Chỉ tiêu", cell: "F4", key: "code" },
    };
    expect(issueMessage("vi", named).match(/F4/g)).toHaveLength(1);
    expect(issueMessage("vi", { severity: "info", code: "X", params: {} })).toBe("X");
  });

  it("chooses Vietnamese for vi-* locales and English otherwise", () => {
    expect(langFromLocale("vi-VN")).toBe("vi");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});
