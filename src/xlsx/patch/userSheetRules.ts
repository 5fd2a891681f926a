/**
 * NTM Planner's highlight rules on a user's sheet, edited in the sheet's XML without touching any other
 * byte of it.
 *
 * Only the part after `</sheetData>` (the "tail": merges, conditional formats, validations, hyperlinks,
 * page setup, drawings, extensions) is ever read as text; the cells before it are copied as bytes.
 * In the tail:
 *  - every rule carrying the marker of src/workbook/formats/toolRules.ts (`AND(ISTEXT("NTM Planner"),…)`) is
 *    removed, whether in a <conditionalFormatting> block or in the Excel 2010 extension
 *    (<x14:conditionalFormatting>, where Excel moves rules that refer to another sheet); a block left
 *    without rules goes too, and so does an extension left empty. The user's rules stay as written.
 *  - the new rules are inserted as <conditionalFormatting> blocks where CT_Worksheet puts them: after
 *    the existing ones (after <mergeCells>/<phoneticPr>), before <dataValidations>, <hyperlinks>,
 *    <printOptions>, <pageMargins>, … <extLst>; their priorities follow the user's highest.
 */
import type { ConditionalRule } from "../../workbook/sheetSpec";
import { HIGHLIGHT_PALETTE } from "../../workbook/formats/palette";
import { isToolFormula, markFormula, ruleFormula } from "../../workbook/formats/toolRules";
import { canonicalRange } from "../conditionalFormats";
import type { StyleBook } from "./stylesXml";
import { childrenAfter } from "./worksheetOrder";
import { decodeXml, escapeAttr, escapeRe, escapeText, isSpace, rawAttr } from "./xmlText";

/** Top-level elements of CT_Worksheet that come after <conditionalFormatting>. */
const AFTER_CONDITIONAL_FORMATS = childrenAfter("conditionalFormatting");

interface TopElement {
  /** Qualified name as written ("conditionalFormatting", "x:extLst"). */
  qname: string;
  start: number;
  end: number;
}

/**
 * The top-level elements of a worksheet tail, up to the root's closing tag (`rootEnd`). Nested
 * elements of the same name are matched by counting, so a <conditionalFormatting> holding an <extLst>
 * is one element.
 */
export function topLevelElements(tail: string): { elements: TopElement[]; rootEnd: number } {
  const elements: TopElement[] = [];
  let i = 0;
  for (;;) {
    const lt = tail.indexOf("<", i);
    if (lt < 0) return { elements, rootEnd: tail.length };
    const next = tail.charCodeAt(lt + 1);
    if (next === 47 /* / */) return { elements, rootEnd: lt };
    if (next === 33 /* ! */) {
      i = tail.startsWith("<!--", lt) ? tail.indexOf("-->", lt) + 3 : tail.indexOf(">", lt) + 1;
      continue;
    }
    if (next === 63 /* ? */) {
      i = tail.indexOf("?>", lt) + 2;
      continue;
    }
    let j = lt + 1;
    while (j < tail.length && !isSpace(tail.charCodeAt(j)) && tail[j] !== ">" && tail[j] !== "/") j++;
    const qname = tail.slice(lt + 1, j);
    const end = elementEnd(tail, lt, qname);
    elements.push({ qname, start: lt, end });
    i = end;
  }
}

/** End offset (exclusive) of the element `qname` starting at `start`. */
function elementEnd(s: string, start: number, qname: string): number {
  const tagEnd = s.indexOf(">", start);
  if (s.charCodeAt(tagEnd - 1) === 47) return tagEnd + 1;
  const open = new RegExp(`<${escapeRe(qname)}(?=[\\s/>])|</${escapeRe(qname)}\\s*>`, "g");
  open.lastIndex = tagEnd + 1;
  let depth = 1;
  for (;;) {
    const m = open.exec(s);
    if (!m) throw new Error(`Unclosed <${qname}> in a worksheet`);
    if (m[0].startsWith("</")) {
      depth--;
      if (depth === 0) return m.index + m[0].length;
    } else {
      const e = s.indexOf(">", m.index);
      if (s.charCodeAt(e - 1) !== 47) depth++;
      open.lastIndex = e + 1;
    }
  }
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function prefixOfQname(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? "" : qname.slice(0, colon + 1);
}

function elements(s: string, qname: string): RegExp {
  const q = escapeRe(qname);
  return new RegExp(`<${q}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${q}\\s*>)`, "g");
}

/** Formula texts of a rule (`<formula>` or `<xm:f>`), leaving out the cfvo values of bars and scales. */
function ruleFormulas(rule: string): string[] {
  const withoutCfvo = rule.replace(/<([\w.-]+:)?cfvo\b[^>]*?(?:\/>|>[\s\S]*?<\/\1?cfvo\s*>)/g, "");
  const out: string[] = [];
  for (const m of withoutCfvo.matchAll(/<([\w.-]+:)?(formula|f)\b[^>]*>([\s\S]*?)<\/\1?\2\s*>/g)) {
    out.push(decodeXml(m[3]));
  }
  return out;
}

function isMarked(rule: string): boolean {
  return ruleFormulas(rule).some(isToolFormula);
}

function priorityOf(rule: string): number {
  const n = Number(rawAttr(rule, "priority"));
  return Number.isFinite(n) ? n : 0;
}

export interface TailAnalysis {
  /** The tail without NTM Planner's rules. */
  tail: string;
  /** Highest priority among the user's remaining rules (0 when none). */
  maxPriority: number;
  /** True when any tool rule was found (and removed). */
  removed: boolean;
}

/** Removes NTM Planner's marked rules from a worksheet tail (main part and x14 extension). */
export function removeToolRulesFromTail(tail: string, mainPrefix: string): TailAnalysis {
  // Fast path: no marker text at all.
  if (tail.indexOf("NTM Planner") < 0) {
    return { tail, maxPriority: userMaxPriority(tail), removed: false };
  }
  const { elements: top } = topLevelElements(tail);
  let out = "";
  let last = 0;
  let removed = false;
  for (const el of top) {
    const local = localName(el.qname);
    if (prefixOfQname(el.qname) !== mainPrefix) continue;
    if (local !== "conditionalFormatting" && local !== "extLst") continue;
    const text = tail.slice(el.start, el.end);
    const edited =
      local === "conditionalFormatting"
        ? dropMarkedRules(text, `${mainPrefix}cfRule`)
        : editExtList(text, mainPrefix);
    if (edited === text) continue;
    removed = true;
    out += tail.slice(last, el.start) + edited;
    last = el.end;
  }
  const result = removed ? out + tail.slice(last) : tail;
  return { tail: result, maxPriority: userMaxPriority(result), removed };
}

/** A conditional-format block without its marked rules; "" when none is left. */
function dropMarkedRules(block: string, ruleQname: string): string {
  let kept = 0;
  let changed = false;
  const edited = block.replace(elements(block, ruleQname), (rule) => {
    if (isMarked(rule)) {
      changed = true;
      return "";
    }
    kept++;
    return rule;
  });
  if (!changed) return block;
  return kept === 0 ? "" : edited;
}

/** The worksheet's <extLst> without marked x14 rules (and without extensions left empty). */
function editExtList(extLst: string, mainPrefix: string): string {
  let changed = false;
  let out = extLst.replace(
    /<([\w.-]+:)conditionalFormattings\b[^>]*>[\s\S]*?<\/\1conditionalFormattings\s*>/g,
    (list, p: string) => {
      const edited = list.replace(elements(list, `${p}conditionalFormatting`), (block) =>
        dropMarkedRules(block, `${p}cfRule`),
      );
      if (edited === list) return list;
      changed = true;
      return elements(edited, `${p}conditionalFormatting`).test(edited) ? edited : "";
    },
  );
  if (!changed) return extLst;
  const ext = escapeRe(`${mainPrefix}ext`);
  out = out.replace(new RegExp(`<${ext}\\b[^>]*>\\s*</${ext}\\s*>`, "g"), "");
  const list = escapeRe(`${mainPrefix}extLst`);
  return new RegExp(`^<${list}\\b[^>]*>\\s*</${list}\\s*>$`).test(out) ? "" : out;
}

/** Highest priority of any rule in the tail (main part or x14 extension: they share one order). */
function userMaxPriority(tail: string): number {
  let max = 0;
  for (const m of tail.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*>/g)) max = Math.max(max, priorityOf(m[0]));
  return max;
}

/** The <conditionalFormatting> blocks for `rules`, marked, with priorities from `firstPriority`. */
export function toolRuleBlocks(
  rules: readonly ConditionalRule[],
  firstPriority: number,
  styles: StyleBook,
  mainPrefix: string,
): string {
  const p = mainPrefix;
  return rules
    .map((rule, i) => {
      if (rule.kind === "dataBar")
        throw new Error(`Data bars cannot be added to a user sheet (${rule.range})`);
      const colours = HIGHLIGHT_PALETTE[rule.style];
      const dxf = styles.dxf({ font: colours.font, fill: colours.fill });
      const ref = canonicalRange(rule.range, "Conditional format");
      const formula = markFormula(ruleFormula(rule));
      return (
        `<${p}conditionalFormatting sqref="${escapeAttr(ref)}">` +
        `<${p}cfRule type="expression" dxfId="${dxf}" priority="${firstPriority + i}">` +
        `<${p}formula>${escapeText(formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`
      );
    })
    .join("");
}

/** Inserts `blocks` into a tail at the place CT_Worksheet gives conditional formats. */
export function insertConditionalFormats(tail: string, blocks: string, mainPrefix: string): string {
  if (blocks === "") return tail;
  const { elements: top, rootEnd } = topLevelElements(tail);
  const before = top.find(
    (el) => prefixOfQname(el.qname) === mainPrefix && AFTER_CONDITIONAL_FORMATS.has(localName(el.qname)),
  );
  const at = before ? before.start : rootEnd;
  return tail.slice(0, at) + blocks + tail.slice(at);
}

/**
 * The new tail of a user sheet: old tool rules removed, `rules` added after the user's. Null when the
 * tail stays as it is (no old tool rules, nothing to add).
 */
export function editUserSheetTail(
  tail: string,
  mainPrefix: string,
  rules: readonly ConditionalRule[],
  styles: StyleBook,
): string | null {
  const analysis = removeToolRulesFromTail(tail, mainPrefix);
  if (!analysis.removed && rules.length === 0) return null;
  const blocks = toolRuleBlocks(rules, analysis.maxPriority + 1, styles, mainPrefix);
  return insertConditionalFormats(analysis.tail, blocks, mainPrefix);
}
