/**
 * The embedded GSO unit lists as the reader uses them: the list of the period (2024-11, with
 * districts, for 2021-2025; Hà Tĩnh's 2025-07 units for 2026-2030), a resolver that matches a
 * workbook's names sheet by sheet and keeps the province it infers, and the place a letterhead names.
 * Who loads the lists' text (files on the command line, a bundled chunk in the pane) is the caller's
 * business. Pure.
 */
import type { CriteriaSetId, Level } from "../../../domain/types";
import type { NameRequest, NameResolver, ResolvedName, UnitCandidate } from "../nameResolver";
import { matchNames, placeFromText, type InferredProvince, type UnitMatch } from "./matchNames";
import { unitNameKey } from "./nameKey";
import {
  LEVEL_TYPES,
  unitDirectoryFromTsv,
  type Unit,
  type UnitDirectory,
  type UnitLevel,
  type UnitListId,
} from "./unitDirectory";

export type UnitLists = Partial<Record<UnitListId, UnitDirectory>>;

/** The list a criteria set's units come from. */
export const LIST_OF_SET: Record<CriteriaSetId, UnitListId> = {
  "2021-2025": "2024-11",
  "2026-2030": "2025-07",
};

/** Builds the lists from the shipped TSV texts. */
export function unitListsFromTsv(texts: Partial<Record<UnitListId, string>>): UnitLists {
  const out: UnitLists = {};
  for (const id of Object.keys(texts) as UnitListId[]) {
    const text = texts[id];
    if (text !== undefined) out[id] = unitDirectoryFromTsv(id, text);
  }
  return out;
}

/** A resolver that also says which province it settled on. */
export interface WorkbookNameResolver extends NameResolver {
  readonly list: UnitListId;
  /** The province the names themselves point to (or the one given). */
  province(): { code: string; name: string; votes?: number; of?: number } | undefined;
}

const UNIT_LEVEL: Partial<Record<Level, UnitLevel>> = {
  province: "province",
  district: "district",
  commune: "commune",
};

export class UnitAccess {
  constructor(readonly lists: UnitLists) {}

  /** The list of the set's period, when it was loaded. */
  listFor(setId: CriteriaSetId): UnitDirectory | undefined {
    return this.lists[LIST_OF_SET[setId]];
  }

  /** The place (province, and district when one is named) a letterhead or title line names. */
  place(text: string): { province?: Unit; district?: Unit } | undefined {
    for (const id of ["2024-11", "2025-07"] as const) {
      const dir = this.lists[id];
      const found = dir ? placeFromText(dir, text) : undefined;
      if (found && (found.province || found.district)) return found;
    }
    return undefined;
  }

  provinceName(code: string): string | undefined {
    for (const dir of Object.values(this.lists)) {
      const unit = dir?.byCode(code);
      if (unit && unit.level === "province") return unit.name;
    }
    return undefined;
  }

  /** A resolver over the set's list, within `provinceCode` when given. */
  resolver(setId: CriteriaSetId, provinceCode?: string): WorkbookNameResolver | undefined {
    const dir = this.listFor(setId);
    // A list that does not hold the province (2025-07 is Hà Tĩnh's alone) cannot name its units.
    if (!dir || (provinceCode !== undefined && dir.byCode(provinceCode)?.level !== "province"))
      return undefined;
    return new ListResolver(dir, provinceCode);
  }

  /** A unit of the set's list by its code. */
  unit(setId: CriteriaSetId, code: string): Unit | undefined {
    return this.listFor(setId)?.byCode(code);
  }
}

class ListResolver implements WorkbookNameResolver {
  readonly list: UnitListId;
  private inferred: InferredProvince | undefined;

  constructor(
    private readonly dir: UnitDirectory,
    private provinceCode: string | undefined,
  ) {
    this.list = dir.list;
  }

  province() {
    if (this.provinceCode !== undefined) {
      const unit = this.dir.byCode(this.provinceCode);
      return unit ? { code: unit.code, name: unit.name } : undefined;
    }
    const p = this.inferred;
    return p ? { code: p.province.code, name: p.province.name, votes: p.votes, of: p.of } : undefined;
  }

  resolve(requests: readonly NameRequest[]): ResolvedName[] {
    const out: ResolvedName[] = new Array(requests.length);
    const asked: { i: number; text: string; level: UnitLevel; district?: string }[] = [];
    requests.forEach((r, i) => {
      let level = UNIT_LEVEL[r.level];
      // "Huyện Can Lộc" in a commune column is a district-level line.
      const type = unitNameKey(r.text).type;
      if (level === "commune" && type !== undefined && LEVEL_TYPES.district.includes(type))
        level = "district";
      if (level === undefined) out[i] = { kind: "unmatched", candidates: [] };
      else
        asked.push({ i, text: r.text, level, ...(r.district !== undefined ? { district: r.district } : {}) });
    });
    if (asked.length === 0) return out;
    const province = this.provinceCode ?? this.inferred?.province.code;
    const result = matchNames(
      this.dir,
      asked.map(({ text, level, district }) => ({
        text,
        level,
        ...(district !== undefined ? { district } : {}),
      })),
      province !== undefined ? { provinceCode: province } : {},
    );
    if (province === undefined && result.inferredProvince) this.inferred = result.inferredProvince;
    asked.forEach((a, j) => (out[a.i] = resolved(result.matches[j].match)));
    return out;
  }
}

function candidate(u: Unit): UnitCandidate {
  return { code: u.code, name: u.name };
}

function resolved(m: UnitMatch): ResolvedName {
  if (m.kind === "matched")
    return {
      kind: "matched",
      code: m.unit.code,
      name: m.unit.name,
      unitType: m.unit.type,
      ...(m.unit.parentCode !== undefined ? { parentCode: m.unit.parentCode } : {}),
      candidates: [],
    };
  return { kind: m.kind, candidates: (m.kind === "ambiguous" ? m.candidates : m.nearest).map(candidate) };
}
