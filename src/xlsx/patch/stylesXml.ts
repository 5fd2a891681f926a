/**
 * xl/styles.xml for the patch port.
 *
 * Reading: the number format of each cell style (cellXfs → numFmtId → a custom <numFmt> or a built-in
 * id), with ExcelJS's semantics so both ports give the same SheetGrid (see numberFormatOf).
 *
 * Writing: StyleBook appends the fonts, fills, borders, number formats, cell formats (xf) and
 * differential formats (dxf) the written sheets need to the EXISTING stylesheet, reusing an entry that
 * is already there when its XML is identical (so re-running adds nothing), updating the count
 * attributes, and creating the sections a minimal stylesheet lacks. Everything else is kept byte for
 * byte.
 */
import { decodeXml, escapeAttr, escapeRe, rawAttr, rootPrefix } from "./xmlText";
import { isDateFormat } from "../../workbook/formats/dates";
import { rgbHex } from "../../workbook/formats/palette";

/**
 * Built-in number formats as ExcelJS 4.4 knows them (lib/xlsx/defaultnumformats.js, the entries with a
 * culture-neutral code). Ids 27–36 and 50–58 are locale-specific and have no code here, as in ExcelJS.
 */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const BUILTIN_BY_CODE = new Map<string, number>(
  Object.entries(BUILTIN_NUMBER_FORMATS).map(([id, code]) => [code, Number(id)]),
);

/** First id Excel leaves to workbook-defined number formats. */
export const FIRST_CUSTOM_NUMFMT_ID = 164;

function childRe(prefix: string, local: string, flags = "g"): RegExp {
  const p = escapeRe(prefix);
  return new RegExp(`<${p}${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${local}\\s*>)`, flags);
}

/** Number formats of the cell styles, as the grid reader needs them. */
export interface CellFormats {
  /** Number format per cellXfs index (null for General or none); index 0 counts as no style. */
  numberFormat(xf: number): string | null;
  /** True when ExcelJS would turn a number under this style into a Date. */
  isDate(xf: number): boolean;
}

/**
 * Reads the number formats of styles.xml with ExcelJS's semantics: style 0 (and a cell without `s`)
 * has no format; a custom <numFmt> wins over the built-in table; backslash escapes are removed from
 * custom codes (`0\%` reads as `0%`), as ExcelJS does.
 */
export function readCellFormats(xml: string | null): CellFormats {
  const codes: (string | null)[] = [];
  if (xml !== null) {
    const p = rootPrefix(xml);
    const custom = new Map<number, string>();
    const numFmts = childRe(p, "numFmts", "").exec(xml);
    if (numFmts) {
      for (const m of numFmts[0].matchAll(childRe(p, "numFmt"))) {
        const id = parseInt(rawAttr(m[0], "numFmtId") ?? "", 10);
        const code = decodeXml(rawAttr(m[0], "formatCode") ?? "").replace(/[\\](.)/g, "$1");
        if (Number.isFinite(id)) custom.set(id, code);
      }
    }
    const cellXfs = childRe(p, "cellXfs", "").exec(xml);
    if (cellXfs) {
      for (const m of cellXfs[0].matchAll(childRe(p, "xf"))) {
        const id = parseInt(rawAttr(m[0], "numFmtId") ?? "", 10);
        codes.push(id ? custom.get(id) || BUILTIN_NUMBER_FORMATS[id] || null : null);
      }
    }
  }
  const formats = codes.map((c) => (c && c !== "General" ? c : null));
  const dates = codes.map((c) => isDateFormat(c));
  return {
    numberFormat: (xf) => (xf > 0 ? (formats[xf] ?? null) : null),
    isDate: (xf) => xf > 0 && dates[xf] === true,
  };
}

// ---------------------------------------------------------------- writing

/** Sections of CT_Stylesheet in schema order. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type SectionName = (typeof SECTION_ORDER)[number];
type ListSection = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const CHILD: Record<ListSection, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** Font children in the order Excel writes them (CT_Font is a choice, any order is valid). */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

export interface FontOverride {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "RRGGBB" */
  color?: string;
}

export interface XfSpec {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
}

export interface DxfSpec {
  font: string; // RRGGBB
  fill: string; // RRGGBB
}

/** "RRGGBB" (optionally "#RRGGBB") → "FFRRGGBB", or an Error. */
export function argbOf(rgb: string): string {
  return "FF" + rgbHex(rgb);
}

interface Section {
  /** Existing children as written, for reuse by identical XML. */
  existing: string[];
  added: string[];
}

const MINIMAL_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

/** Defaults Excel expects at the start of each list when the section is created from nothing. */
function defaults(p: string): Record<ListSection | "cellStyleXfs" | "cellStyles", string[]> {
  return {
    numFmts: [],
    fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
    fills: [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ],
    borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
    cellStyleXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
    cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
    cellStyles: [`<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`],
    dxfs: [],
  };
}

/**
 * The styles a write adds, appended to the workbook's stylesheet. Indices handed out are final: existing
 * entries keep theirs and new ones follow them.
 */
export class StyleBook {
  private readonly xml: string;
  readonly created: boolean;
  private readonly p: string;
  private readonly sections = new Map<ListSection, Section>();
  private readonly index = new Map<string, number>();
  /** Sections missing from the file, created when first needed (with Excel's default entries). */
  private readonly createdSections = new Set<SectionName>();
  private readonly customCodes = new Map<string, number>();
  private nextNumFmtId = FIRST_CUSTOM_NUMFMT_ID;
  private baseFont: Map<string, string> | null = null;
  private changed = false;

  constructor(xml: string | null) {
    this.created = xml === null;
    this.xml = xml ?? MINIMAL_STYLESHEET;
    this.p = rootPrefix(this.xml);
    const p = this.p;
    for (const name of Object.keys(CHILD) as ListSection[]) {
      const block = this.block(name);
      const existing = block ? [...block.text.matchAll(childRe(p, CHILD[name]))].map((m) => m[0]) : [];
      if (!block) {
        const seed = defaults(p)[name];
        if (seed.length > 0) this.createdSections.add(name);
        existing.push(...seed);
      }
      this.sections.set(name, { existing, added: [] });
      existing.forEach((el, i) => {
        if (name !== "numFmts") this.index.set(`${name}|${el}`, i);
      });
    }
    if (!this.block("cellStyleXfs")) this.createdSections.add("cellStyleXfs");
    if (!this.block("cellStyles")) this.createdSections.add("cellStyles");
    for (const el of this.sections.get("numFmts")!.existing) {
      const id = parseInt(rawAttr(el, "numFmtId") ?? "", 10);
      if (!Number.isFinite(id)) continue;
      const code = decodeXml(rawAttr(el, "formatCode") ?? "");
      if (!this.customCodes.has(code)) this.customCodes.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
  }

  private block(name: SectionName): { text: string; index: number } | null {
    const m = childRe(this.p, name, "").exec(this.xml);
    return m ? { text: m[0], index: m.index } : null;
  }

  private add(section: ListSection, element: string): number {
    const key = `${section}|${element}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const s = this.sections.get(section)!;
    const id = s.existing.length + s.added.length;
    s.added.push(element);
    this.index.set(key, id);
    this.changed = true;
    return id;
  }

  /** Number format id for a format code: an existing custom one, a built-in id, or a new id ≥ 164. */
  numFmt(code: string): number {
    const existing = this.customCodes.get(code);
    if (existing !== undefined) return existing;
    const builtin = BUILTIN_BY_CODE.get(code);
    if (builtin !== undefined) return builtin;
    const id = this.nextNumFmtId++;
    this.customCodes.set(code, id);
    this.sections
      .get("numFmts")!
      .added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.changed = true;
    return id;
  }

  /** Children of font 0 (the workbook's default font) by element name. */
  private defaultFontParts(): Map<string, string> {
    if (this.baseFont) return this.baseFont;
    const font0 = this.sections.get("fonts")!.existing[0] ?? defaults(this.p).fonts[0];
    const parts = new Map<string, string>();
    const inner = font0.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "");
    for (const m of inner.matchAll(/<([A-Za-z_][\w.-]*:)?([A-Za-z]+)\b[^>]*?(?:\/>|>[^<]*<\/[^>]*>)/g)) {
      parts.set(m[2], m[0]);
    }
    this.baseFont = parts;
    return parts;
  }

  /** The default font with the given overrides (ExcelJS port: `{ ...defaultFont, ...override }`). */
  font(o: FontOverride): number {
    const p = this.p;
    const parts = new Map(this.defaultFontParts());
    if (o.bold !== undefined) {
      if (o.bold) parts.set("b", `<${p}b/>`);
      else parts.delete("b");
    }
    if (o.italic !== undefined) {
      if (o.italic) parts.set("i", `<${p}i/>`);
      else parts.delete("i");
    }
    if (o.size !== undefined) parts.set("sz", `<${p}sz val="${o.size}"/>`);
    if (o.color !== undefined) parts.set("color", `<${p}color rgb="${argbOf(o.color)}"/>`);
    const ordered = FONT_ORDER.filter((k) => parts.has(k)).map((k) => parts.get(k)!);
    for (const [k, v] of parts) if (!FONT_ORDER.includes(k)) ordered.push(v);
    return this.add("fonts", `<${p}font>${ordered.join("")}</${p}font>`);
  }

  /** A solid fill of colour `rgb`. */
  fill(rgb: string): number {
    const p = this.p;
    return this.add(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argbOf(rgb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** A thin border on all four sides. */
  thinBorder(): number {
    const p = this.p;
    const side = (n: string) => `<${p}${n} style="thin"/>`;
    return this.add(
      "borders",
      `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
    );
  }

  xf(x: XfSpec): number {
    const p = this.p;
    let attrs = `numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"`;
    if (x.numFmtId) attrs += ' applyNumberFormat="1"';
    if (x.fontId) attrs += ' applyFont="1"';
    if (x.fillId) attrs += ' applyFill="1"';
    if (x.borderId) attrs += ' applyBorder="1"';
    let alignment = "";
    if (x.horizontal) alignment += ` horizontal="${x.horizontal}"`;
    if (x.vertical) alignment += ` vertical="${x.vertical === "middle" ? "center" : x.vertical}"`;
    if (x.wrap) alignment += ' wrapText="1"';
    const element = alignment
      ? `<${p}xf ${attrs} applyAlignment="1"><${p}alignment${alignment}/></${p}xf>`
      : `<${p}xf ${attrs}/>`;
    return this.add("cellXfs", element);
  }

  /**
   * A differential format for a highlight: font colour and a solid fill written as both pattern and
   * background colour (as conditionalFormats.ts does for the ExcelJS port).
   */
  dxf(d: DxfSpec): number {
    const p = this.p;
    const fill = argbOf(d.fill);
    return this.add(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${argbOf(d.font)}"/></${p}font>` +
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** True when the stylesheet needs writing (something was added, or the part does not exist). */
  get dirty(): boolean {
    return this.changed || this.created;
  }

  /** The stylesheet with the additions. */
  toXml(): string {
    const p = this.p;
    let out = this.xml;
    // Work from the last section to the first so earlier offsets stay valid.
    const edits: { at: number; remove: number; text: string; order: number }[] = [];
    const all = defaults(p);
    for (const name of SECTION_ORDER) {
      const list =
        (CHILD as Record<string, string>)[name] !== undefined
          ? this.sections.get(name as ListSection)!
          : null;
      const block = this.block(name);
      if (block) {
        if (!list || list.added.length === 0) continue;
        const count = list.existing.length + list.added.length;
        const text = this.appendTo(block.text, name, list.added, count);
        edits.push({ at: block.index, remove: block.text.length, text, order: SECTION_ORDER.indexOf(name) });
        continue;
      }
      const needed = list ? list.existing.length + list.added.length > 0 : this.createdSections.has(name);
      if (!needed || !(list || this.createdSections.has(name))) continue;
      const children = list ? [...list.existing, ...list.added] : all[name as "cellStyleXfs" | "cellStyles"];
      const text = `<${p}${name} count="${children.length}">${children.join("")}</${p}${name}>`;
      edits.push({ at: this.insertionPoint(name), remove: 0, text, order: SECTION_ORDER.indexOf(name) });
    }
    // Later offsets first; at one offset, the later section first so the earlier ends up before it.
    edits.sort((a, b) => b.at - a.at || b.order - a.order);
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
    return out;
  }

  private appendTo(block: string, name: string, added: string[], count: number): string {
    const p = this.p;
    const open = /^<[^>]*>/.exec(block)![0];
    const selfClosed = open.endsWith("/>");
    let newOpen = selfClosed ? open.slice(0, -2).trimEnd() + ">" : open;
    newOpen = /\scount\s*=/.test(newOpen)
      ? newOpen.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`)
      : newOpen.replace(/\s*>$/, ` count="${count}">`);
    const inner = selfClosed ? "" : block.slice(open.length, block.length - `</${p}${name}>`.length);
    const close = selfClosed ? `</${p}${name}>` : block.slice(block.length - `</${p}${name}>`.length);
    // A closing tag written with spaces ("</fonts >") is rare; fall back to a search.
    if (!selfClosed && !block.endsWith(`</${p}${name}>`)) {
      const end = block.lastIndexOf("</");
      return newOpen + block.slice(open.length, end) + added.join("") + block.slice(end);
    }
    return newOpen + inner + added.join("") + close;
  }

  /** Where a missing section goes: before the next section present in schema order, or at the end. */
  private insertionPoint(name: SectionName): number {
    const after = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
    for (const next of after) {
      const b = this.block(next);
      if (b) return b.index;
    }
    const end = new RegExp(`</${escapeRe(this.p)}styleSheet\\s*>`).exec(this.xml);
    if (!end) throw new Error("xl/styles.xml has no </styleSheet>");
    return end.index;
  }
}
