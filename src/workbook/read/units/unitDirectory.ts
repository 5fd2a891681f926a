/**
 * The GSO unit lists as a directory to match names against, built once from the TSV text (the caller
 * reads the file: this module runs in the task pane too).
 * - "2024-11": data/units/vietnam-units-2024-11.tsv, province › district › commune for all 63 provinces;
 * - "2025-07": data/units/hatinh-units-2025-07.tsv, Hà Tĩnh's 69 communes from 1/7/2025, no district
 *   level: each commune sits directly under province 42.
 */
import { accentedName, foldName, type UnitType } from "./nameKey";
import { parseTsv } from "./tsv";

export type UnitListId = "2024-11" | "2025-07";
export type UnitLevel = "province" | "district" | "commune";

export interface Unit {
  code: string;
  /** As in the list, with its type word ("Xã Trung Lộc"); spaces trimmed and collapsed. */
  name: string;
  type: UnitType;
  level: UnitLevel;
  /** The district of a commune (absent in 2025-07), the province of a district. */
  parentCode?: string;
  provinceCode: string;
}

/** A unit with the keys its name is matched by. */
export interface UnitEntry {
  readonly unit: Unit;
  /** The folded name without its type word: "trung loc". */
  readonly key: string;
  /** The same, with diacritics: "trung lộc". */
  readonly accented: string;
}

export interface UnitDirectory {
  readonly list: UnitListId;
  byCode(code: string): Unit | undefined;
  provinces(): readonly Unit[];
  /** A province's districts (its communes in 2025-07), a district's communes; [] for anything else. */
  children(code: string): readonly Unit[];
  /** The units of a level whose name without type word folds to `key`. */
  withKey(level: UnitLevel, key: string): readonly UnitEntry[];
  /** The units of a level in a province or district (every one of the level when `within` is absent). */
  entriesWithin(level: UnitLevel, within?: string): readonly UnitEntry[];
}

/** The types each level's units may have ("Thành phố" is a province or a district). */
export const LEVEL_TYPES: Readonly<Record<UnitLevel, readonly UnitType[]>> = {
  province: ["Tỉnh", "Thành phố"],
  district: ["Huyện", "Quận", "Thị xã", "Thành phố"],
  commune: ["Xã", "Phường", "Thị trấn"],
};

const LEVELS: readonly UnitLevel[] = ["province", "district", "commune"];

/** Hà Tĩnh, the province of the 2025-07 list. */
const HA_TINH = { code: "42", name: "Tỉnh Hà Tĩnh" } as const;

const tidyName = (name: string): string => name.trim().replace(/\s+/g, " ");

/** Whether `name` begins with the type word `type` in any capitalisation ("Thành Phố Bắc Kạn"). */
function startsWithType(name: string, type: string): boolean {
  return (
    name.length > type.length &&
    name[type.length] === " " &&
    name.slice(0, type.length).toLowerCase() === type.toLowerCase()
  );
}

/** The name without its type word: "Thị Trấn Mường Chà" → "Mường Chà" (the whole name if it has none). */
export function unitBaseName(unit: Pick<Unit, "name" | "type">): string {
  return startsWithType(unit.name, unit.type) ? unit.name.slice(unit.type.length + 1) : unit.name;
}

/** The level's type the name begins with; the shipped lists have no other, so anything else is a bug. */
function typeFromName(name: string, level: UnitLevel, file: string): UnitType {
  const type = LEVEL_TYPES[level].find((t) => startsWithType(name, t));
  if (type === undefined) throw new Error(`${file}: no ${level} type word in "${name}"`);
  return type;
}

/** A type column's value, checked against the level ("Thành phố" for a district, not "Phường"). */
function typeFromColumn(value: string, level: UnitLevel, file: string): UnitType {
  const type = LEVEL_TYPES[level].find((t) => t === value.trim());
  if (type === undefined) throw new Error(`${file}: "${value}" is not a ${level} type`);
  return type;
}

function nationalUnits(text: string): Unit[] {
  const file = "vietnam-units-2024-11.tsv";
  const units = new Map<string, Unit>();
  const add = (unit: Unit) => {
    if (!units.has(unit.code)) units.set(unit.code, unit);
  };
  for (const row of parseTsv(text, file)) {
    const provinceCode = row.province_code.trim();
    const districtCode = row.district_code.trim();
    const province = tidyName(row.province);
    add({
      code: provinceCode,
      name: province,
      type: typeFromName(province, "province", file),
      level: "province",
      provinceCode,
    });
    add({
      code: districtCode,
      name: tidyName(row.district),
      type: typeFromColumn(row.district_type, "district", file),
      level: "district",
      parentCode: provinceCode,
      provinceCode,
    });
    const code = row.commune_code.trim();
    if (units.has(code)) throw new Error(`${file}: commune code ${code} twice`);
    add({
      code,
      name: tidyName(row.commune),
      type: typeFromColumn(row.commune_type, "commune", file),
      level: "commune",
      parentCode: districtCode,
      provinceCode,
    });
  }
  return [...units.values()];
}

function haTinh2025Units(text: string): Unit[] {
  const file = "hatinh-units-2025-07.tsv";
  const province: Unit = { ...HA_TINH, type: "Tỉnh", level: "province", provinceCode: HA_TINH.code };
  const communes = parseTsv(text, file).map((row): Unit => {
    const name = tidyName(row.commune_2025);
    return {
      code: row.commune_code_2025.trim(),
      name,
      type: typeFromName(name, "commune", file),
      level: "commune",
      provinceCode: HA_TINH.code,
    };
  });
  return [province, ...communes];
}

/** Appends to the list under `key`, creating it. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The unit a unit sits in: its parent, else (a 2025-07 commune) its province. */
const containerOf = (unit: Unit): string | undefined =>
  unit.parentCode ?? (unit.level === "province" ? undefined : unit.provinceCode);

/** Builds the directory and its indexes (by code, by folded name per level, by containing unit). */
export function unitDirectoryFromTsv(list: UnitListId, text: string): UnitDirectory {
  const units = list === "2024-11" ? nationalUnits(text) : haTinh2025Units(text);
  const byCode = new Map<string, Unit>();
  const children = new Map<string, Unit[]>();
  const byKey = new Map<UnitLevel, Map<string, UnitEntry[]>>(LEVELS.map((l) => [l, new Map()]));
  const within = new Map<string, UnitEntry[]>(); // "level:code", "level:" for all of the level
  for (const unit of units) {
    if (byCode.has(unit.code)) throw new Error(`Unit list ${list}: code ${unit.code} twice`);
    byCode.set(unit.code, unit);
    const base = unitBaseName(unit);
    const entry: UnitEntry = { unit, key: foldName(base), accented: accentedName(base) };
    push(byKey.get(unit.level) as Map<string, UnitEntry[]>, entry.key, entry);
    push(within, `${unit.level}:`, entry);
    push(within, `${unit.level}:${unit.provinceCode}`, entry);
    if (unit.parentCode !== undefined && unit.parentCode !== unit.provinceCode) {
      push(within, `${unit.level}:${unit.parentCode}`, entry);
    }
    const container = containerOf(unit);
    if (container !== undefined) push(children, container, unit);
  }
  const provinces = units.filter((u) => u.level === "province");
  return {
    list,
    byCode: (code) => byCode.get(code),
    provinces: () => provinces,
    children: (code) => children.get(code) ?? [],
    withKey: (level, key) => byKey.get(level)?.get(key) ?? [],
    entriesWithin: (level, code) => within.get(`${level}:${code ?? ""}`) ?? [],
  };
}
