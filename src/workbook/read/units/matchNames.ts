/**
 * Matching locality names typed by planners to GSO units (docs/READING.md §4): one name in a scope
 * (matchUnit), a sheet's names with their section rows' districts (matchNames), and the place named
 * in a letterhead or title (placeFromText). Pure: the directory is built from the lists' text.
 */
import { editDistance } from "./editDistance";
import { accentedName, foldName, nameReadings, type NameReading, type UnitType } from "./nameKey";
import { LEVEL_TYPES, type Unit, type UnitDirectory, type UnitEntry, type UnitLevel } from "./unitDirectory";

export type UnitMatch =
  | { kind: "matched"; unit: Unit }
  | { kind: "ambiguous"; candidates: Unit[] }
  | { kind: "unmatched"; nearest: Unit[] };

export interface UnitScope {
  level: UnitLevel;
  /**
   * A province or district code (several: any of them); absent, the whole list. A commune search
   * within a district stays in that district, within a province in the province.
   */
  within?: string | readonly string[];
}

/** How many nearest units an unmatched name lists. */
const NEAREST = 3;

/** What the exact search found; an unmatched name's nearest units are looked for only at the end. */
type Exact = { kind: "matched"; unit: Unit } | { kind: "ambiguous"; candidates: Unit[] } | { kind: "none" };

const NONE: Exact = { kind: "none" };

const codesOf = (within: UnitScope["within"]): readonly string[] | undefined =>
  within === undefined ? undefined : typeof within === "string" ? [within] : within;

const inScope = (unit: Unit, codes: readonly string[] | undefined): boolean =>
  codes === undefined ||
  codes.includes(unit.provinceCode) ||
  (unit.parentCode !== undefined && codes.includes(unit.parentCode));

/**
 * One reading against the units of a level in scope: the key must be equal and a type word, when
 * given, the unit's type. Several units: the one spelt with exactly the typed diacritics, if only
 * one is ("Sa Pả" beside "Sa Pa"), else ambiguous.
 */
function matchReading(
  dir: UnitDirectory,
  reading: NameReading,
  level: UnitLevel,
  codes?: readonly string[],
): Exact {
  if (reading.key === "" || (reading.type !== undefined && !LEVEL_TYPES[level].includes(reading.type)))
    return NONE;
  const entries = dir
    .withKey(level, reading.key)
    .filter((e) => inScope(e.unit, codes) && (reading.type === undefined || e.unit.type === reading.type));
  if (entries.length === 0) return NONE;
  if (entries.length === 1) return { kind: "matched", unit: entries[0].unit };
  const spelt = entries.filter((e) => e.accented === reading.accented);
  if (spelt.length === 1) return { kind: "matched", unit: spelt[0].unit };
  return { kind: "ambiguous", candidates: (spelt.length > 1 ? spelt : entries).map((e) => e.unit) };
}

/** The first reading that finds something: "Phường Phường Đúc" typed "Phường Đúc" is found by the second. */
function matchReadings(
  dir: UnitDirectory,
  readings: readonly NameReading[],
  level: UnitLevel,
  codes?: readonly string[],
): Exact {
  for (const reading of readings) {
    const found = matchReading(dir, reading, level, codes);
    if (found.kind !== "none") return found;
  }
  return NONE;
}

/** The largest edit distance at which a unit still counts as near a typed key. */
export const nearLimit = (key: string): number => Math.max(2, Math.floor(key.length / 4));

/** Up to three units of the level in scope whose keys are nearest the typed key, best first. */
function nearestUnits(dir: UnitDirectory, key: string, level: UnitLevel, codes?: readonly string[]): Unit[] {
  if (key === "") return [];
  const max = nearLimit(key);
  const pools =
    codes === undefined ? [dir.entriesWithin(level)] : codes.map((c) => dir.entriesWithin(level, c));
  const near: { entry: UnitEntry; d: number }[] = [];
  const seen = new Set<string>();
  for (const entry of pools.flat()) {
    if (seen.has(entry.unit.code)) continue;
    seen.add(entry.unit.code);
    const d = editDistance(key, entry.key, max);
    if (d <= max) near.push({ entry, d });
  }
  near.sort((x, y) => x.d - y.d || x.entry.unit.code.localeCompare(y.entry.unit.code));
  return near.slice(0, NEAREST).map((n) => n.entry.unit);
}

function finish(exact: Exact, nearest: () => Unit[]): UnitMatch {
  return exact.kind === "none" ? { kind: "unmatched", nearest: nearest() } : exact;
}

/** Matches one typed name among the units of a level, in a province or district when `within` says so. */
export function matchUnit(dir: UnitDirectory, text: string, scope: UnitScope): UnitMatch {
  const readings = nameReadings(text);
  const codes = codesOf(scope.within);
  return finish(matchReadings(dir, readings, scope.level, codes), () =>
    nearestUnits(dir, readings[0].key, scope.level, codes),
  );
}

// ---------------------------------------------------------------------------------------------------
// A sheet's names

export interface NameRequest {
  text: string;
  level: UnitLevel;
  /** The district of the row's section: its name as typed ("II. HUYỆN HƯƠNG KHÊ") or its code. */
  district?: string;
}

export interface NameMatch {
  match: UnitMatch;
  /**
   * The district the name was looked for in: its section's, or, when the section's name fits several
   * districts, the one holding the matched commune.
   */
  district?: Unit;
  /** How the section's district text matched (present when the request gave one). */
  districtMatch?: UnitMatch;
}

export interface InferredProvince {
  province: Unit;
  /** Names matched to one unit of this province, of `of` names matched to one unit in all. */
  votes: number;
  of: number;
}

export interface NameMatchResult {
  /** One per request, in order. */
  matches: NameMatch[];
  /** When no province was given: the one holding more than half the names matched to one unit. */
  inferredProvince?: InferredProvince;
}

/** A request as the passes see it: its readings are worked out once. */
interface Pending {
  readings: NameReading[];
  level: UnitLevel;
  district?: string;
}

/** A request's state after a pass: what it found and where it looked. */
interface Found {
  exact: Exact;
  codes?: readonly string[];
  district?: Unit;
  districtText?: string;
}

/** District texts seen in a sheet, each matched once per province (sections repeat on every row). */
class DistrictTexts {
  private readonly cache = new Map<string, Exact>();
  constructor(private readonly dir: UnitDirectory) {}

  exact(text: string, province?: string): Exact {
    const cacheKey = `${province ?? ""}\t${text}`;
    let found = this.cache.get(cacheKey);
    if (found === undefined) {
      found = this.resolve(text, province);
      this.cache.set(cacheKey, found);
    }
    return found;
  }

  private resolve(text: string, province?: string): Exact {
    const byCode = this.dir.byCode(text.trim());
    if (byCode?.level === "district") return { kind: "matched", unit: byCode };
    return matchReadings(
      this.dir,
      nameReadings(text),
      "district",
      province === undefined ? undefined : [province],
    );
  }
}

/** Where a commune is looked for: its district, else the districts its section may be, else the province. */
function communeScope(district: Exact, province?: string): readonly string[] | undefined {
  if (district.kind === "matched") return [district.unit.code];
  if (district.kind === "ambiguous") return district.candidates.map((u) => u.code);
  return province === undefined ? undefined : [province];
}

function matchOne(dir: UnitDirectory, districts: DistrictTexts, request: Pending, province?: string): Found {
  if (request.level !== "commune") {
    const codes = request.level === "district" && province !== undefined ? [province] : undefined;
    return { exact: matchReadings(dir, request.readings, request.level, codes), codes };
  }
  const districtExact = request.district === undefined ? NONE : districts.exact(request.district, province);
  const codes = communeScope(districtExact, province);
  const exact = matchReadings(dir, request.readings, "commune", codes);
  let district = districtExact.kind === "matched" ? districtExact.unit : undefined;
  if (districtExact.kind === "ambiguous" && exact.kind === "matched" && exact.unit.parentCode !== undefined) {
    district = dir.byCode(exact.unit.parentCode);
  }
  return { exact, codes, district, districtText: request.district };
}

/** The province holding more than half the names matched to one unit, if one does. */
function vote(dir: UnitDirectory, found: readonly Found[]): InferredProvince | undefined {
  const votes = new Map<string, number>();
  let of = 0;
  for (const f of found) {
    if (f.exact.kind !== "matched") continue;
    of++;
    votes.set(f.exact.unit.provinceCode, (votes.get(f.exact.unit.provinceCode) ?? 0) + 1);
  }
  for (const [code, n] of votes) {
    const province = dir.byCode(code);
    if (2 * n > of && province !== undefined) return { province, votes: n, of };
  }
  return undefined;
}

/**
 * An unmatched name's nearest units: for a commune looked for in its district, units of the same
 * name elsewhere in that district's province first (the section may be wrong, or the commune moved),
 * then the nearest in scope.
 */
function nearestFor(dir: UnitDirectory, request: Pending, found: Found): Unit[] {
  const key = request.readings[0].key;
  const near = nearestUnits(dir, key, request.level, found.codes);
  const district = found.district;
  if (request.level !== "commune" || district === undefined) return near;
  const elsewhere = dir
    .withKey("commune", key)
    .map((e) => e.unit)
    .filter((u) => u.provinceCode === district.provinceCode && !inScope(u, found.codes));
  return [...elsewhere, ...near.filter((u) => !elsewhere.includes(u))].slice(0, NEAREST);
}

/**
 * Matches a sheet's names. Section districts are matched first (within the province when known), then
 * each commune within its district, else within the province. With no province given, the province of
 * most names matched to one unit (more than half of them) is inferred and the names not matched are
 * looked for again within it. Edit distances are computed only for the names still unmatched.
 */
export function matchNames(
  dir: UnitDirectory,
  requests: readonly NameRequest[],
  opts: { provinceCode?: string } = {},
): NameMatchResult {
  const pending: Pending[] = requests.map((r) => ({
    readings: nameReadings(r.text),
    level: r.level,
    ...(r.district === undefined ? {} : { district: r.district }),
  }));
  const districts = new DistrictTexts(dir);
  let province = opts.provinceCode;
  let found = pending.map((p) => matchOne(dir, districts, p, province));
  let inferredProvince: InferredProvince | undefined;
  if (province === undefined) {
    inferredProvince = vote(dir, found);
    province = inferredProvince?.province.code;
    if (province !== undefined) {
      const within = province;
      found = found.map((f, i) =>
        f.exact.kind === "matched" ? f : matchOne(dir, districts, pending[i], within),
      );
    }
  }
  const districtMatches = new Map<string, UnitMatch>();
  const districtMatch = (text: string): UnitMatch => {
    let m = districtMatches.get(text);
    if (m === undefined) {
      const readings = nameReadings(text);
      const codes = province === undefined ? undefined : [province];
      m = finish(districts.exact(text, province), () =>
        nearestUnits(dir, readings[0].key, "district", codes),
      );
      districtMatches.set(text, m);
    }
    return m;
  };
  const matches = found.map((f, i): NameMatch => {
    const match = finish(f.exact, () => nearestFor(dir, pending[i], f));
    return {
      match,
      ...(f.district === undefined ? {} : { district: f.district }),
      ...(f.districtText === undefined ? {} : { districtMatch: districtMatch(f.districtText) }),
    };
  });
  return inferredProvince === undefined ? { matches } : { matches, inferredProvince };
}

// ---------------------------------------------------------------------------------------------------
// The place in a letterhead or title

/**
 * Words that introduce a place; "/" separates the forms of a word, with its diacritics or none
 * ("quản lý" is no "quận").
 */
const PLACE_WORDS: readonly { type: UnitType; words: readonly (readonly string[])[] }[] = (
  [
    ["Tỉnh", "tỉnh/tinh"],
    ["Thành phố", "thành/thanh phố/pho"],
    ["Thành phố", "tp"],
    ["Thị xã", "thị/thi xã/xa"],
    ["Thị xã", "tx"],
    ["Huyện", "huyện/huyen"],
    ["Quận", "quận/quan"],
  ] as const
).map(([type, phrase]) => ({ type, words: phrase.split(" ").map((word) => word.split("/")) }));

/** The longest place name that a unit name is, in words. */
const LONGEST_NAME = 6;

const placeLevels = (type: UnitType): UnitLevel[] =>
  (["province", "district"] as const).filter((level) => LEVEL_TYPES[level].includes(type));

interface Place {
  level: UnitLevel;
  units: Unit[];
}

/** The place a type word at `i` introduces: the longest run of following words that is a unit's name. */
function placeAt(
  dir: UnitDirectory,
  words: readonly string[],
  keys: readonly string[],
  i: number,
): Place | undefined {
  for (const place of PLACE_WORDS) {
    const n = place.words.length;
    if (!place.words.every((forms, k) => forms.includes(words[i + k]))) continue;
    for (let len = Math.min(LONGEST_NAME, keys.length - i - n); len >= 1; len--) {
      const key = keys.slice(i + n, i + n + len).join(" ");
      for (const level of placeLevels(place.type)) {
        const units = dir
          .withKey(level, key)
          .map((e) => e.unit)
          .filter((u) => u.type === place.type);
        if (units.length > 0) return { level, units };
      }
    }
  }
  return undefined;
}

/**
 * The province and district named in a letterhead or title line ("UBND TỈNH HÀ TĨNH", "UBND HUYỆN CAN
 * LỘC", "BÁO CÁO … TỈNH HÀ TĨNH NĂM 2022"): a place counts only after a type word and as a whole unit
 * name. The first province named wins; a district is kept when it is one unit (in that province, if
 * one is named) and gives its province when none is named. undefined when no place is named.
 */
export function placeFromText(
  dir: UnitDirectory,
  text: string,
): { province?: Unit; district?: Unit } | undefined {
  const words = accentedName(text).split(" ");
  const keys = words.map(foldName);
  let province: Unit | undefined;
  const districtNames: Unit[][] = [];
  for (let i = 0; i < words.length; i++) {
    const place = placeAt(dir, words, keys, i);
    if (place?.level === "province") province ??= place.units[0];
    else if (place) districtNames.push(place.units);
  }
  const district = districtNames
    .map((units) => units.filter((u) => province === undefined || u.provinceCode === province.code))
    .find((units) => units.length === 1)?.[0];
  province ??= district === undefined ? undefined : dir.byCode(district.provinceCode);
  if (province === undefined && district === undefined) return undefined;
  return { ...(province === undefined ? {} : { province }), ...(district === undefined ? {} : { district }) };
}
