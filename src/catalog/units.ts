/**
 * Administrative-unit lists shipped in data/units/ (GSO lists; see period-2026-2030.md §3):
 * - vietnam-units-2024-11.tsv: every commune-level unit of the 63 provinces on 01/11/2024;
 * - hatinh-units-2024-11.tsv: Hà Tĩnh's 216 units of 01/11/2024 and the unit each went into on 1/7/2025;
 * - hatinh-units-2025-07.tsv: Hà Tĩnh's 69 units from 1/7/2025 (Công văn 1027/CTK-CSCL).
 *
 * Node only (reads files): the task pane must not import this module. The files are plain TSV: a
 * header row, tab-separated fields, no quoting (no field holds a tab, newline or quote).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface NationalUnit {
  province_code: string;
  province: string;
  district_code: string;
  district: string;
  /** "Quận", "Huyện", "Thị xã", "Thành phố". */
  district_type: string;
  commune_code: string;
  commune: string;
  /** "Xã", "Phường", "Thị trấn". */
  commune_type: string;
}

/** A unit from 1/7/2025, by GSO code and name. */
export interface UnitRef {
  code: string;
  name: string;
}

export interface HaTinhUnit {
  district_code: string;
  district: string;
  commune_code: string;
  commune: string;
  commune_type: string;
  /** The column as written, e.g. "Phường Thành Sen; Phường Hà Huy Tập (split)" or "UNCONFIRMED (…)". */
  unit_from_2025_07: string;
  /** The column as written, e.g. "18073; 18652"; empty when unconfirmed. */
  unit_code_from_2025_07: string;
  /** Units from 1/7/2025 this unit went into: several when it was split, none when unconfirmed. */
  successors: UnitRef[];
  split: boolean;
}

export interface HaTinhUnit2025 {
  commune_code_2025: string;
  commune_2025: string;
  /** "Xã" or "Phường", read from the name. */
  commune_type: string;
  source: string;
}

export const UNIT_FILES = {
  vietnam2024: "vietnam-units-2024-11.tsv",
  haTinh2024: "hatinh-units-2024-11.tsv",
  haTinh2025: "hatinh-units-2025-07.tsv",
} as const;

/**
 * Parses tab-separated text with a header row into one record per line. Blank lines are skipped;
 * a line whose field count differs from the header's is an error (the files are shipped data).
 */
export function parseTsv(text: string, name = "TSV"): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t");
  if (header.length === 0 || header[0] === "") throw new Error(`${name}: missing header row`);
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const fields = line.split("\t");
    if (fields.length !== header.length) {
      throw new Error(`${name}, line ${i + 1}: ${fields.length} fields, header has ${header.length}`);
    }
    // fromEntries defines own properties, so even a column named "__proto__" is kept.
    rows.push(Object.fromEntries(header.map((column, j) => [column, fields[j]])));
  }
  return rows;
}

/** The folder holding package.json, found by walking up from `start` (src/catalog or dist/src/catalog). */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}: cannot locate data/units`);
    dir = parent;
  }
}

let projectRoot: string | undefined;

export function unitsDataPath(file: string): string {
  projectRoot ??= findProjectRoot();
  return join(projectRoot, "data", "units", file);
}

function readTable<K extends string>(file: string, columns: readonly K[]): Record<K, string>[] {
  const path = unitsDataPath(file);
  const rows = parseTsv(readFileSync(path, "utf8"), file);
  const first = rows[0];
  const missing = first ? columns.filter((c) => !(c in first)) : [];
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
  return rows.map((row) => {
    const out = {} as Record<K, string>;
    for (const c of columns) out[c] = row[c].trim();
    return out;
  });
}

const NATIONAL_COLUMNS = [
  "province_code",
  "province",
  "district_code",
  "district",
  "district_type",
  "commune_code",
  "commune",
  "commune_type",
] as const;

export function loadVietnamUnits(): NationalUnit[] {
  return readTable(UNIT_FILES.vietnam2024, NATIONAL_COLUMNS);
}

const HA_TINH_2024_COLUMNS = [
  "district_code",
  "district",
  "commune_code",
  "commune",
  "commune_type",
  "unit_from_2025_07",
  "unit_code_from_2025_07",
] as const;

/** Splits the successor columns: "A; B (split)" with "c1; c2", or "UNCONFIRMED (…)" with nothing. */
export function parseSuccessors(names: string, codes: string): { successors: UnitRef[]; split: boolean } {
  if (codes.trim() === "" || /^UNCONFIRMED\b/.test(names)) return { successors: [], split: false };
  const split = /\(split\)\s*$/.test(names);
  const nameList = names
    .replace(/\s*\(split\)\s*$/, "")
    .split(";")
    .map((s) => s.trim());
  const codeList = codes.split(";").map((s) => s.trim());
  if (nameList.length !== codeList.length) {
    throw new Error(`Successor names and codes do not pair up: "${names}" / "${codes}"`);
  }
  return { successors: codeList.map((code, i) => ({ code, name: nameList[i] })), split };
}

export function loadHaTinhUnits2024(): HaTinhUnit[] {
  return readTable(UNIT_FILES.haTinh2024, HA_TINH_2024_COLUMNS).map((row) => ({
    ...row,
    ...parseSuccessors(row.unit_from_2025_07, row.unit_code_from_2025_07),
  }));
}

export function loadHaTinhUnits2025(): HaTinhUnit2025[] {
  return readTable(UNIT_FILES.haTinh2025, ["commune_code_2025", "commune_2025", "source"] as const).map(
    (row) => {
      const type = /^(Xã|Phường|Thị trấn)\s/.exec(row.commune_2025)?.[1];
      if (type === undefined)
        throw new Error(`${UNIT_FILES.haTinh2025}: unknown unit type in "${row.commune_2025}"`);
      return { ...row, commune_type: type };
    },
  );
}
