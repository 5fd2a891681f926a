/**
 * The column mapping as a visible sheet ("Ánh xạ cột" / "Column mapping"), written with the results
 * whenever a mapping is in use, so a colleague who opens the file sees how the planner's own layout
 * is read, and the command line reads the same workbook the same way. The add-in also keeps the
 * mapping in the document settings; an explicit mapping always wins over this sheet.
 *
 * One row per decision: role, then either the sheet and header row (key empty) or a key and its
 * column. The role column holds the stable role key so the sheet reads back exactly.
 */
import { t, type Lang } from "../../i18n";
import { INPUT_ROLES, sheetName } from "../layout";
import type { CellValue, SheetGrid } from "../port";
import { parseColumnMapping, type ColumnMapping, type HeaderRows } from "./mapping";
import { cellString } from "./sheet";
import { SheetDraft } from "../render/sheet";
import type { SheetSpec } from "../sheetSpec";

export const MAPPING_SHEET_KEY = "mapping";

/** First-column keys of the rows that are not a role's: sheets left out, settings, names' units. */
const IGNORED = "ignore";
const SETTING = "setting";
const NAME = "name";

/** The mapping sheet's name in each language (the results' sheet-name key `render.sheet.mapping`). */
export function mappingSheetNames(): string[] {
  return [t("vi", "render.sheet.mapping"), t("en", "render.sheet.mapping")];
}

/** The mapping sheet's name, in either language, possibly with a " (2)" suffix. */
export function isMappingSheetName(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return mappingSheetNames().some((n) => n.toLowerCase() === base);
}

export function renderMappingSheet(mapping: ColumnMapping, lang: Lang, name: string): SheetSpec {
  const d = new SheetDraft(name);
  d.section(t(lang, "render.title.mapping"));
  d.note(t(lang, "render.mapping.note"));
  d.blank();
  const headerRow = d.header([
    t(lang, "render.col.mappingRole"),
    t(lang, "render.col.mappingRoleName"),
    t(lang, "render.col.mappingSheet"),
    t(lang, "render.col.mappingHeaderRow"),
    t(lang, "render.col.mappingKey"),
    t(lang, "render.col.mappingColumn"),
  ]);
  for (const role of INPUT_ROLES) {
    const label = sheetName(role, lang);
    const sheet = mapping.sheets?.[role];
    const rows = mapping.headerRows?.[role];
    if (sheet !== undefined || rows !== undefined)
      d.push([role, label, sheet ?? "", rows === undefined ? null : headerRowsText(rows), "", ""]);
    for (const [key, column] of Object.entries(mapping.columns?.[role] ?? {}))
      d.push([role, label, "", null, key, column]);
  }
  for (const sheet of mapping.ignoredSheets ?? [])
    d.push([IGNORED, t(lang, "render.mapping.ignored"), sheet, null, "", ""]);
  for (const [key, value] of Object.entries(mapping.settings ?? {}))
    d.push([SETTING, t(lang, "render.mapping.setting"), "", null, key, String(value)]);
  for (const [at, code] of Object.entries(mapping.names ?? {})) {
    const bang = at.lastIndexOf("!");
    d.push([NAME, t(lang, "render.mapping.name"), at.slice(0, bang), null, at.slice(bang + 1), code]);
  }
  return d.build({
    columnWidths: [12, 22, 24, 12, 16, 10],
    freeze: { rows: headerRow + 1, columns: 0 },
  });
}

/** "5" for one header row, "5-7" for a band. */
function headerRowsText(rows: HeaderRows): string | number {
  return typeof rows === "number" ? rows : `${rows.first}-${rows.last}`;
}

function parseHeaderRows(v: CellValue | undefined): HeaderRows | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 ? v : undefined;
  const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(cellString(v ?? null));
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] !== undefined ? Number(m[2]) : first;
  if (first < 1 || last < first) return undefined;
  return first === last ? first : { first, last };
}

/**
 * Reads the mapping back from the sheet's grid, through the same check as any other mapping (rows
 * it cannot understand are left out).
 */
export function parseMappingSheet(grid: SheetGrid): ColumnMapping {
  const roles = new Set<string>(INPUT_ROLES);
  const raw: {
    sheets: Record<string, string>;
    headerRows: Record<string, HeaderRows>;
    columns: Record<string, Record<string, string>>;
    ignoredSheets: string[];
    settings: Record<string, string | number>;
    names: Record<string, string>;
  } = { sheets: {}, headerRows: {}, columns: {}, ignoredSheets: [], settings: {}, names: {} };
  const text = (v: CellValue | undefined) => cellString(v ?? null).trim();
  for (const row of grid.values) {
    const kind = text(row[0]);
    const sheet = text(row[2]);
    const key = text(row[4]);
    const value = text(row[5]);
    if (kind === IGNORED) {
      if (sheet !== "") raw.ignoredSheets.push(sheet);
    } else if (kind === SETTING) {
      if (key !== "" && value !== "") raw.settings[key] = key === "year" ? Number(value) : value;
    } else if (kind === NAME) {
      if (sheet !== "" && key !== "" && value !== "") raw.names[`${sheet}!${key}`] = value;
    } else if (roles.has(kind)) {
      if (key === "") {
        if (sheet !== "") raw.sheets[kind] = sheet;
        const rows = parseHeaderRows(row[3]);
        if (rows !== undefined) raw.headerRows[kind] = rows;
      } else if (/^[A-Za-z]{1,3}$/.test(value)) {
        (raw.columns[kind] ??= {})[key] = value.toUpperCase();
      }
    }
  }
  return parseColumnMapping(raw)?.mapping ?? {};
}
