/**
 * WorkbookPort over an .xlsx file that PATCHES the package instead of re-serialising it (the command
 * line's port for large workbooks).
 *
 * Why: the ExcelJS port (../xlsxPort.ts) loads the whole workbook into a model, which costs > 2.4 GB
 * and > 30 s on a national workbook (~4.5 M cells), and drops on save everything ExcelJS does not model
 * (charts, pivot tables, images, macros, slicers…). This port opens the zip with JSZip and:
 *  - reads sheets with a streaming scanner (sheetScanner.ts), memory proportional to the values read;
 *  - writes a tool-owned sheet as worksheet XML generated from its SheetSpec (sheetWriter.ts),
 *    replacing the old part in place (same sheetId, same tab) or adding a new one;
 *  - edits a user's sheet only in its conditional formats (userSheetRules.ts): the cells are copied as
 *    bytes, and every other part is carried through with its compressed bytes untouched;
 *  - appends the styles it needs to the existing styles.xml (stylesXml.ts);
 *  - edits workbook.xml, its relationships and [Content_Types].xml as text (workbookXml.ts, opcXml.ts).
 *
 * Same contract as XlsxWorkbookPort: sheets found case-insensitively; only sheets listed in NTM_META
 * are replaced; the whole plan is checked, and every new part prepared, before anything changes;
 * each plan's inputHighlights and names are the tool's whole set (old marked rules and NTM_ names not
 * in the plan are removed); NTM_META is rewritten veryHidden and last. Input sheets (templates),
 * tables and list validations are not supported: those are written with XlsxWorkbookPort.
 *
 * The grids match XlsxWorkbookPort.readSheets for the same file; gridReader.ts lists the few files
 * ExcelJS misreads where this port follows Excel instead.
 */
import { promises as fs } from "fs";
import {
  META_SHEET,
  TOOL_NAME_PREFIX,
  type SheetGrid,
  type ToolMeta,
  type WorkbookPort,
  type WritePlan,
} from "../../workbook/port";
import type { ConditionalRule, SheetSpec } from "../../workbook/sheetSpec";
import { parseRangeAddress, quoteSheetName, columnLetters } from "../../workbook/a1";
import { isOurMetaGrid, metaFromGrid, metaLists, metaRows } from "../../workbook/formats/meta";
import { checkOwnedSheets, sameSheetName } from "../../workbook/planChecks";
import { GridBuilder, type ReadContext } from "./gridReader";
import {
  addRelationship,
  CT_STYLES,
  CT_WORKSHEET,
  emptyRelationships,
  isRelType,
  nextRelationshipId,
  parseRelationships,
  REL_CALC_CHAIN,
  REL_OFFICE_DOCUMENT,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_WORKSHEET,
  removeOverride,
  removeRelationship,
  setOverride,
  type Relationship,
} from "./opcXml";
import { SharedStringsScanner, SheetScanner } from "./sheetScanner";
import { hasFormulas, splitSheet, withNewTail } from "./sheetParts";
import { checkSheetSpec, printTitles, sheetXmlChunks } from "./sheetWriter";
import { readCellFormats, StyleBook } from "./stylesXml";
import { editUserSheetTail } from "./userSheetRules";
import {
  editWorkbook,
  parseWorkbook,
  setAttr,
  sheetElement,
  type NameToWrite,
  type SheetEntry,
  type SheetState,
} from "./workbookXml";
import { relsPathOf, resolveTarget, ZipPackage, type StagedPart } from "./zipPackage";

const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

const same = sameSheetName;

interface SheetInfo extends SheetEntry {
  /** The worksheet part, or null when the relationship or part is missing. */
  part: string | null;
  /** True for worksheets (not chart sheets, dialog sheets or macro sheets). */
  worksheet: boolean;
}

interface PackageState {
  workbookPart: string;
  workbookXml: string;
  relsPart: string;
  relsXml: string;
  rels: Relationship[];
  contentTypes: string;
  sheets: SheetInfo[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

const CONTENT_TYPES = "[Content_Types].xml";

function partOf(pkg: ZipPackage, fromPart: string, target: string): string | null {
  const direct = resolveTarget(fromPart, target);
  if (pkg.has(direct)) return direct;
  try {
    const decoded = resolveTarget(fromPart, decodeURIComponent(target));
    return pkg.has(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

async function loadState(pkg: ZipPackage): Promise<PackageState> {
  if (!pkg.has("_rels/.rels") || !pkg.has(CONTENT_TYPES)) throw new Error("Not an .xlsx package");
  const rootRels = parseRelationships(await pkg.text("_rels/.rels"));
  const officeDoc = rootRels.find((r) => isRelType(r, REL_OFFICE_DOCUMENT) && !r.external);
  const workbookPart = officeDoc ? partOf(pkg, "", officeDoc.target) : null;
  if (!workbookPart) throw new Error("The package has no workbook part");
  const workbookXml = await pkg.text(workbookPart);
  const relsPart = relsPathOf(workbookPart);
  const relsXml = pkg.has(relsPart) ? await pkg.text(relsPart) : "";
  const rels = relsXml ? parseRelationships(relsXml) : [];
  const info = parseWorkbook(workbookXml);
  const partFor = (rel: Relationship | undefined) =>
    rel && !rel.external ? partOf(pkg, workbookPart, rel.target) : null;
  const sheets = info.sheets.map((s): SheetInfo => {
    const rel = rels.find((r) => r.id === s.rId);
    const part = partFor(rel);
    return { ...s, part, worksheet: part !== null && rel !== undefined && isRelType(rel, REL_WORKSHEET) };
  });
  return {
    workbookPart,
    workbookXml,
    relsPart,
    relsXml,
    rels,
    contentTypes: await pkg.text(CONTENT_TYPES),
    sheets,
    date1904: info.date1904,
    stylesPart: partFor(rels.find((r) => isRelType(r, REL_STYLES))),
    sharedStringsPart: partFor(rels.find((r) => isRelType(r, REL_SHARED_STRINGS))),
  };
}

/** "B3:D9" → "$B$3:$D$9"; one cell → "$B$3". */
function absoluteRange(range: string): string {
  const pos = parseRangeAddress(range)!;
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const tl = cell(pos.start.row, pos.start.col);
  return pos.start.row === pos.end.row && pos.start.col === pos.end.col
    ? tl
    : `${tl}:${cell(pos.end.row, pos.end.col)}`;
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

interface CheckedPlan {
  /** The existing (tool-owned) sheet each spec replaces. */
  replaced: Map<SheetSpec, SheetInfo>;
  /** Highlight rules per user sheet (the last entry for a sheet wins, as in the ExcelJS port). */
  highlights: Map<SheetInfo, readonly ConditionalRule[]>;
  names: NameToWrite[];
  /** The current meta sheet (ours) and the helper lists on it, kept when it is rewritten. */
  meta: { sheet: SheetInfo; lists: (string | null)[][] } | null;
}

export class XlsxPatchPort implements WorkbookPort {
  private readCache: ReadContext | null = null;
  private sharedStrings: string[] | null = null;

  private constructor(
    private readonly pkg: ZipPackage,
    private state: PackageState,
  ) {}

  static async fromFile(file: string): Promise<XlsxPatchPort> {
    return XlsxPatchPort.fromBuffer(await fs.readFile(file));
  }

  static async fromBuffer(buf: Buffer | ArrayBuffer | Uint8Array): Promise<XlsxPatchPort> {
    const pkg = await ZipPackage.load(buf);
    return new XlsxPatchPort(pkg, await loadState(pkg));
  }

  /** Writes next to the target and renames, so a failed save never leaves half a workbook behind. */
  async saveAs(file: string): Promise<void> {
    await this.pkg.saveAs(file);
  }

  async toBuffer(): Promise<Buffer> {
    return this.pkg.toBuffer();
  }

  // ---------------------------------------------------------------- reading

  /** Worksheets in tab order, hidden ones included, without NTM_META (chart sheets are not listed). */
  async sheetNames(): Promise<string[]> {
    return this.state.sheets.filter((s) => s.worksheet && s.name !== META_SHEET).map((s) => s.name);
  }

  /** Any sheet (worksheet or not) by name, exact first, then as Excel compares names (case-insensitively). */
  private findAnySheet(name: string): SheetInfo | undefined {
    const sheets = this.state.sheets;
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => same(s.name, name));
  }

  private findSheet(name: string): SheetInfo | undefined {
    const sheets = this.state.sheets.filter((s) => s.worksheet);
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => same(s.name, name));
  }

  /** Shared strings (parsed once: a write never changes them) and the number formats of the styles. */
  private async readContext(): Promise<ReadContext> {
    if (this.readCache) return this.readCache;
    const st = this.state;
    if (this.sharedStrings === null) {
      this.sharedStrings = [];
      if (st.sharedStringsPart) {
        const scanner = new SharedStringsScanner();
        await this.pkg.stream(st.sharedStringsPart, (chunk) => scanner.push(chunk));
        this.sharedStrings = scanner.end();
      }
    }
    const formats = readCellFormats(st.stylesPart ? await this.pkg.text(st.stylesPart) : null);
    this.readCache = { sharedStrings: this.sharedStrings, formats, date1904: st.date1904 };
    return this.readCache;
  }

  /** The grid of one worksheet, scanned as it streams (memory: the values kept, one chunk, one row). */
  private async scanGrid(sheet: SheetInfo): Promise<SheetGrid> {
    const builder = new GridBuilder(await this.readContext());
    const scanner = new SheetScanner(builder.onCell);
    await this.pkg.stream(sheet.part!, (chunk) => scanner.push(chunk));
    const { merges } = scanner.end();
    return { ...builder.build(sheet.name, merges), hidden: sheet.state !== "visible" };
  }

  /**
   * Sheets are found by name as Excel does (case-insensitively); each grid carries the sheet's own name,
   * its merged ranges (from <mergeCells>) and whether workbook.xml hides it (state="hidden"|"veryHidden").
   */
  async readSheets(names: string[]): Promise<SheetGrid[]> {
    const grids: SheetGrid[] = [];
    for (const name of names) {
      const sheet = this.findSheet(name);
      if (sheet && sheet.part) grids.push(await this.scanGrid(sheet));
    }
    return grids;
  }

  /** The meta sheet when it is ours (exact name, marker in A1), with its grid. */
  private async ourMeta(): Promise<{ sheet: SheetInfo; values: SheetGrid["values"] } | null> {
    const sheet = this.state.sheets.find((s) => s.name === META_SHEET);
    if (!sheet || !sheet.worksheet || !sheet.part) return null;
    const { values } = await this.scanGrid(sheet);
    return isOurMetaGrid(values) ? { sheet, values } : null;
  }

  /** Null without our meta sheet or with an unknown version (src/workbook/formats/meta.ts). */
  async readMeta(): Promise<ToolMeta | null> {
    const meta = await this.ourMeta();
    return meta ? metaFromGrid(meta.values) : null;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Checks the whole plan before anything changes, so a refused plan leaves the workbook as it was.
   * The checks and their messages follow XlsxWorkbookPort.
   */
  private async checkPlan(plan: WritePlan): Promise<CheckedPlan> {
    if (plan.inputSheets && plan.inputSheets.length > 0) {
      throw new Error("XlsxPatchPort does not create input sheets: write templates with XlsxWorkbookPort");
    }
    if (this.state.workbookXml.includes(STRICT_MAIN_NS)) {
      throw new Error(
        "Strict Open XML workbooks are not supported: save the file as an Excel Workbook (.xlsx)",
      );
    }
    const metaLike = this.findAnySheet(META_SHEET);
    const meta = await this.ourMeta();
    if (metaLike && (!meta || metaLike !== meta.sheet)) {
      throw new Error(
        `The workbook has a sheet "${META_SHEET}" that NTM Planner did not create; refusing to write`,
      );
    }
    const { replaced, seen } = checkOwnedSheets(
      plan,
      meta ? metaFromGrid(meta.values) : null,
      (name) => this.findAnySheet(name),
      checkSheetSpec,
    );
    for (const existing of replaced.values()) {
      if (!existing.worksheet || !existing.part) {
        throw new Error(`Sheet "${existing.name}" is not a worksheet; refusing to replace it`);
      }
    }
    const names: NameToWrite[] = [];
    for (const n of plan.names ?? []) {
      if (!n.name.startsWith(TOOL_NAME_PREFIX))
        throw new Error(`Defined name "${n.name}" must start with ${TOOL_NAME_PREFIX}`);
      const target = plan.sheets.find((s) => same(s.name, n.sheet));
      if (!target) throw new Error(`Defined name "${n.name}" must point at a sheet the plan writes`);
      if (!parseRangeAddress(n.range)) {
        throw new Error(`Defined name "${n.name}": not a bounded A1 range: "${n.range}"`);
      }
      if (!NAME_PATTERN.test(n.name) || n.name.length > 255)
        throw new Error(`"${n.name}" is not a valid name`);
      if (names.some((m) => same(m.name, n.name)))
        throw new Error(`The plan defines the name "${n.name}" twice`);
      names.push({ name: n.name, formula: `${quoteSheetName(target.name)}!${absoluteRange(n.range)}` });
    }
    if (plan.meta.ownedSheets.some((o) => same(o, META_SHEET))) {
      throw new Error(`meta.ownedSheets must not list "${META_SHEET}"`);
    }

    // This port rewrites results: every plan it takes carries the tool's whole set of highlights.
    if (!plan.inputHighlights) throw new Error("This port needs the plan's inputHighlights (its whole set)");
    const highlights = new Map<SheetInfo, readonly ConditionalRule[]>();
    for (const highlight of plan.inputHighlights) {
      if (same(highlight.sheet, META_SHEET) || seen.some((s) => same(s, highlight.sheet))) {
        throw new Error(`Highlights must target a user sheet, not "${highlight.sheet}"`);
      }
      const sheet = this.findSheet(highlight.sheet);
      if (!sheet || !sheet.part) throw new Error(`Highlight sheet "${highlight.sheet}" does not exist`);
      for (const rule of highlight.rules) {
        if (!parseRangeAddress(rule.range)) {
          throw new Error(`Highlight on "${highlight.sheet}": not a bounded A1 range: "${rule.range}"`);
        }
        if (rule.kind === "dataBar") {
          throw new Error(
            `Highlight on "${highlight.sheet}" (${rule.range}): data bars cannot be added to a user sheet`,
          );
        }
      }
      highlights.set(sheet, highlight.rules);
    }

    return {
      replaced,
      highlights,
      names,
      meta: meta ? { sheet: meta.sheet, lists: metaLists(meta.values) } : null,
    };
  }

  async write(plan: WritePlan): Promise<void> {
    const checked = await this.checkPlan(plan);
    const pkg = this.pkg;
    const st = this.state;
    const book = new StyleBook(st.stylesPart ? await pkg.text(st.stylesPart) : null);

    // Everything is prepared first; `commit` runs only when all of it succeeded.
    const commit: (() => void)[] = [];
    let relsXml = st.relsXml || emptyRelationships();
    const rels = [...st.rels];
    let contentTypes = st.contentTypes;
    const taken = new Set(pkg.parts().map((p) => p.toLowerCase()));
    const folder = st.workbookPart.slice(0, st.workbookPart.lastIndexOf("/") + 1);
    let nextSheetId = Math.max(0, ...st.sheets.map((s) => s.sheetId)) + 1;
    let dropCalcChain = false;

    const newSheetPart = (): string => {
      for (let n = 1; ; n++) {
        const part = `${folder}worksheets/sheet${n}.xml`;
        if (!taken.has(part.toLowerCase())) {
          taken.add(part.toLowerCase());
          return part;
        }
      }
    };
    const addRel = (type: string, part: string): string => {
      const id = nextRelationshipId(rels);
      const target = part.slice(folder.length);
      rels.push({ id, type, target, external: false });
      relsXml = addRelationship(relsXml, { id, type, target });
      return id;
    };
    const dropOwnRels = (part: string) => {
      const own = relsPathOf(part);
      if (pkg.has(own)) commit.push(() => pkg.remove(own));
    };

    interface Tab {
      element: string;
      oldIndex: number;
      state: SheetState;
      /** Print titles of a sheet written now. */
      printTitles?: string | null;
    }
    const tabs: Tab[] = [];
    st.sheets.forEach((s, i) => {
      if (s !== checked.meta?.sheet) tabs.push({ element: s.element, oldIndex: i, state: s.state });
    });

    const writeSheet = async (
      spec: SheetSpec,
      state: SheetState,
      old: SheetInfo | undefined,
    ): Promise<Tab> => {
      const staged: StagedPart = await pkg.deflate(sheetXmlChunks(spec, book));
      if (old) {
        const part = old.part!;
        if (await hasFormulas(pkg, part)) dropCalcChain = true;
        commit.push(() => pkg.put(part, staged));
        dropOwnRels(part);
        let element = old.name === spec.name ? old.element : setAttr(old.element, "name", spec.name);
        element = setAttr(element, "state", state === "visible" ? null : state);
        const tab = tabs.find((t) => t.oldIndex === st.sheets.indexOf(old));
        if (tab) {
          tab.element = element;
          tab.state = state;
          tab.printTitles = printTitles(spec);
          return tab;
        }
        return { element, oldIndex: st.sheets.indexOf(old), state, printTitles: printTitles(spec) };
      }
      const part = newSheetPart();
      const rId = addRel(REL_WORKSHEET, part);
      contentTypes = setOverride(contentTypes, part, CT_WORKSHEET);
      commit.push(() => pkg.put(part, staged));
      const element = sheetElement(st.workbookXml, { name: spec.name, sheetId: nextSheetId++, rId, state });
      return { element, oldIndex: -1, state, printTitles: printTitles(spec) };
    };

    for (const spec of plan.sheets) {
      const old = checked.replaced.get(spec);
      const tab = await writeSheet(spec, spec.hidden ? "hidden" : "visible", old);
      if (!old) tabs.push(tab);
    }
    // The meta sheet: rewritten veryHidden, at the end of the tab order.
    tabs.push(
      await writeSheet(metaSpec(plan.meta, checked.meta?.lists ?? []), "veryHidden", checked.meta?.sheet),
    );

    // User sheets: swap NTM Planner's rules; every plan describes all of them, so a sheet it does
    // not highlight loses its old ones.
    const written = new Set<SheetInfo>(checked.replaced.values());
    for (const sheet of st.sheets) {
      if (!sheet.worksheet || !sheet.part || written.has(sheet) || sheet === checked.meta?.sheet) continue;
      if (sheet.name === META_SHEET) continue;
      const split = await splitSheet(pkg, sheet.part);
      const tail = editUserSheetTail(split.tail, split.prefix, checked.highlights.get(sheet) ?? [], book);
      if (tail === null) continue;
      const part = sheet.part;
      const staged = await pkg.deflate(withNewTail(pkg, part, split.headBytes, tail));
      commit.push(() => pkg.put(part, staged));
    }

    // Styles (after every sheet has added what it needs).
    if (book.dirty) {
      let stylesPart = st.stylesPart;
      if (!stylesPart) {
        stylesPart = `${folder}styles.xml`;
        addRel(REL_STYLES, stylesPart);
        contentTypes = setOverride(contentTypes, stylesPart, CT_STYLES);
      }
      const xml = book.toXml();
      const part = stylesPart;
      commit.push(() => pkg.set(part, xml));
    }

    // A replaced sheet that held formulas leaves calcChain entries pointing at plain cells, which
    // Excel reports as corruption: drop the chain (Excel rebuilds it).
    if (dropCalcChain) {
      const rel = rels.find((r) => isRelType(r, REL_CALC_CHAIN));
      if (rel) {
        const part = resolveTarget(st.workbookPart, rel.target);
        relsXml = removeRelationship(relsXml, rel.id);
        contentTypes = removeOverride(contentTypes, part);
        if (pkg.has(part)) commit.push(() => pkg.remove(part));
      }
    }

    const indexMap = st.sheets.map((_, i) => tabs.findIndex((t) => t.oldIndex === i));
    const workbookXml = editWorkbook(st.workbookXml, {
      sheets: tabs.map((t) => t.element),
      indexMap,
      ownedNamePrefix: TOOL_NAME_PREFIX,
      names: checked.names,
      visible: tabs.flatMap((t, i) => (t.state === "visible" ? [i] : [])),
      rewritten: new Set(
        [...checked.replaced.values(), ...(checked.meta ? [checked.meta.sheet] : [])].map((s) =>
          st.sheets.indexOf(s),
        ),
      ),
      localNames: tabs.flatMap((t, i) =>
        t.printTitles ? [{ name: "_xlnm.Print_Titles", localSheetId: i, formula: t.printTitles }] : [],
      ),
    });

    for (const run of commit) run();
    pkg.set(st.relsPart, relsXml);
    pkg.set(CONTENT_TYPES, contentTypes);
    pkg.set(st.workbookPart, workbookXml);
    this.state = await loadState(pkg);
    this.readCache = null;
  }
}

/**
 * The meta sheet in the layout of src/workbook/formats/meta.ts, with the helper lists already on it
 * (column C on, referred to by validations of sheets written by the ExcelJS port) kept cell for cell.
 */
function metaSpec(meta: ToolMeta, lists: readonly (readonly (string | null)[])[]): SheetSpec {
  return { name: META_SHEET, rows: metaRows(meta, lists) };
}
