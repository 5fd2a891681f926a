/**
 * The files `ntm-planner reports` writes for the Hà Tĩnh sample, each opened with a fresh ExcelJS:
 * the document's header block, title and date line, the rows of each department report against the
 * recalculation's own results, the print setup and page layout, gridlines, protection, charts, and a
 * locality named like a formula kept as text.
 */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { runReports } from "../../src/cli/reportsCommand";
import { applicableIndicators, criterionKey } from "../../src/domain/levelPlan";
import { foldText } from "../../src/domain/text";
import type { Level } from "../../src/domain/types";
import type { RecalcOutcome } from "../../src/workbook/recalc";
import type { ReportDoc } from "../../src/workbook/reports/types";
import {
  cellsOf,
  haTinhWorkbook,
  HOSTILE,
  loadFresh,
  MOTTO,
  packageParts,
  tempDir,
  type SampleWorkbook,
} from "./support";

const DATE_LINE = "Hà Tĩnh, ngày 27 tháng 11 năm 2026";

interface Written {
  doc: ReportDoc;
  buf: Buffer;
  wb: ExcelJS.Workbook;
}

let sample: SampleWorkbook;
let outcome: RecalcOutcome;
let files: Written[];

beforeAll(async () => {
  sample = await haTinhWorkbook(await tempDir());
  const con = { out: () => undefined, err: () => undefined };
  const result = await runReports(
    { input: sample.file, outDir: await tempDir(), lang: "vi", date: "2026-11-27", soffice: null },
    con,
  );
  outcome = result.outcome!;
  files = [];
  for (const [i, doc] of result.docs!.entries()) {
    const buf = await fs.readFile(result.written[i]);
    files.push({ doc, buf, wb: await loadFresh(buf) });
  }
});

const departmentFiles = () => files.filter((f) => f.doc.kind === "department");
const summaryFile = () => files.find((f) => f.doc.kind === "summary")!;

/** Texts of a sheet's non-empty cells in reading order, joined by single spaces. */
function sheetText(ws: ExcelJS.Worksheet): string {
  return cellsOf(ws)
    .map((c) => c.text)
    .join(" ")
    .replace(/\s+/g, " ");
}

/** The merged range (1-based columns) a cell belongs to, or the cell alone. */
function mergedColumns(ws: ExcelJS.Worksheet, row: number, col: number): [number, number] {
  const master = ws.getCell(row, col).master;
  let last = col;
  while (ws.getCell(row, last + 1).isMerged && ws.getCell(row, last + 1).master === master) last++;
  return [Number(master.fullAddress.col), last];
}

/**
 * Table 2 of a department report: for each criterion row ("Tiêu chí …: n xã chưa đạt"), the codes
 * of the locality rows under it (district rows skipped).
 */
function unmetSections(ws: ExcelJS.Worksheet): { heading: string; codes: string[]; names: ExcelJS.Cell[] }[] {
  const cells = cellsOf(ws);
  const header = cells.find((c) => c.col === 2 && c.text === "Mã đơn vị");
  if (!header) return [];
  const sections: { heading: string; codes: string[]; names: ExcelJS.Cell[] }[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1);
    const b = ws.getCell(r, 2);
    if (a.value === null && b.value === null) break; // the table ends at the first empty row
    if (typeof a.value === "number") {
      sections[sections.length - 1].codes.push(String(b.value));
      sections[sections.length - 1].names.push(ws.getCell(r, 3));
    } else if (typeof a.value === "string" && a.value.startsWith("Tiêu chí ")) {
      sections.push({ heading: a.value, codes: [], names: [] });
    }
  }
  return sections;
}

/** What each department's Table 2 must hold, derived from the recalculation alone. */
function expectedUnmet(department: string): string[][] {
  const year = outcome.result.options.year;
  const seen = new Set<string>();
  const led = new Map<string, { level: Level; key: string }>();
  for (const def of applicableIndicators(outcome.read.input.indicators, year)) {
    if (seen.has(def.code)) continue;
    seen.add(def.code);
    if (!def.department || foldText(def.department) !== foldText(department)) continue;
    const key = criterionKey(def.criterion, def.tier);
    led.set(`${def.level}|${key}`, { level: def.level, key });
  }
  return [...led.values()].map(({ level, key }) => {
    const codes = new Set<string>();
    for (const l of outcome.result.localities)
      if (l.level === level && l.criteria[key]?.outcome === "notMet") codes.add(l.code);
    return [...codes];
  });
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("report files of the Hà Tĩnh sample", () => {
  it("writes one workbook per department and a summary, each with only its report sheet", () => {
    expect(departmentFiles().length).toBeGreaterThan(5);
    expect(files.filter((f) => f.doc.kind === "summary")).toHaveLength(1);
    for (const { doc, wb } of files) {
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(doc.sheets.map((s) => s.name));
      expect((wb.definedNames.model as unknown[]).length).toBe(0);
    }
  });

  it("opens every report with the issuer on the left and the motto on the right of the first rows", () => {
    for (const { doc, wb } of files) {
      const ws = wb.worksheets[0];
      const motto = cellsOf(ws).find((c) => c.text === MOTTO);
      expect({ file: doc.fileName, mottoRow: motto?.row }).toEqual({ file: doc.fileName, mottoRow: 1 });
      const [mottoFrom, mottoTo] = mergedColumns(ws, 1, motto!.col);
      expect(mottoTo).toBe(doc.sheets[0].columnWidths!.length);
      // The sample's settings name the issuer on two lines.
      expect(ws.getCell(1, 1).value).toBe("UBND TỈNH HÀ TĨNH");
      expect(ws.getCell(2, 1).value).toBe("VĂN PHÒNG ĐIỀU PHỐI NTM TỈNH");
      const [, issuerTo] = mergedColumns(ws, 1, 1);
      expect(issuerTo).toBeLessThan(mottoFrom);
      expect(ws.getCell(2, motto!.col).value).toBe("Độc lập – Tự do – Hạnh phúc");
    }
  });

  it("prints the date line under the motto and the title as given", () => {
    for (const { doc, wb } of files) {
      const ws = wb.worksheets[0];
      const motto = cellsOf(ws).find((c) => c.text === MOTTO)!;
      const date = cellsOf(ws).find((c) => c.text === DATE_LINE);
      expect({ file: doc.fileName, date: date && { col: date.col, below: date.row > motto.row } }).toEqual({
        file: doc.fileName,
        date: { col: motto.col, below: true },
      });
      expect(sheetText(ws)).toContain(doc.title.replace(/\s+/g, " "));
      expect(doc.title).toMatch(/^BÁO CÁO /);
    }
  });

  it("lists, for each criterion a department leads, every locality that does not meet it exactly once, and no other", () => {
    let rows = 0;
    for (const { doc, wb } of departmentFiles()) {
      const sections = unmetSections(wb.worksheets[0]);
      const expected = expectedUnmet(doc.department!);
      if (expected.every((codes) => codes.length === 0)) {
        // Nothing unmet: no table, a sentence instead.
        expect({ file: doc.fileName, sections }).toEqual({ file: doc.fileName, sections: [] });
        expect(sheetText(wb.worksheets[0])).toContain("Tất cả các đơn vị đã đạt các tiêu chí do");
        expect(doc.stats.unmetRows).toBe(0);
        continue;
      }
      expect({ file: doc.fileName, criteria: sections.length }).toEqual({
        file: doc.fileName,
        criteria: expected.length,
      });
      // Same collection of per-criterion lists (each sorted), compared as a whole.
      const actual = sections.map((s) => sorted(s.codes).join(",")).sort();
      expect({ file: doc.fileName, lists: actual }).toEqual({
        file: doc.fileName,
        lists: expected.map((codes) => sorted(codes).join(",")).sort(),
      });
      for (const s of sections) {
        expect(new Set(s.codes).size).toBe(s.codes.length);
        expect(s.heading).toMatch(
          new RegExp(`: ${s.codes.length} xã chưa đạt$|: ${s.codes.length} (huyện|tỉnh|thôn) chưa đạt$`),
        );
        rows += s.codes.length;
      }
      expect(doc.stats.unmetRows).toBe(sections.reduce((n, s) => n + s.codes.length, 0));
    }
    expect(rows).toBeGreaterThan(0);
  });

  it("keeps a locality named like a formula as text, in every report that lists it", async () => {
    let found = 0;
    for (const { buf, wb } of departmentFiles()) {
      for (const s of unmetSections(wb.worksheets[0])) {
        s.codes.forEach((code, i) => {
          if (code !== sample.hostileCode) return;
          found++;
          expect(s.names[i].value).toBe(HOSTILE);
          expect(s.names[i].type).toBe(3); // ExcelJS ValueType.String
          expect(s.names[i].formula).toBeUndefined();
        });
      }
      const xml = [...(await packageParts(buf)).entries()].filter(([p]) => p.startsWith("xl/worksheets/"));
      for (const [, text] of xml) expect(text).not.toMatch(/<f[ >]/);
    }
    expect(found).toBeGreaterThan(0);
  });

  it("sets up printing: A4 landscape, one page wide, the report's margins, the table header repeated, page n/N in the footer", () => {
    for (const { doc, wb } of files) {
      const ws = wb.worksheets[0];
      const spec = doc.sheets[0];
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.margins).toEqual(spec.page!.margins);
      expect(ws.headerFooter.oddFooter).toMatch(/^&C.*&P.*&N/);
      if (doc.kind === "department") {
        const header = cellsOf(ws).find((c) => c.col === 2 && c.text === "Mã đơn vị");
        const repeated = header
          ? `${header.row}:${header.row}`
          : `${spec.page!.repeatRows![0]}:${spec.page!.repeatRows![1]}`;
        expect(ws.pageSetup.printTitlesRow).toBe(repeated);
      }
    }
  });

  it("writes every cell in the document font, hides gridlines and protects each sheet without a password", () => {
    for (const { doc, wb } of files) {
      const ws = wb.worksheets[0];
      const font = doc.sheets[0].font!;
      for (const c of cellsOf(ws)) expect(c.cell.font?.name).toBe(font.name);
      expect(ws.views[0].showGridLines).toBe(false);
      const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
      expect(protection?.sheet).toBe(true);
      expect(protection?.hashValue).toBeUndefined();
      expect(protection?.algorithmName).toBeUndefined();
    }
  });

  it("adds the summary's native charts and no tool name to any file", async () => {
    const summary = summaryFile();
    const parts = await packageParts(summary.buf);
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(summary.doc.charts.length);
    for (const { buf } of files)
      for (const [name, text] of await packageParts(buf))
        expect({ name, tool: /NTM_META|NTM Planner/.test(text) }).toEqual({ name, tool: false });
  });
});
