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
import { cellString, type ColumnMapping, type ReadRole } from "./sheet";
import { SheetDraft } from "../render/sheet";
import type { SheetSpec } from "../sheetSpec";

export const MAPPING_SHEET_KEY = "mapping";

/** The mapping sheet's name in each language (the results' sheet-name key `render.sheet.mapping`). */
export function mappingSheetNames(): string[] {
  return [t("vi", "render.sheet.mapping"), t("en", "render.sheet.mapping")];
}

/** The mapping sheet's name, in either language, possibly with a " (2)" suffix. */
export function isMappingSheetName(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return mappingSheetNames().some((n) => n.toLowerCase() === base);
}

/** True when a mapping has nothing in it. */
export function isEmptyMapping(m: ColumnMapping | undefined): boolean {
  if (!m) return true;
  const count = (o: object | undefined) => (o ? Object.keys(o).length : 0);
  return (
    count(m.sheets) === 0 &&
    count(m.headerRows) === 0 &&
    Object.values(m.columns ?? {}).every((c) => count(c) === 0)
  );
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
    const headerRowOf = mapping.headerRows?.[role];
    if (sheet !== undefined || headerRowOf !== undefined)
      d.push([role, label, sheet ?? "", headerRowOf ?? null, "", ""]);
    for (const [key, column] of Object.entries(mapping.columns?.[role] ?? {}))
      d.push([role, label, "", null, key, column]);
  }
  return d.build({
    columnWidths: [12, 22, 24, 12, 16, 10],
    freeze: { rows: headerRow + 1, columns: 0 },
  });
}

/** Reads the mapping back from the sheet's grid. Rows it cannot understand are skipped. */
export function parseMappingSheet(grid: SheetGrid): ColumnMapping {
  const roles = new Set<string>(INPUT_ROLES);
  const out: ColumnMapping = {};
  const text = (v: CellValue | undefined) => cellString(v).trim();
  for (const row of grid.values) {
    const role = text(row[0]);
    if (!roles.has(role)) continue;
    const r = role as ReadRole;
    const sheet = text(row[2]);
    const headerRow = typeof row[3] === "number" ? row[3] : Number(text(row[3]) || NaN);
    const key = text(row[4]);
    const column = text(row[5]).toUpperCase();
    if (key === "") {
      if (sheet !== "") (out.sheets ??= {})[r] = sheet;
      if (Number.isInteger(headerRow) && headerRow >= 1) (out.headerRows ??= {})[r] = headerRow;
    } else if (/^[A-Z]{1,3}$/.test(column)) {
      ((out.columns ??= {})[r] ??= {})[key] = column;
    }
  }
  return out;
}
