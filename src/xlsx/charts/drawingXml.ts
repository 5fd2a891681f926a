/**
 * The drawing side of a chart: the anchor in a drawing part (`xl/drawings/drawingN.xml`, root
 * xdr:wsDr) that places a chart between two cells, and the worksheet's `<drawing r:id>` element, put at
 * its place in CT_Worksheet's sequence. Text edits only; every other byte is kept.
 */
import type { CellPosition } from "../../workbook/a1";
import { MAX_COLUMNS, MAX_ROWS } from "../../workbook/a1";
import { escapeAttr, isSpace, prefixOf, rawAttr, rootPrefix } from "../patch/xmlText";
import { NS_A, NS_CHART, NS_R } from "./chartXml";
import { childrenAfter } from "../patch/worksheetOrder";

export const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** A chart's place: the cells its top-left and bottom-right corners cover (inclusive, 0-based). */
export interface Placement {
  from: CellPosition;
  to: CellPosition;
}

/**
 * Orders the two corners and checks that the chart ends inside the sheet: its bottom-right corner is
 * the bottom-right corner of `to`, i.e. the top-left of the next row and column.
 */
export function placement(a: CellPosition, b: CellPosition, what: string): Placement {
  const from = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  const to = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) };
  if (to.row + 1 >= MAX_ROWS || to.col + 1 >= MAX_COLUMNS) {
    throw new Error(`${what}: a chart cannot reach the last row or column of the sheet`);
  }
  return { from, to };
}

function marker(tag: "from" | "to", col: number, row: number): string {
  return (
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

export interface AnchorOptions {
  place: Placement;
  /** Relationship id of the chart part, in the drawing's relationships. */
  rId: string;
  /** Shape id, unique within the drawing. */
  shapeId: number;
  /** Shape name and description (alternative text for screen readers). */
  name: string;
  description: string;
  /** Namespace declarations to repeat on the anchor (when the drawing's root binds other prefixes). */
  declare?: string;
}

/** One xdr:twoCellAnchor holding a graphic frame that shows the chart. */
export function chartAnchor(o: AnchorOptions): string {
  const { from, to } = o.place;
  return (
    `<xdr:twoCellAnchor${o.declare ?? ""}>` +
    marker("from", from.col, from.row) +
    marker("to", to.col + 1, to.row + 1) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${o.shapeId}" name="${escapeAttr(o.name)}" descr="${escapeAttr(o.description)}"/>` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}">` +
    `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_R}" r:id="${escapeAttr(o.rId)}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/** A new drawing part holding the given anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`
  );
}

/**
 * The namespace declarations an anchor needs inside an existing drawing part: none when its root binds
 * `xdr` and `a` as we write them, else local declarations (valid XML wherever the anchor sits).
 */
export function anchorDeclarations(existingDrawing: string): string {
  const ok = (prefix: string, uri: string) => {
    const re = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']([^"']*)["']`);
    const rootEnd = existingDrawing.indexOf(">", existingDrawing.search(/<[^?!]/));
    const m = re.exec(existingDrawing.slice(0, rootEnd + 1));
    return m !== null && m[1] === uri;
  };
  let out = "";
  if (!ok("xdr", NS_XDR)) out += ` xmlns:xdr="${NS_XDR}"`;
  if (!ok("a", NS_A)) out += ` xmlns:a="${NS_A}"`;
  return out;
}

/** The largest shape id (cNvPr id) in a drawing part, 0 when none. */
export function maxShapeId(drawing: string): number {
  let max = 0;
  for (const m of drawing.matchAll(/<(?:[A-Za-z_][\w.-]*:)?cNvPr\b[^>]*>/g)) {
    const id = Number(rawAttr(m[0], "id"));
    if (Number.isSafeInteger(id) && id > max) max = id;
  }
  return max;
}

/** Adds anchors at the end of an existing drawing part (before its closing root tag). */
export function appendAnchors(drawing: string, anchors: readonly string[]): string {
  const m = /<\/((?:[A-Za-z_][\w.-]*:)?)wsDr\s*>\s*$/.exec(drawing);
  if (m) return drawing.slice(0, m.index) + anchors.join("") + drawing.slice(m.index);
  const self = /<((?:[A-Za-z_][\w.-]*:)?wsDr)\b([^>]*?)\/>\s*$/.exec(drawing);
  if (!self) throw new Error("The existing drawing part has no <wsDr> root");
  return drawing.slice(0, self.index) + `<${self[1]}${self[2]}>${anchors.join("")}</${self[1]}>`;
}

// ---------------------------------------------------------------- the worksheet

/** Children of CT_Worksheet that come after <drawing>: the drawing element goes before the first of these. */
const AFTER_DRAWING = childrenAfter("drawing");

/** A top-level child of the worksheet, after its cells. */
interface TopElement {
  /** Local name; for mc:AlternateContent, the local name of the element it wraps. */
  local: string;
  start: number;
  end: number;
}

/** Offset of the ">" that ends the tag starting at `lt`, skipping quoted attribute values. */
function tagEnd(s: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function localNameAt(s: string, lt: number): string {
  let j = lt + 1;
  while (j < s.length && !isSpace(s.charCodeAt(j)) && s[j] !== ">" && s[j] !== "/") j++;
  const q = s.slice(lt + 1, j);
  return q.slice(q.indexOf(":") + 1);
}

/** The children of the worksheet in `xml[from…]` (from: just after the cells), and where the root closes. */
function topLevel(xml: string, from: number): { elements: TopElement[]; close: number } {
  const elements: TopElement[] = [];
  let depth = 0;
  let i = from;
  let current: TopElement | null = null;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) throw new Error("The worksheet XML ends before </worksheet>");
    if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      const e = xml.indexOf("?>", lt + 2);
      i = e < 0 ? xml.length : e + 2;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) throw new Error("The worksheet XML has an unterminated tag");
    if (xml.charCodeAt(lt + 1) === 47 /* </ */) {
      if (depth === 0) return { elements, close: lt };
      depth--;
      if (depth === 0 && current) {
        current.end = gt + 1;
        elements.push(current);
        current = null;
      }
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      if (depth === 0) {
        const el: TopElement = { local: localNameAt(xml, lt), start: lt, end: gt + 1 };
        if (selfClosing) elements.push(el);
        else current = el;
      } else if (depth >= 1 && current && current.local === "AlternateContent") {
        const inner = localNameAt(xml, lt);
        if (inner !== "Choice" && inner !== "Fallback") current.local = inner;
      }
      if (!selfClosing) depth++;
    }
    i = gt + 1;
  }
}

/** Offset just after the worksheet's cells (`</sheetData>` or `<sheetData/>`). */
function afterCells(xml: string, prefix: string): number {
  const close = xml.indexOf(`</${prefix}sheetData>`);
  if (close >= 0) return close + `</${prefix}sheetData>`.length;
  const re = new RegExp(`<${prefix.replace(/[.]/g, "\\.")}sheetData\\b[^>]*/>`);
  const m = re.exec(xml);
  if (!m) throw new Error("The worksheet has no <sheetData>");
  return m.index + m[0].length;
}

/** The r:id of the worksheet's existing <drawing> element, or null. */
export function existingDrawingId(xml: string): string | null {
  const p = rootPrefix(xml);
  const { elements } = topLevel(xml, afterCells(xml, p));
  const el = elements.find((e) => e.local === "drawing");
  if (!el) return null;
  const tag = xml.slice(el.start, el.end);
  const r = prefixOf(xml, NS_R);
  const id =
    (r !== null ? rawAttr(tag, `${r}:id`) : undefined) ??
    /\s[A-Za-z_][\w.-]*:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
  if (id === undefined) throw new Error("The worksheet's <drawing> element has no relationship id");
  return id;
}

/**
 * The worksheet with a `<drawing r:id>` element at its place in the schema sequence: before the first
 * of legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts, extLst (also when one of these is wrapped in mc:AlternateContent), else before the end.
 */
export function insertDrawingElement(xml: string, rId: string): string {
  const p = rootPrefix(xml);
  const { elements, close } = topLevel(xml, afterCells(xml, p));
  if (elements.some((e) => e.local === "drawing"))
    throw new Error("The worksheet already has a <drawing> element");
  const next = elements.find((e) => AFTER_DRAWING.has(e.local));
  const at = next ? next.start : close;
  const r = prefixOf(xml, NS_R);
  const element =
    r !== null
      ? `<${p}drawing ${r}:id="${escapeAttr(rId)}"/>`
      : `<${p}drawing xmlns:r="${NS_R}" r:id="${escapeAttr(rId)}"/>`;
  return xml.slice(0, at) + element + xml.slice(at);
}
