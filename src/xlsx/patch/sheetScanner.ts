/**
 * A streaming scanner over worksheet XML: fed text in chunks of any size, it reports every cell that
 * holds a value (`<c>` with a non-empty `<v>` or inline string) and collects the merged ranges. No DOM
 * and no regex per cell: `indexOf` over the text of complete rows, which are then dropped, so memory
 * stays at one chunk plus one row whatever the size of the sheet.
 *
 * Positions follow the file: `<row r>` and `<c r>` when present, otherwise the next row / the next
 * column after the previous `<c>` (an empty `<c/>` takes its column too), as Excel reads them.
 * Element names are matched with the part's own namespace prefix (`<x:c>` in Open XML SDK files).
 */
import { decodeOoxmlEscapes, elementText, isSpace, rawAttr, rootPrefix, stringItemText } from "./xmlText";

/** The `t` attribute of a cell ("n" when absent). */
export type CellType = "n" | "s" | "b" | "e" | "str" | "inlineStr" | "d";

/**
 * One cell with a value. `text` is the decoded `<v>` text, or for an inline string its decoded text.
 * `formula` is true when the cell has a formula (then `text` is its cached result).
 */
export type CellHandler = (
  row: number,
  col: number,
  style: number,
  type: CellType,
  text: string,
  formula: boolean,
) => void;

const enum Phase {
  Head,
  Rows,
  Tail,
}

function cellType(t: string | undefined): CellType {
  switch (t) {
    case "s":
    case "b":
    case "e":
    case "str":
    case "inlineStr":
    case "d":
      return t;
    default:
      return "n";
  }
}

/** 0-based column of the A1 reference s[from, to) ("AB12" → 27), or -1 when it has no letters. */
function columnOfRef(s: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  if (s.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

/** The cell type of the `t` value s[from, to) without making a string of it. */
function cellTypeAt(s: string, from: number, to: number): CellType {
  const n = to - from;
  const c = s.charCodeAt(from);
  if (n === 1) return c === 115 ? "s" : c === 98 ? "b" : c === 101 ? "e" : c === 100 ? "d" : "n";
  return cellType(s.slice(from, to));
}

/** The non-negative integer s[from, to) (a style index), or 0. */
function intAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return i === from ? 0 : n;
    n = n * 10 + c;
  }
  return n;
}

export class SheetScanner {
  private phase = Phase.Head;
  private buf = "";
  private prefix = "";
  private row = -1;
  private col = -1;
  private tail: string[] = [];
  private o = {
    row: "",
    rowClose: "",
    c: "",
    cClose: "",
    v: "",
    vClose: "",
    f: "",
    fClose: "",
    is: "",
    isClose: "",
    sheetDataClose: "",
  };

  constructor(private readonly onCell: CellHandler) {}

  push(chunk: string): void {
    if (this.phase === Phase.Tail) {
      this.tail.push(chunk);
      return;
    }
    this.buf += chunk;
    if (this.phase === Phase.Head) this.scanHead();
    if (this.phase === Phase.Rows) this.scanBody(false);
  }

  /** Finishes the scan; returns the merged ranges ("A1:B2"). */
  end(): { merges: string[] } {
    if (this.phase === Phase.Rows) this.scanBody(true);
    const tail = this.tail.join("");
    this.tail = [];
    const merges: string[] = [];
    const tag = `<${this.prefix}mergeCell`;
    let i = 0;
    for (;;) {
      i = tail.indexOf(tag, i);
      if (i < 0) break;
      const c = tail.charCodeAt(i + tag.length);
      const end = tail.indexOf(">", i);
      if (isSpace(c) || c === 47 || c === 62) {
        const ref = rawAttr(tail, "ref", i, end + 1);
        if (ref) merges.push(ref);
      }
      i = end + 1;
    }
    return { merges };
  }

  private setPrefix(p: string): void {
    this.prefix = p;
    this.o = {
      row: `<${p}row`,
      rowClose: `</${p}row>`,
      c: `<${p}c`,
      cClose: `</${p}c>`,
      v: `<${p}v`,
      vClose: `</${p}v>`,
      f: `<${p}f`,
      fClose: `</${p}f>`,
      is: `<${p}is`,
      isClose: `</${p}is>`,
      sheetDataClose: `</${p}sheetData>`,
    };
  }

  private scanHead(): void {
    if (!this.o.row) {
      const root = this.buf.search(/<[A-Za-z_]/);
      if (root < 0 || this.buf.indexOf(">", root) < 0) return;
      this.setPrefix(rootPrefix(this.buf));
    }
    const open = `<${this.prefix}sheetData`;
    let i = 0;
    for (;;) {
      i = this.buf.indexOf(open, i);
      if (i < 0) {
        // Keep only what could be the start of "<sheetData" split across chunks.
        if (this.buf.length > 4096) this.buf = this.buf.slice(this.buf.length - open.length);
        return;
      }
      const c = this.buf.charCodeAt(i + open.length);
      if (i + open.length >= this.buf.length) return; // wait for the next character
      if (isSpace(c) || c === 62 || c === 47) break;
      i += open.length;
    }
    const end = this.buf.indexOf(">", i);
    if (end < 0) return;
    if (this.buf.charCodeAt(end - 1) === 47) {
      // <sheetData/>: no rows.
      this.phase = Phase.Tail;
      this.tail.push(this.buf.slice(end + 1));
      this.buf = "";
      return;
    }
    this.buf = this.buf.slice(end + 1);
    this.phase = Phase.Rows;
  }

  private scanBody(final: boolean): void {
    const buf = this.buf;
    const close = buf.indexOf(this.o.sheetDataClose);
    let upTo: number;
    if (close >= 0) {
      upTo = close;
    } else {
      const lastRow = buf.lastIndexOf(this.o.rowClose);
      if (lastRow < 0 && !final) return;
      upTo = lastRow < 0 ? buf.length : lastRow + this.o.rowClose.length;
    }
    this.scanRows(buf, upTo);
    if (close >= 0) {
      this.phase = Phase.Tail;
      this.tail.push(buf.slice(close + this.o.sheetDataClose.length));
      this.buf = "";
    } else {
      this.buf = buf.slice(upTo);
    }
  }

  private scanRows(s: string, end: number): void {
    const rowOpen = this.o.row;
    let pos = 0;
    for (;;) {
      const rs = s.indexOf(rowOpen, pos);
      if (rs < 0 || rs >= end) return;
      const after = s.charCodeAt(rs + rowOpen.length);
      if (!isSpace(after) && after !== 62 && after !== 47) {
        pos = rs + rowOpen.length;
        continue;
      }
      const te = s.indexOf(">", rs);
      const r = rawAttr(s, "r", rs, te + 1);
      const n = r === undefined ? NaN : parseInt(r, 10);
      this.row = Number.isFinite(n) && n > 0 ? n - 1 : this.row + 1;
      this.col = -1;
      pos = s.charCodeAt(te - 1) === 47 ? te + 1 : this.scanCells(s, te + 1, end);
    }
  }

  /** Start of the element `open` (followed by space, ">" or "/") in s[from, to), or -1. */
  private static tagAt(s: string, open: string, from: number, to: number): number {
    let i = from;
    for (;;) {
      i = s.indexOf(open, i);
      if (i < 0 || i >= to) return -1;
      const c = s.charCodeAt(i + open.length);
      if (c === 62 || c === 47 || isSpace(c)) return i;
      i += open.length;
    }
  }

  /** Offsets of the r, s and t attribute values of the current cell (start -1 when absent). */
  private rFrom = -1;
  private rTo = -1;
  private sFrom = -1;
  private sTo = -1;
  private tFrom = -1;
  private tTo = -1;

  /**
   * Finds the r, s and t attributes of a `<c>` start tag s[from, to) in one pass, as offsets: this is
   * the hot path, run once per cell, so it makes no strings.
   */
  private cellAttributes(s: string, from: number, to: number): void {
    this.rFrom = this.sFrom = this.tFrom = -1;
    let i = from;
    while (i < to) {
      if (isSpace(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to) {
        const c = s.charCodeAt(i);
        if (c === 61 /* = */ || isSpace(c)) break;
        i++;
      }
      const nameLength = i - nameStart;
      while (i < to && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) return;
      const end = s.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (end < 0 || end > to) return;
      if (nameLength === 1) {
        const n = s.charCodeAt(nameStart);
        if (n === 114 /* r */) {
          this.rFrom = i + 1;
          this.rTo = end;
        } else if (n === 115 /* s */) {
          this.sFrom = i + 1;
          this.sTo = end;
        } else if (n === 116 /* t */) {
          this.tFrom = i + 1;
          this.tTo = end;
        }
      }
      i = end + 1;
    }
  }

  /**
   * Walks the children of a row from `from` (just after its start tag) to its `</row>`, reading each
   * `<c>` and its children in one forward pass. Returns the offset just after `</row>`.
   */
  private scanCells(s: string, from: number, to: number): number {
    const o = this.o;
    const p = this.prefix.length;
    let i = from;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0 || lt >= to) return to;
      const gtTag = s.indexOf(">", lt);
      if (gtTag < 0) return to;
      if (s.charCodeAt(lt + 1) === 47 /* </row> */) return gtTag + 1;
      const selfClosing = s.charCodeAt(gtTag - 1) === 47;
      const after = s.charCodeAt(lt + 2 + p);
      if (s.charCodeAt(lt + 1 + p) !== 99 /* c */ || !(after === 62 || after === 47 || isSpace(after))) {
        // Not a cell (a row's <extLst>): skip the element.
        i = selfClosing ? gtTag + 1 : skipElement(s, lt, gtTag, to);
        continue;
      }
      const tagEnd = selfClosing ? gtTag - 1 : gtTag;
      this.cellAttributes(s, lt + o.c.length, tagEnd);
      const col = this.rFrom >= 0 ? columnOfRef(s, this.rFrom, this.rTo) : this.col + 1;
      this.col = col;
      if (selfClosing) {
        i = gtTag + 1;
        continue;
      }
      const t = this.tFrom >= 0 ? cellTypeAt(s, this.tFrom, this.tTo) : "n";
      const style = this.sFrom >= 0 ? intAt(s, this.sFrom, this.sTo) : 0;

      // Children in schema order (f?, v?, is?, extLst?), up to the cell's </c>.
      let formula = false;
      let text = "";
      let k = gtTag + 1;
      for (;;) {
        const clt = s.indexOf("<", k);
        if (clt < 0 || clt >= to) {
          k = to;
          break;
        }
        const gt = s.indexOf(">", clt);
        if (s.charCodeAt(clt + 1) === 47 /* </c> */) {
          k = gt + 1;
          break;
        }
        const self = s.charCodeAt(gt - 1) === 47;
        const name = s.charCodeAt(clt + 1 + p);
        const next = s.charCodeAt(clt + 2 + p);
        const single = next === 62 || next === 47 || isSpace(next);
        if (self) {
          // <f t="shared" si="0"/>: a shared formula's dependent cell.
          if (name === 102 /* f */ && single && rawAttr(s, "t", clt, gt - 1) !== undefined) formula = true;
          k = gt + 1;
        } else if (name === 102 /* f */ && single) {
          // ExcelJS counts a formula only when it has text or a share type (t="shared" / "array").
          const fe = s.indexOf(o.fClose, gt);
          if (fe > gt + 1 || rawAttr(s, "t", clt, gt) !== undefined) formula = true;
          k = fe < 0 ? to : fe + o.fClose.length;
        } else if (name === 118 /* v */ && single) {
          const ve = s.indexOf(o.vClose, gt);
          const vEnd = ve < 0 || ve > to ? to : ve;
          if (!(t === "inlineStr" && !formula)) text = elementText(s, gt + 1, vEnd);
          k = vEnd + o.vClose.length;
        } else if (name === 105 /* i */ && next === 115 /* s */) {
          const ise = s.indexOf(o.isClose, gt);
          const isEnd = ise < 0 || ise > to ? to : ise;
          if (t === "inlineStr" && !formula) {
            text = decodeOoxmlEscapes(stringItemText(s.slice(gt + 1, isEnd), this.prefix));
          }
          k = isEnd + o.isClose.length;
        } else {
          k = skipElement(s, clt, gt, to); // the cell's <extLst>
        }
      }
      i = k;
      if (text.length > 0) this.onCell(this.row, col, style, t, text, formula);
    }
  }
}

/** Offset just after the element whose start tag runs from `lt` to `gt` (matching same-name nesting). */
function skipElement(s: string, lt: number, gt: number, to: number): number {
  let j = lt + 1;
  while (j < gt && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 47) j++;
  const qname = s.slice(lt + 1, j);
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let depth = 1;
  let i = gt + 1;
  while (depth > 0) {
    const c = s.indexOf(close, i);
    if (c < 0 || c >= to) return to;
    let o = s.indexOf(open, i);
    while (o >= 0 && o < c) {
      const e = s.indexOf(">", o);
      const n = s.charCodeAt(o + open.length);
      if ((n === 62 || isSpace(n)) && s.charCodeAt(e - 1) !== 47) depth++;
      o = s.indexOf(open, e);
    }
    depth--;
    i = c + close.length;
  }
  return i;
}

/**
 * Streams xl/sharedStrings.xml into its strings, in order: plain and rich text (`<r>` runs joined),
 * phonetic runs left out, `_xHHHH_` escapes decoded (as ExcelJS reads them).
 */
export class SharedStringsScanner {
  private buf = "";
  private prefix: string | null = null;
  readonly strings: string[] = [];

  push(chunk: string): void {
    this.buf += chunk;
    if (this.prefix === null) {
      const root = this.buf.search(/<[A-Za-z_]/);
      if (root < 0 || this.buf.indexOf(">", root) < 0) return;
      this.prefix = rootPrefix(this.buf);
    }
    const close = `</${this.prefix}si>`;
    const last = this.buf.lastIndexOf(close);
    const lastSelf = this.lastSelfClosingSi();
    const upTo = Math.max(last < 0 ? -1 : last + close.length, lastSelf);
    if (upTo < 0) return;
    this.scan(this.buf.slice(0, upTo));
    this.buf = this.buf.slice(upTo);
  }

  end(): string[] {
    if (this.prefix !== null) this.scan(this.buf);
    this.buf = "";
    return this.strings;
  }

  /** End offset of the last complete `<si/>` in the buffer, or -1. */
  private lastSelfClosingSi(): number {
    const open = `<${this.prefix}si`;
    const i = this.buf.lastIndexOf(open);
    if (i < 0) return -1;
    const end = this.buf.indexOf(">", i);
    return end >= 0 && this.buf.charCodeAt(end - 1) === 47 ? end + 1 : -1;
  }

  private scan(s: string): void {
    const p = this.prefix ?? "";
    const open = `<${p}si`;
    const close = `</${p}si>`;
    let i = 0;
    for (;;) {
      i = s.indexOf(open, i);
      if (i < 0) return;
      const c = s.charCodeAt(i + open.length);
      if (c !== 62 && c !== 47 && !isSpace(c)) {
        i += open.length;
        continue;
      }
      const te = s.indexOf(">", i);
      if (te < 0) return;
      if (s.charCodeAt(te - 1) === 47) {
        this.strings.push("");
        i = te + 1;
        continue;
      }
      const end = s.indexOf(close, te);
      if (end < 0) return;
      this.strings.push(decodeOoxmlEscapes(stringItemText(s.slice(te + 1, end), p)));
      i = end + close.length;
    }
  }
}
