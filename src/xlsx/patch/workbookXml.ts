/**
 * xl/workbook.xml: the sheets in tab order, the date system, and the edits the patch port makes —
 * the <sheets> list, NTM_ defined names, tab indices that move with it, and a recalculation on open.
 * Every other byte of the part is kept.
 */
import { escapeRe, decodeXml, escapeAttr, escapeText, prefixOf, rawAttr, rootPrefix } from "./xmlText";
import { REL_NS } from "./opcXml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
  /** The <sheet> element as written in the file (kept byte for byte unless the sheet changes). */
  element: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

function elementRe(prefix: string, local: string, flags = "g"): RegExp {
  const p = escapeRe(prefix);
  return new RegExp(`<${p}${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${local}\\s*>)`, flags);
}

function relPrefix(xml: string): string {
  return prefixOf(xml, REL_NS) ?? "r";
}

function parseBool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const p = rootPrefix(xml);
  const r = relPrefix(xml);
  const sheetsBlock = elementRe(p, "sheets", "").exec(xml);
  const sheets: SheetEntry[] = [];
  if (sheetsBlock) {
    for (const m of sheetsBlock[0].matchAll(elementRe(p, "sheet"))) {
      const el = m[0];
      const state = decodeXml(rawAttr(el, "state") ?? "visible");
      sheets.push({
        name: decodeXml(rawAttr(el, "name") ?? ""),
        sheetId: Number(rawAttr(el, "sheetId") ?? "0"),
        rId: decodeXml(rawAttr(el, `${r}:id`) ?? ""),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        element: el,
      });
    }
  }
  const pr = elementRe(p, "workbookPr", "").exec(xml);
  return { sheets, date1904: pr ? parseBool(rawAttr(pr[0], "date1904")) : false };
}

/** Sets (value) or removes (null) an attribute in a start tag or empty element, keeping the rest. */
export function setAttr(element: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${escapeRe(name)}\\s*=\\s*("[^"]*"|'[^']*')`);
  // Only look inside the start tag.
  const tagEnd = element.indexOf(">");
  const start = element.slice(0, tagEnd + 1);
  const rest = element.slice(tagEnd + 1);
  const m = re.exec(start);
  if (m) {
    const replaced =
      value === null
        ? start.slice(0, m.index) + start.slice(m.index + m[0].length)
        : start.slice(0, m.index) +
          `${m[1]}${name}="${escapeAttr(value)}"` +
          start.slice(m.index + m[0].length);
    return replaced + rest;
  }
  if (value === null) return element;
  const close = start.endsWith("/>") ? start.length - 2 : start.length - 1;
  return start.slice(0, close) + ` ${name}="${escapeAttr(value)}"` + start.slice(close) + rest;
}

export interface NewSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
}

export function sheetElement(xml: string, sheet: NewSheet): string {
  const p = rootPrefix(xml);
  const r = relPrefix(xml);
  const state = sheet.state === "visible" ? "" : ` state="${sheet.state}"`;
  return `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}"${state} ${r}:id="${escapeAttr(sheet.rId)}"/>`;
}

/** A workbook-scoped defined name to write. */
export interface NameToWrite {
  name: string;
  formula: string;
}

export interface WorkbookEdit {
  /** The final <sheet> elements in tab order. */
  sheets: string[];
  /** For each old tab index, its new index (or -1 when the sheet is gone). */
  indexMap: number[];
  /** Workbook-scoped names starting with this prefix are removed… */
  ownedNamePrefix: string;
  /** …and these added. */
  names: NameToWrite[];
  /** New tab indices of the visible sheets, to keep the active tab on one of them. */
  visible: number[];
  /** Old tab indices of sheets being rewritten: their print titles and print area are dropped… */
  rewritten: Set<number>;
  /** …and these sheet-scoped names (print titles of the written sheets) added, by NEW tab index. */
  localNames: { name: string; localSheetId: number; formula: string }[];
}

/** Sheet-scoped names that belong to a sheet's page setup (ExcelJS models them on the worksheet). */
const PRINT_NAMES = new Set(["_xlnm.print_titles", "_xlnm.print_area"]);

/** Elements that come after <definedNames> in CT_Workbook (the first present one is where it goes). */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

function firstOf(xml: string, prefix: string, locals: readonly string[]): number {
  let best = -1;
  for (const local of locals) {
    const m = new RegExp(`<${escapeRe(prefix)}${local}[\\s/>]`).exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best >= 0) return best;
  const end = new RegExp(`</${escapeRe(prefix)}workbook\\s*>`).exec(xml);
  if (!end) throw new Error("xl/workbook.xml has no </workbook>");
  return end.index;
}

/** Applies a WorkbookEdit to workbook.xml and returns the new text. */
export function editWorkbook(xml: string, edit: WorkbookEdit): string {
  const p = rootPrefix(xml);
  let out = xml;

  // <sheets>
  const sheetsRe = elementRe(p, "sheets", "");
  const block = sheetsRe.exec(out);
  if (!block) throw new Error("xl/workbook.xml has no <sheets>");
  const open = /^<[^>]*?>/.exec(block[0])![0].replace(/\/>$/, ">");
  out =
    out.slice(0, block.index) +
    `${open}${edit.sheets.join("")}</${p}sheets>` +
    out.slice(block.index + block[0].length);

  out = editDefinedNames(out, p, edit);
  out = remapViews(out, p, edit);
  return requestFullCalc(out, p);
}

function remapIndex(value: string | undefined, map: number[]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n >= map.length) return undefined;
  return map[n];
}

function editDefinedNames(xml: string, p: string, edit: WorkbookEdit): string {
  const namesRe = elementRe(p, "definedNames", "");
  const block = namesRe.exec(xml);
  const kept: string[] = [];
  if (block) {
    for (const m of block[0].matchAll(elementRe(p, "definedName"))) {
      let el = m[0];
      const name = decodeXml(rawAttr(el, "name") ?? "");
      const local = rawAttr(el, "localSheetId");
      if (local === undefined && name.toUpperCase().startsWith(edit.ownedNamePrefix.toUpperCase())) continue;
      if (local !== undefined && edit.rewritten.has(Number(local)) && PRINT_NAMES.has(name.toLowerCase()))
        continue;
      if (local !== undefined) {
        const moved = remapIndex(local, edit.indexMap);
        if (moved === undefined || moved < 0) continue; // its sheet is gone: the name would point nowhere
        if (String(moved) !== local) el = setAttr(el, "localSheetId", String(moved));
      }
      kept.push(el);
    }
  }
  const added = [
    ...edit.localNames.map(
      (n) =>
        `<${p}definedName name="${escapeAttr(n.name)}" localSheetId="${n.localSheetId}">${escapeText(n.formula)}</${p}definedName>`,
    ),
    ...edit.names.map(
      (n) => `<${p}definedName name="${escapeAttr(n.name)}">${escapeText(n.formula)}</${p}definedName>`,
    ),
  ];
  const all = [...kept, ...added];
  const unchanged = block && all.length === kept.length && kept.join("") === innerElements(block[0], p);
  if (unchanged) return xml;
  const replacement = all.length > 0 ? `<${p}definedNames>${all.join("")}</${p}definedNames>` : "";
  if (block) return xml.slice(0, block.index) + replacement + xml.slice(block.index + block[0].length);
  if (replacement === "") return xml;
  const at = firstOf(xml, p, AFTER_DEFINED_NAMES);
  return xml.slice(0, at) + replacement + xml.slice(at);
}

function innerElements(block: string, p: string): string {
  return [...block.matchAll(elementRe(p, "definedName"))].map((m) => m[0]).join("");
}

function remapViews(xml: string, p: string, edit: WorkbookEdit): string {
  return xml.replace(elementRe(p, "workbookView"), (el) => {
    let out = el;
    for (const attrName of ["activeTab", "firstSheet"]) {
      const raw = rawAttr(out, attrName);
      if (raw === undefined) continue;
      let moved = remapIndex(raw, edit.indexMap);
      if (attrName === "activeTab" && (moved === undefined || moved < 0 || !edit.visible.includes(moved))) {
        moved = edit.visible[0] ?? 0;
      }
      if (moved === undefined || moved < 0) moved = 0;
      if (String(moved) !== raw) out = setAttr(out, attrName, String(moved));
    }
    return out;
  });
}

/**
 * Asks Excel to recalculate on open (`fullCalcOnLoad`): user formulas that read a result sheet would
 * otherwise show values cached before the results changed. Excel clears the flag when it saves.
 */
function requestFullCalc(xml: string, p: string): string {
  const calc = elementRe(p, "calcPr", "").exec(xml);
  if (calc) {
    if (rawAttr(calc[0], "fullCalcOnLoad") === "1") return xml;
    return (
      xml.slice(0, calc.index) +
      setAttr(calc[0], "fullCalcOnLoad", "1") +
      xml.slice(calc.index + calc[0].length)
    );
  }
  const at = firstOf(xml, p, AFTER_CALC_PR);
  return xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
}
