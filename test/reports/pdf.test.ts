/**
 * `reports --pdf` through LibreOffice on the Hà Tĩnh sample: the transport department's report and
 * the summary become A4 landscape PDFs of a sane number of pages whose text holds the motto and the
 * title. Needs `soffice` and poppler's `pdfinfo`/`pdftotext` (.ci/run installs them); skipped with a
 * note otherwise.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { findSoffice, convertToPdf } from "../../src/cli/pdf";
import { departmentsOf, runReports } from "../../src/cli/reportsCommand";
import { haTinhWorkbook, MOTTO, tempDir } from "./support";

const soffice = findSoffice();
const poppler = (() => {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore" });
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const ready = soffice !== null && poppler;
if (!ready) {
  // Visible in the test output: the PDF checks did not run here.
  process.stderr.write(
    "NOTE test/reports/pdf.test.ts skipped: LibreOffice (soffice) or poppler-utils (pdfinfo, pdftotext) is not installed\n",
  );
}

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)![1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out)!;
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

const pageText = (file: string, page: number) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"], {
    encoding: "utf8",
  }).replace(/\s+/g, " ");

(ready ? describe : describe.skip)("reports --pdf with LibreOffice", () => {
  jest.setTimeout(180_000);

  it("converts the transport department's report and the summary to A4 landscape PDFs with the motto and the title", async () => {
    const dir = await tempDir();
    const { file } = await haTinhWorkbook(dir);
    const probe = await runReports(
      { input: file, outDir: path.join(dir, "probe"), lang: "vi", date: "2026-11-27", summary: false },
      { out: () => undefined, err: () => undefined },
    );
    const transport = departmentsOf(probe.outcome!).find((d) => /giao thông/i.test(d))!;
    expect(transport).toBeDefined();

    const out = path.join(dir, "out");
    const lines: string[] = [];
    const result = await runReports(
      {
        input: file,
        outDir: out,
        lang: "vi",
        date: "2026-11-27",
        departments: [transport],
        pdf: true,
        soffice,
      },
      { out: (l) => lines.push(l), err: () => undefined },
    );
    expect(result.code).toBe(1); // the sample's deliberate data problems
    const pdfs = result.written.filter((f) => f.endsWith(".pdf"));
    expect(pdfs).toHaveLength(2);
    expect(lines.filter((l) => l.endsWith(".pdf"))).toEqual(pdfs.map((f) => `Đã ghi ${f}`));

    for (const [i, doc] of result.docs!.entries()) {
      const pdf = pdfs[i];
      expect(path.basename(pdf)).toBe(doc.fileName.replace(/\.xlsx$/, ".pdf"));
      const info = pdfInfo(pdf);
      expect(info.pages).toBeGreaterThanOrEqual(1);
      // A4 landscape: 842 × 595 points.
      expect(Math.round(info.width)).toBe(842);
      expect(Math.round(info.height)).toBe(595);
      // The summary is a few pages whatever the province's size; a department's grows with its rows.
      if (doc.kind === "summary") expect(info.pages).toBeLessThanOrEqual(8);
      else expect(info.pages).toBeLessThanOrEqual(3 + Math.ceil(doc.stats.unmetRows / 5));
      // The raw PDF agrees on the page count.
      const raw = (await fs.readFile(pdf)).toString("latin1");
      expect((raw.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(info.pages);
      const text = pdfText(pdf);
      expect(text).toContain(MOTTO);
      expect(text).toContain("Độc lập – Tự do – Hạnh phúc");
      expect(text).toContain(doc.title.replace(/\s+/g, " "));
      expect(text).toMatch(/Trang 1\/\d+/);
      // The recipients and the signature block print on one page.
      const pages = Array.from({ length: info.pages }, (_, p) => pageText(pdf, p + 1));
      const closing = pages.filter((t) => t.includes("Nơi nhận:") || t.includes("- Lưu"));
      expect({ file: doc.fileName, pages: closing.length }).toEqual({ file: doc.fileName, pages: 1 });
      expect(closing[0]).toContain("(Ký, ghi rõ họ tên, đóng dấu)");
    }
  });

  it("reports a file LibreOffice cannot convert instead of throwing", async () => {
    const dir = await tempDir();
    const bad = path.join(dir, "hỏng.xlsx");
    // The start of a zip and nothing else: LibreOffice cannot load it.
    await fs.writeFile(bad, Buffer.from("PK\u0003\u0004garbage, not a workbook", "latin1"));
    const result = await convertToPdf([bad], { soffice: soffice!, outDir: dir, timeoutMs: 120_000 });
    expect(result.written).toEqual([]);
    expect(result.failed).toEqual([expect.objectContaining({ file: bad, reason: "failed" })]);
    expect((result.failed[0] as { detail: string }).detail).toMatch(/could not be loaded|exit/);
  });
});

describe("convertToPdf without LibreOffice running", () => {
  it("gives up after its timeout and says so", async () => {
    const dir = await tempDir();
    // A stand-in for soffice that never answers.
    const sleeper = path.join(dir, "soffice");
    await fs.writeFile(sleeper, "#!/bin/sh\nsleep 30\n", { mode: 0o755 });
    const started = Date.now();
    const result = await convertToPdf([path.join(dir, "a.xlsx")], {
      soffice: sleeper,
      outDir: dir,
      timeoutMs: 500,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toEqual({
      written: [],
      failed: [{ file: path.join(dir, "a.xlsx"), reason: "timeout", seconds: 0.5 }],
    });
  });

  it("finds soffice only on the PATH", async () => {
    const dir = await tempDir();
    expect(findSoffice({ PATH: dir })).toBeNull();
    await fs.writeFile(path.join(dir, "soffice"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findSoffice({ PATH: dir })).toBe(path.join(dir, "soffice"));
  });
});
