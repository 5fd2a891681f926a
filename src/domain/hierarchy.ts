/**
 * The locality tree: province → district (optional, absent after 1/7/2025) → commune → village
 * (optional). Validates codes and parent links and reports problems as issues.
 *
 * Localities are addressed by their position in `all`, so that the engine walks arrays rather
 * than string-keyed maps.
 */
import { makeIssue } from "./issues";
import type { Issue, Level, Locality, LocalityCode } from "./types";

export const LEVELS_TOP_DOWN: readonly Level[] = ["province", "district", "commune", "village"];

export interface Hierarchy {
  /** Localities kept (first occurrence of each code per level), in input order. */
  all: Locality[];
  /** Positions in `all` of each level's localities, in input order. */
  byLevel: Record<Level, number[]>;
  /** Position in `all` of each locality's parent; -1 for a root. */
  parent: Int32Array;
  /** Level → code → position in `all`. */
  index: Record<Level, Map<LocalityCode, number>>;
  issues: Issue[];
}

/**
 * Builds the tree. Rules:
 * - a code listed twice at the same level keeps the first row (error issue on the second);
 * - a parent must be a known locality of a higher level; the nearest higher level is tried first
 *   (a commune's parent is a district, or the province when there are no districts);
 * - a locality without a usable parent hangs under the single province when there is exactly one.
 */
export function buildHierarchy(localities: readonly Locality[]): Hierarchy {
  const issues: Issue[] = [];
  const index: Record<Level, Map<LocalityCode, number>> = {
    province: new Map(),
    district: new Map(),
    commune: new Map(),
    village: new Map(),
  };
  const byLevel: Record<Level, number[]> = { province: [], district: [], commune: [], village: [] };
  const all: Locality[] = [];
  for (const l of localities) {
    const sameLevel = index[l.level];
    const first = sameLevel.get(l.code);
    if (first !== undefined) {
      const ref = all[first].ref;
      issues.push(
        makeIssue("error", "DUPLICATE_LOCALITY", l.ref, {
          code: l.code,
          name: l.name,
          first: ref ? `${ref.sheet}!${ref.cell}` : "",
        }),
      );
      continue;
    }
    sameLevel.set(l.code, all.length);
    byLevel[l.level].push(all.length);
    all.push(l);
  }

  const soleProvince = byLevel.province.length === 1 ? byLevel.province[0] : -1;
  const parent = new Int32Array(all.length).fill(-1);
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    if (l.level === "province") continue;
    let p = -1;
    if (l.parent !== undefined && l.parent !== "") {
      p = findParent(l, index);
      if (p < 0) {
        issues.push(
          makeIssue("warning", "UNKNOWN_PARENT", l.ref, { code: l.code, name: l.name, parent: l.parent }),
        );
      }
    }
    parent[i] = p >= 0 ? p : soleProvince;
  }
  return { all, byLevel, parent, index, issues };
}

/** Levels a locality's parent may be at, nearest first: a commune's is a district, else the province. */
const PARENT_LEVELS: Record<Level, Level[]> = {
  province: [],
  district: ["province"],
  commune: ["district", "province"],
  village: ["commune", "district", "province"],
};

function findParent(l: Locality, index: Hierarchy["index"]): number {
  for (const level of PARENT_LEVELS[l.level]) {
    const p = index[level].get(l.parent!);
    if (p !== undefined) return p;
  }
  return -1;
}
