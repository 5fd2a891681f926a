/**
 * The frame of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) on a sheet:
 *
 *   UBND TỈNH HÀ TĨNH                 │  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   VĂN PHÒNG ĐIỀU PHỐI NTM TỈNH       │      Độc lập – Tự do – Hạnh phúc
 *                                     │  Hà Tĩnh, ngày 05 tháng 02 năm 2026
 *                              BÁO CÁO
 *            KẾT QUẢ THỰC HIỆN … (title, wrapped into rows)
 *                   (Bộ tiêu chí …; subtitle)   DỮ LIỆU MẪU … (data note)
 *   … tables …
 *   Nơi nhận:                          │  TM. BAN CHỈ ĐẠO
 *   - Ban Chỉ đạo …;                   │  TRƯỞNG BAN
 *   - Lưu: VT.                         │  (Ký, ghi rõ họ tên, đóng dấu)
 *                                     │  (empty rows)
 *                                     │  Signer's name
 *
 * The left blocks span columns [0, split), the right ones [split, width); each line is one merged,
 * centred row (merged cells do not grow with wrapped text, so long lines are wrapped here, into rows).
 * Pure helpers over SheetDraft.
 */
import { foldText } from "../../domain/text";
import { t, type Lang } from "../../i18n";
import { rangeAddress } from "../a1";
import { HEADER_FILL, SheetDraft } from "../render/sheet";
import type { OutCell, PageSetup, SheetSpec, StyleSpan } from "../sheetSpec";
import type { ReportDate } from "./types";

export const REPORT_FONT = { name: "Times New Roman", size: 12 } as const;
/** Issuer, motto, date and title rows. */
export const TITLE_BLOCK_SIZE = 13;
/** "BÁO CÁO". */
export const DOCUMENT_KIND_SIZE = 14;
/** Recipients are one size smaller than the body (Nghị định 30). */
export const RECIPIENT_SIZE = 11;
/** Inches: left 0.6, right 0.4, top and bottom 0.6, header and footer 0.3. */
export const REPORT_MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Empty rows left for the handwritten signature and the seal. */
export const SIGNATURE_ROWS = 4;
const SAMPLE_COLOUR = "C00000";

/** Characters per unit of column width, by kind of line (bold capitals are wider than body text). */
const CHARS_PER_WIDTH = { caps: 0.6, body: 0.9 } as const;

/** The settings a document's frame is made from (settings sheet), with the date given by the caller. */
export interface DocumentSettings {
  lang: Lang;
  date: ReportDate;
  provinceName: string;
  issuer?: string;
  signerTitle?: string;
  signer?: string;
  recipients?: string;
}

/** Where the frame sits on the sheet. */
export interface DocumentFrame {
  /** Column widths; the document spans all of them. */
  widths: readonly number[];
  /** First column (0-based) of the right-hand blocks: motto, date, signature. */
  split: number;
}

/** Splits a setting typed over several lines, or on one line with " / " (e.g. "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN"). */
export function settingLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(/\r\n|\r|\n|\s+\/\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Upper case the Vietnamese way (no locale quirks: "đ" → "Đ", "i" → "I"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/**
 * The province with its kind of unit, in capitals: "TỈNH HÀ TĨNH" for "Hà Tĩnh" (or "Tỉnh Hà Tĩnh");
 * a name that already says "Thành phố …" (a centrally run city) is kept as it is. English: "HÀ TĨNH
 * PROVINCE". "" without a name.
 */
export function provinceUnit(lang: Lang, provinceName: string): string {
  let name = provinceName.trim();
  if (name === "") return "";
  const folded = foldText(name);
  if (folded.startsWith("thanh pho ") || folded.startsWith("city ")) return upper(name);
  if (folded.startsWith("tinh ")) name = name.replace(/^\S+\s+/, "");
  return t(lang, "reports.province.unit", { name: upper(name) });
}

/** The issuing body, one entry per line: the setting, else "UBND TỈNH {PROVINCE}". */
export function issuerLines(doc: DocumentSettings): string[] {
  const lines = settingLines(doc.issuer);
  if (lines.length > 0) return lines;
  const province = provinceUnit(doc.lang, doc.provinceName);
  return [
    province
      ? t(doc.lang, "reports.issuer.default", { province })
      : t(doc.lang, "reports.issuer.defaultNoProvince"),
  ];
}

/** A document's title: the kind ("BÁO CÁO") and the subject, in parts that are kept whole when they fit on a line. */
export interface DocumentTitle {
  kind: string;
  parts: string[];
}

/** The title on one line, as the document's properties and lists show it. */
export function titleText(title: DocumentTitle): string {
  return [title.kind, ...title.parts].join(" ");
}

/** The signer's title, one entry per line: the setting, else the decree's placeholder. */
export function signerTitleLines(doc: DocumentSettings): string[] {
  const lines = settingLines(doc.signerTitle);
  return lines.length > 0 ? lines : [t(doc.lang, "reports.signer.defaultTitle")];
}

/** Throws for a date that does not exist: the caller gives it, so a bad one is a bug. */
export function checkDate(date: ReportDate): void {
  const { day, month, year } = date;
  const ok =
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!ok) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
}

/**
 * "Hà Tĩnh, ngày 05 tháng 02 năm 2026" (days below 10 and months 1 and 2 with a leading zero, as
 * Nghị định 30 asks) or "Hà Tĩnh, February 5, 2026".
 */
export function placeDateLine(lang: Lang, province: string, date: ReportDate): string {
  checkDate(date);
  const place = province.trim() || t(lang, "reports.date.noPlace");
  const year = String(date.year);
  if (lang === "en") {
    return t(lang, "reports.date", {
      place,
      day: String(date.day),
      month: t(lang, `reports.month.${date.month}`),
      year,
    });
  }
  const day = date.day < 10 ? `0${date.day}` : String(date.day);
  const month = date.month <= 2 ? `0${date.month}` : String(date.month);
  return t(lang, "reports.date", { place, day, month, year });
}

const BULLET = /^[-–—•+*·]+\s*/;
const END_PUNCTUATION = /[\s;,.]+$/;

/**
 * The "Nơi nhận" list: `first` (e.g. the department the report is for), then the recipients setting
 * (split on ";" or new lines, bullets and end punctuation dropped, repeats dropped), each "- …;", the
 * last "- Lưu: VT." — or the planner's own "Lưu: …" entry, kept last.
 */
export function recipientLines(
  lang: Lang,
  recipients: string | undefined,
  first: readonly string[] = [],
): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  let archive: string | undefined;
  const add = (raw: string) => {
    const item = raw.trim().replace(BULLET, "").replace(END_PUNCTUATION, "").trim();
    if (item === "") return;
    const key = foldText(item);
    if (key.startsWith("luu ") || key === "luu") {
      archive ??= item;
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const f of first) add(f);
  for (const part of (recipients ?? "").split(/[;\r\n]+/)) add(part);
  const last = archive !== undefined ? `${archive}.` : t(lang, "reports.recipients.archive");
  return [...items.map((i) => `- ${i};`), `- ${last}`];
}

/**
 * Word-wraps `text` into lines of at most `max` characters (a word longer than that gets a line of
 * its own, cut). Continuation lines start with `indent`.
 */
export function wrapWords(text: string, max: number, indent = ""): string[] {
  const limit = Math.max(8, Math.floor(max));
  const pad = indent.length < limit / 2 ? indent : "";
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line: string | null = null;
  for (const word of words) {
    if (line === null) line = (lines.length > 0 ? pad : "") + word;
    else if (line.length + 1 + word.length <= limit) line += " " + word;
    else {
      lines.push(line);
      line = pad + word;
    }
    while (line.length > limit) {
      // Never between the two halves of a surrogate pair (an emoji).
      const cut: number = /[\uD800-\uDBFF]/.test(line[limit - 1]) ? limit - 1 : limit;
      lines.push(line.slice(0, cut));
      line = pad + line.slice(cut);
    }
  }
  if (line !== null) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * Like wrapWords, with lines of even length: as few lines as wrapWords makes at `max`, each as short
 * as it can be ("… PHỤ TRÁCH – NĂM 2022" does not leave "NĂM 2022" alone on a line).
 */
export function balancedLines(text: string, max: number): string[] {
  const lines = wrapWords(text, max);
  if (lines.length < 2) return lines;
  const length = lines.join(" ").length;
  // Never narrower than the longest word: evening out must not cut a word wrapWords kept whole.
  const longest = text.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0);
  for (let w = Math.max(Math.ceil(length / lines.length), longest); w < max; w++) {
    const even = wrapWords(text, w);
    if (even.length <= lines.length) return even;
  }
  return lines;
}

/** The subject on one line when it fits, else each part on its own lines (broken evenly when too long). */
export function titleLines(parts: readonly string[], max: number): string[] {
  const whole = parts.join(" ");
  if (whole.length <= max) return [whole];
  return parts.flatMap((p) => balancedLines(p, max));
}

function widthOf(widths: readonly number[], c0: number, c1: number): number {
  let w = 0;
  for (let c = c0; c < c1; c++) w += widths[c] ?? 0;
  return w;
}

/** How many characters of a kind of line fit in columns [c0, c1). */
export function charsIn(
  frame: DocumentFrame,
  c0: number,
  c1: number,
  kind: keyof typeof CHARS_PER_WIDTH,
): number {
  return Math.floor(widthOf(frame.widths, c0, c1) * CHARS_PER_WIDTH[kind]);
}

/** Writes the document: the frame's rows go through this. */
export class DocumentDraft extends SheetDraft {
  constructor(
    name: string,
    readonly frame: DocumentFrame,
    readonly doc: DocumentSettings,
  ) {
    super(name);
  }

  /** Number of columns the document spans. */
  get columns(): number {
    return this.frame.widths.length;
  }

  /** A merged, styled block [c0, c1] on row r (no merge for a single column). */
  block(r: number, c0: number, c1: number, style: Omit<StyleSpan, "range" | "merge">): void {
    this.style({ range: rangeAddress(r, c0, r, c1), ...(c1 > c0 ? { merge: true } : {}), ...style });
  }

  /** One row spanning the whole width, merged and styled. */
  line(text: string, style: Omit<StyleSpan, "range" | "merge">): number {
    const r = this.push([text]);
    this.block(r, 0, this.columns - 1, style);
    return r;
  }

  /** Rows of word-wrapped text across the whole width. */
  paragraph(
    text: string,
    style: Omit<StyleSpan, "range" | "merge"> = {},
    kind: "caps" | "body" = "body",
  ): number[] {
    const max = charsIn(this.frame, 0, this.columns, kind);
    const indent = text.startsWith("- ") ? "  " : "";
    return wrapWords(text, max, indent).map((l) => this.line(l, { align: "left", ...style }));
  }

  /** A bold section heading ("I. TÌNH HÌNH CHUNG"). */
  heading(text: string): number {
    return this.line(text, { bold: true, align: "left" });
  }

  /** A table header row: bold, centred, wrapped, bordered, filled. */
  tableHeader(texts: OutCell[], merges: readonly [number, number][] = []): number {
    const r = this.push(texts);
    this.style({
      range: rangeAddress(r, 0, r, texts.length - 1),
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      border: true,
      align: "center",
      verticalAlign: "middle",
    });
    for (const [c0, c1] of merges) this.style({ range: rangeAddress(r, c0, r, c1), merge: true });
    return r;
  }

  /** Top block, place and date, title and subtitle. Returns the next free row. */
  writeHeader(title: DocumentTitle, subtitle: readonly string[], dataNote?: string): number {
    const { split } = this.frame;
    const last = this.columns - 1;
    const lang = this.doc.lang;
    const issuer = issuerLines(this.doc);
    const motto = [t(lang, "reports.motto.country"), t(lang, "reports.motto.slogan")];
    const leftChars = charsIn(this.frame, 0, split, "caps");
    const issuerRows = issuer.flatMap((text, i) =>
      balancedLines(text, leftChars).map((l) => ({ text: l, bold: i > 0 || issuer.length === 1 })),
    );
    const rows = Math.max(issuerRows.length, motto.length);
    for (let i = 0; i < rows; i++) {
      const cells: OutCell[] = new Array<OutCell>(this.columns).fill(null);
      const left = issuerRows[i];
      if (left) cells[0] = left.text;
      if (i < motto.length) cells[split] = motto[i];
      const r = this.push(cells);
      if (left) this.block(r, 0, split - 1, { bold: left.bold, align: "center", fontSize: TITLE_BLOCK_SIZE });
      if (i < motto.length)
        this.block(r, split, last, { bold: true, align: "center", fontSize: TITLE_BLOCK_SIZE });
    }
    const dateCells: OutCell[] = new Array<OutCell>(this.columns).fill(null);
    dateCells[split] = placeDateLine(lang, this.doc.provinceName, this.doc.date);
    const dateRow = this.push(dateCells);
    this.block(dateRow, split, last, { italic: true, align: "center", fontSize: TITLE_BLOCK_SIZE });
    this.blank();

    this.line(title.kind, { bold: true, align: "center", fontSize: DOCUMENT_KIND_SIZE });
    for (const l of titleLines(title.parts, charsIn(this.frame, 0, this.columns, "caps")))
      this.line(l, { bold: true, align: "center", fontSize: TITLE_BLOCK_SIZE });
    for (const s of subtitle)
      for (const l of wrapWords(s, charsIn(this.frame, 0, this.columns, "body")))
        this.line(l, { italic: true, align: "center" });
    if (dataNote)
      for (const l of balancedLines(dataNote, charsIn(this.frame, 0, this.columns, "caps")))
        this.line(l, { bold: true, italic: true, align: "center", fontColor: SAMPLE_COLOUR });
    this.blank();
    return this.next;
  }

  /** "Nơi nhận" on the left, the signature block on the right. `addressees` come first in the list. */
  writeFooter(addressees: readonly string[] = []): void {
    const { split } = this.frame;
    const last = this.columns - 1;
    const lang = this.doc.lang;
    const leftChars = charsIn(this.frame, 0, split, "body");
    const recipients = recipientLines(lang, this.doc.recipients, addressees).flatMap((l) =>
      wrapWords(l, leftChars, "  "),
    );
    const left: { text: string; style: Omit<StyleSpan, "range" | "merge"> }[] = [
      { text: t(lang, "reports.recipients.heading"), style: { bold: true, italic: true, align: "left" } },
      ...recipients.map((text) => ({ text, style: { align: "left" as const, fontSize: RECIPIENT_SIZE } })),
    ];
    const rightChars = charsIn(this.frame, split, this.columns, "caps");
    const right: ({ text: string; style: Omit<StyleSpan, "range" | "merge"> } | null)[] = [
      ...signerTitleLines(this.doc).flatMap((l) =>
        balancedLines(l, rightChars).map((text) => ({
          text,
          style: { bold: true, align: "center" as const },
        })),
      ),
    ];
    if (lang === "vi")
      right.push({ text: t(lang, "reports.signer.placeholder"), style: { italic: true, align: "center" } });
    for (let i = 0; i < SIGNATURE_ROWS; i++) right.push(null);
    const signer = this.doc.signer?.trim();
    // Never a made-up name: without the setting the line stays empty, to be written by hand.
    right.push(signer ? { text: signer, style: { bold: true, align: "center" } } : null);

    const rows = Math.max(left.length, right.length);
    for (let i = 0; i < rows; i++) {
      const cells: OutCell[] = new Array<OutCell>(this.columns).fill(null);
      const l = left[i];
      const rt = right[i];
      if (l) cells[0] = l.text;
      if (rt) cells[split] = rt.text;
      const r = this.push(cells);
      if (l) this.block(r, 0, split - 1, l.style);
      if (rt) this.block(r, split, last, rt.style);
    }
  }

  /** The finished sheet: document font, A4 landscape print setup, no gridlines, protected. */
  finish(repeatRows?: [number, number]): SheetSpec {
    const page: PageSetup = {
      landscape: true,
      ...(repeatRows ? { repeatRows } : {}),
      margins: { ...REPORT_MARGINS },
      footer: t(this.doc.lang, "reports.page.footer"),
    };
    return {
      ...this.build({ columnWidths: [...this.frame.widths], page }),
      font: { ...REPORT_FONT },
      showGridLines: false,
      protect: true,
    };
  }
}
