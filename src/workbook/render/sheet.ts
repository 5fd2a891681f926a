/**
 * A small builder for result sheets: rows appended top to bottom, with styles, number formats and
 * conditional formats kept as bounded ranges (never one object per data cell), so a sheet of 200,000
 * rows costs a handful of style objects.
 */
import { t, type Lang } from "../../i18n";
import { rangeAddress } from "../a1";
import { DATA_BAR_COLOUR } from "../formats/palette";
import type { ConditionalRule, HighlightStyle, OutCell, SheetSpec, StyleSpan } from "../sheetSpec";

/** Fill of header rows (Excel's light "Blue, Accent 1, 80%"). Results are never filled statically. */
export const HEADER_FILL = "D9E1F2";
const NOTE_COLOUR = "595959";
const SAMPLE_COLOUR = "C00000";

/** Number formats (Excel shows them in the user's locale). */
export const FMT_SHARE = "0.0%";
export const FMT_AMOUNT = "#,##0";
export const FMT_GAP = "0.0#";
export const FMT_AVERAGE = "0.0";
export const FMT_RATIO = "0.00";

/** A column of a table: its header text and width in characters. */
export interface Column {
  key: string;
  header: string;
  width: number;
}

export class SheetDraft {
  readonly rows: OutCell[][] = [];
  private readonly styles: StyleSpan[] = [];
  private readonly numberFormats: { range: string; format: string }[] = [];
  private readonly conditionalFormats: ConditionalRule[] = [];
  /** Width of the widest table so far: title and header styles span it. */
  width = 1;

  constructor(readonly name: string) {}

  /** 0-based index of the next row to be written. */
  get next(): number {
    return this.rows.length;
  }

  push(cells: OutCell[]): number {
    this.rows.push(cells);
    if (cells.length > this.width) this.width = cells.length;
    return this.rows.length - 1;
  }

  blank(): void {
    this.rows.push([]);
  }

  style(span: StyleSpan): void {
    this.styles.push(span);
  }

  /** A header row: bold, filled, wrapped and bordered across its cells. */
  header(texts: string[]): number {
    const r = this.push(texts);
    this.style({
      range: rangeAddress(r, 0, r, Math.max(0, texts.length - 1)),
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      border: true,
      verticalAlign: "middle",
    });
    return r;
  }

  /** A bold section title in column A (no fill). */
  section(text: string): number {
    const r = this.push([text]);
    this.style({ range: rangeAddress(r, 0, r, 0), bold: true, fontSize: 12 });
    return r;
  }

  /** An explanatory line in italics ("no data"). */
  note(text: string): number {
    const r = this.push([text]);
    this.style({ range: rangeAddress(r, 0, r, 0), italic: true, fontColor: NOTE_COLOUR });
    return r;
  }

  /** Number format over rows r0..r1 of columns c0..c1; nothing when the block is empty. */
  format(r0: number, c0: number, r1: number, c1: number, format: string): void {
    if (r1 < r0 || c1 < c0) return;
    this.numberFormats.push({ range: rangeAddress(r0, c0, r1, c1), format });
  }

  /** One textEquals rule per (text, style) over the block; nothing when the block is empty. */
  textRules(
    r0: number,
    c0: number,
    r1: number,
    c1: number,
    pairs: readonly (readonly [string, HighlightStyle])[],
  ): void {
    if (r1 < r0 || c1 < c0) return;
    const range = rangeAddress(r0, c0, r1, c1);
    for (const [text, style] of pairs)
      this.conditionalFormats.push({ kind: "textEquals", range, text, style });
  }

  /** A data bar over rows r0..r1 of column c (shares in 0..1). */
  dataBar(r0: number, c: number, r1: number): void {
    if (r1 < r0) return;
    this.conditionalFormats.push({
      kind: "dataBar",
      range: rangeAddress(r0, c, r1, c),
      color: DATA_BAR_COLOUR,
    });
  }

  build(extra: Partial<Omit<SheetSpec, "name" | "rows">> = {}): SheetSpec {
    const spec: SheetSpec = { name: this.name, rows: this.rows };
    if (extra.columnWidths) spec.columnWidths = extra.columnWidths;
    if (extra.freeze) spec.freeze = extra.freeze;
    if (this.styles.length > 0) spec.styles = this.styles;
    if (this.numberFormats.length > 0) spec.numberFormats = this.numberFormats;
    if (this.conditionalFormats.length > 0) spec.conditionalFormats = this.conditionalFormats;
    if (extra.hidden) spec.hidden = true;
    if (extra.tabColor) spec.tabColor = extra.tabColor;
    // Result sheets print as planners file them: A4 landscape, as wide as the page.
    spec.page = extra.page ?? {
      landscape: true,
      ...(extra.freeze && extra.freeze.rows > 0
        ? { repeatRows: [extra.freeze.rows, extra.freeze.rows] }
        : {}),
    };
    return spec;
  }
}

export interface TitleInfo {
  lang: Lang;
  provinceName: string;
  year: number;
  setId: string;
  sampleNote?: string;
  /** Shown on sheets with money. */
  currencyUnit?: string;
}

/**
 * The title block every result sheet opens with: title (province), a line with year and criteria set
 * (and currency), the sample note when there is one, then a blank row. Returns the next free row.
 */
export function titleBlock(draft: SheetDraft, titleKey: string, info: TitleInfo): number {
  const { lang } = info;
  // Numbers go in as strings: t() would print the year 2025 as "2.025" in Vietnamese.
  const r0 = draft.push([t(lang, titleKey, { province: info.provinceName })]);
  draft.style({ range: rangeAddress(r0, 0, r0, 0), bold: true, fontSize: 14 });
  const params = { year: String(info.year), set: info.setId, unit: info.currencyUnit ?? "" };
  const r1 = draft.push([
    t(lang, info.currencyUnit !== undefined ? "render.title.infoMoney" : "render.title.info", params),
  ]);
  draft.style({ range: rangeAddress(r1, 0, r1, 0), italic: true, fontColor: NOTE_COLOUR });
  if (info.sampleNote) {
    const r2 = draft.push([info.sampleNote]);
    draft.style({ range: rangeAddress(r2, 0, r2, 0), italic: true, bold: true, fontColor: SAMPLE_COLOUR });
  }
  draft.blank();
  return draft.next;
}

/** Index of each column key. */
export function columnIndexes(columns: readonly Column[]): Record<string, number> {
  const out: Record<string, number> = {};
  columns.forEach((c, i) => (out[c.key] = i));
  return out;
}
