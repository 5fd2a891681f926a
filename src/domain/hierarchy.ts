/**
 * The locality tree: province → district (optional, absent after 1/7/2025) → commune → village
 * (optional). Validates codes and parent links and reports problems as issues.
 */
import { makeIssue } from "./issues";
import type { Issue, Level, Locality } from "./types";

const DEPTH: Record<Level, number> = { province: 0, district: 1, commune: 2, village: 3 };

export interface Hierarchy {
  /** Localities kept (first occurrence of each code per level), in input order. */
  all: Locality[];
  byLevel: Record<Level, Locality[]>;
  /** Resolved parent key of each locality key ("level:code"); undefined for roots. */
  parentOf: Map<string, string | undefined>;
  childrenOf: Map<string, Locality[]>;
  byKey: Map<string, Locality>;
  issues: Issue[];
}

export function localityKey(l: Pick<Locality, "level" | "code">): string {
  return `${l.level}:${l.code}`;
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
  const byKey = new Map<string, Locality>();
  const byLevel: Record<Level, Locality[]> = { province: [], district: [], commune: [], village: [] };
  const all: Locality[] = [];
  for (const l of localities) {
    const key = localityKey(l);
    const first = byKey.get(key);
    if (first) {
      issues.push(
        makeIssue("error", "DUPLICATE_LOCALITY", l.ref, {
          code: l.code,
          name: l.name,
          first: first.ref ? `${first.ref.sheet}!${first.ref.cell}` : "",
        }),
      );
      continue;
    }
    byKey.set(key, l);
    byLevel[l.level].push(l);
    all.push(l);
  }

  const provinces = byLevel.province;
  const soleProvince = provinces.length === 1 ? provinces[0] : undefined;
  const parentOf = new Map<string, string | undefined>();
  const childrenOf = new Map<string, Locality[]>();

  for (const l of all) {
    const key = localityKey(l);
    let parentKey: string | undefined;
    if (l.level !== "province") {
      if (l.parent !== undefined && l.parent !== "") {
        parentKey = findParent(l, byKey);
        if (!parentKey) {
          issues.push(
            makeIssue("warning", "UNKNOWN_PARENT", l.ref, { code: l.code, name: l.name, parent: l.parent }),
          );
        }
      }
      if (!parentKey && soleProvince && DEPTH[l.level] > 0) parentKey = localityKey(soleProvince);
    }
    parentOf.set(key, parentKey);
    if (parentKey) {
      let list = childrenOf.get(parentKey);
      if (!list) childrenOf.set(parentKey, (list = []));
      list.push(l);
    }
  }
  return { all, byLevel, parentOf, childrenOf, byKey, issues };
}

/** Levels a locality's parent may be at, nearest first: a commune's is a district, else the province. */
const PARENT_LEVELS: Record<Level, Level[]> = {
  province: [],
  district: ["province"],
  commune: ["district", "province"],
  village: ["commune", "district", "province"],
};

function findParent(l: Locality, byKey: Map<string, Locality>): string | undefined {
  for (const level of PARENT_LEVELS[l.level]) {
    const key = `${level}:${l.parent}`;
    if (byKey.has(key)) return key;
  }
  return undefined;
}

/** All descendants of `key` at `level`, in input order. */
export function descendantsAt(h: Hierarchy, key: string, level: Level): Locality[] {
  const out: Locality[] = [];
  const walk = (k: string) => {
    for (const child of h.childrenOf.get(k) ?? []) {
      if (child.level === level) out.push(child);
      else if (DEPTH[child.level] < DEPTH[level]) walk(localityKey(child));
    }
  };
  walk(key);
  return out;
}
