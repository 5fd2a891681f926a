/**
 * The planner's decisions about how their workbook is read — the one `ColumnMapping` type that the
 * pane, the command line and the tool's mapping sheet share, with the one check that turns parsed
 * JSON (document settings, a --mapping file) into it. Anything a mapping leaves out is found as usual.
 * Pure.
 */
import type { CriteriaSetId, RegionCode } from "../../domain/types";
import { REGION_CODES } from "../../domain/types";
import { INPUT_ROLES, type InputRole } from "../layout";

export type ReadRole = Exclude<InputRole, "instructions">;

/** Header rows of a role's sheet: one row, or a band of rows (1-based, as Excel shows them). */
export type HeaderRows = number | { first: number; last: number };

/** Settings the planner typed or confirmed in the pane, or gave on the command line. */
export interface SettingOverrides {
  year?: number;
  provinceCode?: string;
  setId?: CriteriaSetId;
  /** The workbook's money unit, e.g. "triệu đồng" or "tỷ đồng". */
  moneyUnit?: string;
  region?: RegionCode;
}

export interface ColumnMapping {
  /** The sheet of a role (compared folded). */
  sheets?: Partial<Record<ReadRole, string>>;
  /** Sheets left out of the reading (their names, compared folded). */
  ignoredSheets?: string[];
  headerRows?: Partial<Record<ReadRole, HeaderRows>>;
  /** Per role: field key ("code", "name", "threshold.BTB", a source code such as "NSTW") or data code ("2.1") → column letters. */
  columns?: Partial<Record<ReadRole, Record<string, string>>>;
  settings?: SettingOverrides;
  /** A typed name's unit: "Sheet!B7" → GSO code. */
  names?: Record<string, string>;
}

export const SET_IDS: readonly CriteriaSetId[] = ["2021-2025", "2026-2030"];
const ROLE_SET: ReadonlySet<string> = new Set(INPUT_ROLES);
const LETTERS = /^[A-Za-z]{1,3}$/;

export interface MappingCheck {
  mapping: ColumnMapping;
  /** What was left out, in plain words (English; the callers word the message for the planner). */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isHeaderRows(v: unknown): v is HeaderRows {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1;
  if (!isRecord(v)) return false;
  const { first, last } = v;
  return (
    typeof first === "number" &&
    typeof last === "number" &&
    Number.isInteger(first) &&
    Number.isInteger(last) &&
    first >= 1 &&
    last >= first
  );
}

/**
 * Checks a parsed value part by part: what is well formed is kept, everything else is listed in
 * `problems`. Null when the value is not a mapping at all (not an object, an array, a string).
 */
export function parseColumnMapping(value: unknown): MappingCheck | null {
  if (!isRecord(value)) return null;
  const problems: string[] = [];
  const out: ColumnMapping = {};
  const known = new Set(["sheets", "ignoredSheets", "headerRows", "columns", "settings", "names"]);
  for (const key of Object.keys(value)) if (!known.has(key)) problems.push(`unknown part "${key}"`);

  const byRole = <T>(
    part: string,
    check: (v: unknown) => v is T,
  ): Partial<Record<ReadRole, T>> | undefined => {
    const raw = value[part];
    if (raw === undefined) return undefined;
    if (!isRecord(raw)) {
      problems.push(`"${part}" is not an object`);
      return undefined;
    }
    const kept: Partial<Record<ReadRole, T>> = {};
    for (const [role, v] of Object.entries(raw)) {
      if (!ROLE_SET.has(role)) problems.push(`${part}: unknown role "${role}"`);
      else if (!check(v)) problems.push(`${part}.${role}: not valid`);
      else kept[role as ReadRole] = v;
    }
    return Object.keys(kept).length > 0 ? kept : undefined;
  };
  const isName = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
  const isColumns = (v: unknown): v is Record<string, string> =>
    isRecord(v) &&
    Object.values(v).every((letters) => typeof letters === "string" && LETTERS.test(letters.trim()));

  const sheets = byRole("sheets", isName);
  if (sheets) out.sheets = sheets;
  const headerRows = byRole("headerRows", isHeaderRows);
  if (headerRows) out.headerRows = headerRows;
  const columns = byRole("columns", isColumns);
  if (columns)
    out.columns = Object.fromEntries(
      Object.entries(columns).map(([role, cols]) => [
        role,
        Object.fromEntries(Object.entries(cols!).map(([k, letters]) => [k, letters.trim().toUpperCase()])),
      ]),
    );

  const ignored = value.ignoredSheets;
  if (ignored !== undefined) {
    if (Array.isArray(ignored) && ignored.every(isName)) {
      if (ignored.length > 0) out.ignoredSheets = [...ignored];
    } else problems.push(`"ignoredSheets" is not a list of sheet names`);
  }
  const settings = value.settings;
  if (settings !== undefined) {
    const kept = parseOverrides(settings, problems);
    if (kept) out.settings = kept;
  }
  const names = value.names;
  if (names !== undefined) {
    if (isRecord(names) && Object.values(names).every(isName)) {
      if (Object.keys(names).length > 0) out.names = { ...(names as Record<string, string>) };
    } else problems.push(`"names" is not an object of GSO codes`);
  }
  return { mapping: out, problems };
}

function parseOverrides(value: unknown, problems: string[]): SettingOverrides | undefined {
  if (!isRecord(value)) {
    problems.push(`"settings" is not an object`);
    return undefined;
  }
  const out: SettingOverrides = {};
  const { year, provinceCode, setId, moneyUnit, region } = value;
  if (year !== undefined) {
    if (typeof year === "number" && Number.isInteger(year) && year >= 1990 && year <= 2100) out.year = year;
    else problems.push(`settings.year: not a year`);
  }
  if (provinceCode !== undefined) {
    if (typeof provinceCode === "string" && /^\d{1,3}$/.test(provinceCode.trim()))
      out.provinceCode = provinceCode.trim();
    else problems.push(`settings.provinceCode: not a GSO province code`);
  }
  if (setId !== undefined) {
    if (SET_IDS.includes(setId as CriteriaSetId)) out.setId = setId as CriteriaSetId;
    else problems.push(`settings.setId: unknown criteria set`);
  }
  if (moneyUnit !== undefined) {
    if (typeof moneyUnit === "string" && moneyUnit.trim() !== "") out.moneyUnit = moneyUnit.trim();
    else problems.push(`settings.moneyUnit: empty`);
  }
  if (region !== undefined) {
    if (REGION_CODES.includes(region as RegionCode)) out.region = region as RegionCode;
    else problems.push(`settings.region: unknown region`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** True when a mapping has nothing in it. */
export function isEmptyMapping(m: ColumnMapping | undefined): boolean {
  if (!m) return true;
  const count = (o: object | undefined) => (o ? Object.keys(o).length : 0);
  return (
    count(m.sheets) === 0 &&
    count(m.headerRows) === 0 &&
    count(m.settings) === 0 &&
    count(m.names) === 0 &&
    (m.ignoredSheets?.length ?? 0) === 0 &&
    Object.values(m.columns ?? {}).every((c) => count(c) === 0)
  );
}

/** `mapping` with the column of `key` on `role`'s sheet set to `column` (letters), or cleared (null). */
export function withColumn(
  mapping: ColumnMapping,
  role: ReadRole,
  key: string,
  column: string | null,
): ColumnMapping {
  const roleColumns = { ...(mapping.columns?.[role] ?? {}) };
  if (column === null) delete roleColumns[key];
  else roleColumns[key] = column.toUpperCase();
  const columns = { ...(mapping.columns ?? {}) };
  if (Object.keys(roleColumns).length > 0) columns[role] = roleColumns;
  else delete columns[role];
  return prune({ ...mapping, columns });
}

/** `mapping` with `role` read from `sheet` (null: found as usual) with its headers on `headerRows` (null: found). */
export function withSheet(
  mapping: ColumnMapping,
  role: ReadRole,
  sheet: string | null,
  headerRows: HeaderRows | null,
): ColumnMapping {
  const sheets = { ...(mapping.sheets ?? {}) };
  if (sheet === null) delete sheets[role];
  else sheets[role] = sheet;
  const rows = { ...(mapping.headerRows ?? {}) };
  if (headerRows === null) delete rows[role];
  else rows[role] = headerRows;
  return prune({ ...mapping, sheets, headerRows: rows });
}

/** `mapping` with `sheet` left out of the reading (or read again, with false). */
export function withIgnoredSheet(mapping: ColumnMapping, sheet: string, ignored: boolean): ColumnMapping {
  const rest = (mapping.ignoredSheets ?? []).filter((s) => s !== sheet);
  return prune({ ...mapping, ignoredSheets: ignored ? [...rest, sheet] : rest });
}

/** `mapping` with one setting set (or cleared, with undefined). */
export function withSetting<K extends keyof SettingOverrides>(
  mapping: ColumnMapping,
  key: K,
  value: SettingOverrides[K] | undefined,
): ColumnMapping {
  const settings: SettingOverrides = { ...(mapping.settings ?? {}) };
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  return prune({ ...mapping, settings });
}

/** `mapping` with the unit of the name typed at `sheet!cell` set to `code` (or cleared, with null). */
export function withName(mapping: ColumnMapping, at: string, code: string | null): ColumnMapping {
  const names = { ...(mapping.names ?? {}) };
  if (code === null) delete names[at];
  else names[at] = code;
  return prune({ ...mapping, names });
}

/** Drops empty parts, so an emptied mapping compares equal to `{}`. */
function prune(m: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  if (m.sheets && Object.keys(m.sheets).length > 0) out.sheets = m.sheets;
  if (m.ignoredSheets && m.ignoredSheets.length > 0) out.ignoredSheets = m.ignoredSheets;
  if (m.headerRows && Object.keys(m.headerRows).length > 0) out.headerRows = m.headerRows;
  if (m.columns && Object.keys(m.columns).length > 0) out.columns = m.columns;
  if (m.settings && Object.keys(m.settings).length > 0) out.settings = m.settings;
  if (m.names && Object.keys(m.names).length > 0) out.names = m.names;
  return out;
}

/** The 0-based band of a HeaderRows value. */
export function bandOfHeaderRows(rows: HeaderRows): { first: number; last: number } {
  return typeof rows === "number"
    ? { first: rows - 1, last: rows - 1 }
    : { first: rows.first - 1, last: rows.last - 1 };
}
