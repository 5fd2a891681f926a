/**
 * `ntm-planner reports` end to end on the Hà Tĩnh sample file: what it writes and prints, its exit
 * codes, the --dept filter and its message for an unknown name, the zip, --pdf without LibreOffice,
 * and that the input file is left byte for byte as it was.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { CommanderError } from "commander";
import JSZip from "jszip";
import type { Console } from "../../src/cli/io";
import { buildProgram } from "../../src/cli/main";
import {
  departmentsOf,
  matchDepartments,
  parseReportDate,
  runReports,
  type ReportsCommandOptions,
} from "../../src/cli/reportsCommand";
import { haTinhWorkbook, openFile, tempDir, type SampleWorkbook } from "./support";

type Captured = Console & { out: jest.Mock; err: jest.Mock; stdout: () => string[]; stderr: () => string[] };

function capture(): Captured {
  const out = jest.fn<void, [string]>();
  const err = jest.fn<void, [string]>();
  return {
    out,
    err,
    stdout: () => out.mock.calls.map((c) => c[0]),
    stderr: () => err.mock.calls.map((c) => c[0]),
  };
}

let sample: SampleWorkbook;
let inputBytes: Buffer;
let departments: string[];

beforeAll(async () => {
  sample = await haTinhWorkbook(await tempDir());
  inputBytes = await fs.readFile(sample.file);
  const probe = await runReports(
    { input: sample.file, outDir: await tempDir(), lang: "vi", date: "2026-11-27", summary: true },
    capture(),
  );
  departments = departmentsOf(probe.outcome!);
});

async function run(extra: Partial<ReportsCommandOptions> = {}) {
  const con = capture();
  const outDir = extra.outDir ?? (await tempDir());
  const result = await runReports(
    { input: sample.file, outDir, lang: "vi", date: "2026-11-27", soffice: null, ...extra },
    con,
  );
  return { ...result, con, outDir };
}

describe("ntm-planner reports", () => {
  it("writes one file per department and the summary, prints each on stdout, exits 1 for the sample's data problems", async () => {
    const { code, written, docs, con, outDir } = await run();
    expect(departments.length).toBeGreaterThan(5);
    expect(docs!.filter((d) => d.kind === "department")).toHaveLength(departments.length);
    expect(docs!.filter((d) => d.kind === "summary")).toHaveLength(1);
    expect(written).toEqual(docs!.map((d) => path.join(outDir, d.fileName)));
    expect((await fs.readdir(outDir)).sort()).toEqual(docs!.map((d) => d.fileName).sort());
    expect(con.stdout()).toEqual(written.map((f) => `Đã ghi ${f}`));
    // The sample has two deliberate data problems: listed on stderr, exit code 1 as for recalc.
    expect(code).toBe(1);
    expect(con.stderr().join("\n")).toContain("Các vấn đề dữ liệu");
  });

  it("never changes the input file", async () => {
    await run({ zip: true });
    expect((await fs.readFile(sample.file)).equals(inputBytes)).toBe(true);
  });

  it("--dept keeps only the departments named, matched without case or diacritics", async () => {
    const target = departments.find((d) => /giao thông/i.test(d)) ?? departments[0];
    const typed = target
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toUpperCase();
    const { code, docs, written } = await run({ departments: [typed], summary: false });
    expect(code).toBe(1);
    expect(docs!.map((d) => d.kind)).toEqual(["department"]);
    expect(docs![0].department).toBe(target);
    expect(written).toHaveLength(1);
  });

  it("says which departments exist when --dept matches none, writes nothing and exits 2", async () => {
    const { code, written, con, outDir } = await run({ departments: [departments[0], "Sở Không Có"] });
    expect(code).toBe(2);
    expect(written).toEqual([]);
    const err = con.stderr().join("\n");
    expect(err).toContain("Không có sở, ngành nào tên «Sở Không Có»");
    expect(err).toContain("Các sở, ngành có trong sổ:");
    for (const d of departments) expect(con.stderr()).toContain(`  - ${d}`);
    expect(await fs.readdir(outDir)).toEqual([]);
  });

  it("says it in English with --lang en", async () => {
    const { code, con } = await run({ departments: ["Department of Nothing"], lang: "en" });
    expect(code).toBe(2);
    expect(con.stderr().join("\n")).toContain("No department named “Department of Nothing”");
    expect(con.stderr().join("\n")).toContain("Departments in the workbook:");
  });

  it("--zip also writes BaoCao_2022.zip holding every report, and says so", async () => {
    const { written, docs, con, outDir } = await run({ zip: true });
    const zipFile = path.join(outDir, "BaoCao_2022.zip");
    expect(written[written.length - 1]).toBe(zipFile);
    const zip = await JSZip.loadAsync(await fs.readFile(zipFile));
    expect(Object.keys(zip.files).sort()).toEqual(docs!.map((d) => d.fileName).sort());
    expect(con.stdout()[con.stdout().length - 1]).toBe(
      `Đã ghi ${zipFile} (tệp nén gồm ${docs!.length} báo cáo trên)`,
    );
  });

  it("--no-summary leaves the summary out", async () => {
    const { docs } = await run({ summary: false });
    expect(docs!.some((d) => d.kind === "summary")).toBe(false);
    expect(docs!.length).toBe(departments.length);
  });

  it("prints the --date on the reports and refuses a date that does not exist (exit 2)", async () => {
    const { written } = await run({ departments: [departments[0]], summary: false, date: "2026-02-05" });
    const ws = (await openFile(written[0])).worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => /ngày 05 tháng 02 năm 2026$/.test(t))).toBe(true);

    const bad = await run({ date: "2026-02-30" });
    expect(bad.code).toBe(2);
    expect(bad.con.stderr()).toEqual([
      "Ngày không hợp lệ cho --date: 2026-02-30 (dạng YYYY-MM-DD, ví dụ 2026-11-27)",
    ]);
    expect(await fs.readdir(bad.outDir)).toEqual([]);
  });

  it("uses today's date when none is given", async () => {
    const { written } = await run({
      departments: [departments[0]],
      summary: false,
      date: undefined,
      today: () => new Date(2027, 0, 9),
    });
    const ws = (await openFile(written[0])).worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => /ngày 09 tháng 01 năm 2027$/.test(t))).toBe(true);
  });

  it("exits 2 for a file that is not a workbook, and for a workbook with nothing to evaluate", async () => {
    const dir = await tempDir();
    const notXlsx = path.join(dir, "x.xlsx");
    await fs.writeFile(notXlsx, "not a zip");
    const a = await run({ input: notXlsx });
    expect(a.code).toBe(2);
    expect(a.con.stderr()[0]).toMatch(/^Không mở được tệp .*x\.xlsx/);

    const ExcelJS = (await import("exceljs")).default;
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Trống").getCell("A1").value = "x";
    const emptyFile = path.join(dir, "empty.xlsx");
    await empty.xlsx.writeFile(emptyFile);
    const b = await run({ input: emptyFile });
    expect(b.code).toBe(2);
    expect(b.written).toEqual([]);
    expect(b.con.stderr().join("\n")).toContain("Không thể tính");
  });

  it("exits 2 naming the file when the --mapping file cannot be read, and writes nothing", async () => {
    const dir = await tempDir();
    const mapping = path.join(dir, "anh-xa.json");
    await fs.writeFile(mapping, "{ không phải JSON");
    const bad = await run({ mapping });
    expect(bad.code).toBe(2);
    expect(bad.written).toEqual([]);
    expect(bad.con.stderr().join("\n")).toContain("anh-xa.json");
    expect(await fs.readdir(bad.outDir)).toEqual([]);
  });

  it("with --pdf and no LibreOffice, writes the .xlsx files, says the PDFs were skipped, keeps the exit code", async () => {
    const { code, written, con } = await run({ pdf: true, soffice: null, departments: [departments[0]] });
    expect(code).toBe(1);
    expect(written.every((f) => f.endsWith(".xlsx"))).toBe(true);
    expect(con.stderr().join("\n")).toContain("Không tạo PDF: máy này chưa cài LibreOffice");
    const en = await run({ pdf: true, soffice: null, departments: [departments[0]], lang: "en" });
    expect(en.con.stderr().join("\n")).toContain("PDFs skipped: LibreOffice is not installed");
  });

  it("exits 0 when the input has no problems", async () => {
    const clean = await haTinhWorkbook(await tempDir(), "vi", { clean: true });
    const { code, written, con } = await run({ input: clean.file, departments: [departments[0]] });
    expect(code).toBe(0);
    expect(written).toHaveLength(2);
    expect(con.stderr().join("\n")).not.toContain("Các vấn đề dữ liệu");
  });
});

describe("the reports command line", () => {
  async function cli(args: string[]) {
    const con = capture();
    let code: number | undefined;
    const program = buildProgram(con, (c) => (code = c));
    program.exitOverride();
    program.configureOutput({ writeErr: (s) => con.err(s), writeOut: (s) => con.out(s) });
    for (const cmd of program.commands)
      cmd.configureOutput({ writeErr: (s) => con.err(s), writeOut: (s) => con.out(s) });
    let error: unknown;
    try {
      await program.parseAsync(["node", "ntm-planner", ...args]);
    } catch (e) {
      error = e;
    }
    return { code, con, error };
  }

  it("parses repeated --dept, --no-summary, --zip and --date", async () => {
    const out = await tempDir();
    const { code, con } = await cli([
      "reports",
      sample.file,
      "--out",
      out,
      "--dept",
      departments[0],
      "--dept",
      departments[1],
      "--no-summary",
      "--zip",
      "--date",
      "2026-11-27",
    ]);
    expect(code).toBe(1);
    expect((await fs.readdir(out)).sort()).toHaveLength(3);
    expect(con.stdout()).toHaveLength(3);
    expect(con.stdout()[2]).toMatch(/BaoCao_2022\.zip/);
  });

  it("exits 2 when --out is missing or an option is invalid", async () => {
    const missing = await cli(["reports", sample.file]);
    expect(missing.error).toBeInstanceOf(CommanderError);
    expect(missing.code).toBe(2);
    const badLang = await cli(["reports", sample.file, "--out", await tempDir(), "--lang", "fr"]);
    expect(badLang.code).toBe(2);
  });
});

describe("option helpers", () => {
  it("parses YYYY-MM-DD calendar dates only", () => {
    expect(parseReportDate("2024-02-29")).toEqual({ day: 29, month: 2, year: 2024 });
    expect(parseReportDate("2023-02-29")).toBeNull();
    expect(parseReportDate("27/11/2026")).toBeNull();
    expect(parseReportDate("2026-1-5")).toBeNull();
  });

  it("matches department names without case, diacritics or punctuation", () => {
    const names = ["Sở Giao thông vận tải", "Sở Lao động – Thương binh và Xã hội"];
    expect(
      matchDepartments(["so giao thong van tai", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Y tế"], names),
    ).toEqual({
      matched: names,
      unknown: ["Sở Y tế"],
    });
  });
});
