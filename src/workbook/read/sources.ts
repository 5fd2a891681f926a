/**
 * What a budget column holds, from its whole header path: a funding category ("Ngân sách nhà nước
 * › Trung ương" is NSTW, "Ngân sách trung ương (NSTW)" too), a total ("Tổng số" of its group, or the
 * grand "Tổng cộng"), and whether its amounts are planned or disbursed ("Kế hoạch vốn năm 2022 › …",
 * "Giải ngân › …"). Short names ("Tỉnh", "Xã", "Trung ương") are read only under their parent's
 * header, so "Tỉnh" under "Ngân sách nhà nước" is the provincial budget. Pure.
 */
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import type { BudgetKind, SourceCode } from "../../domain/types";
import { foldText } from "../../domain/text";
import { BUDGET_KIND_LABELS, parseLabel } from "../layout";
import { scoreFieldHeader } from "./headers";
import type { Candidate } from "./sheet";

export type AmountColumn =
  | { kind: "source"; code: SourceCode; group: string; budgetKind?: BudgetKind; year?: number }
  /** A typed total: of a category (`of`), of an unnamed group ("Vốn huy động › Tổng số"), or of all. */
  | { kind: "total"; of?: SourceCode; group: string; budgetKind?: BudgetKind; year?: number };

const TOTAL_WORDS = new Set([
  "tong so",
  "tong cong",
  "cong",
  "tong",
  "tong von",
  "tong nguon von",
  "tong kinh phi",
  "tong muc dau tu",
  "total",
  "tong so von",
]);

const PAREN_CODE = /\(\s*([A-Za-z][A-Za-z_ ]*)\s*\)\s*$/;
const CATEGORY_CODES = new Set(FUNDING_CATEGORIES.map((c) => c.code));
const PARENT = new Map(FUNDING_CATEGORIES.map((c) => [c.code, c.parent]));
const YEAR = /\b(19[9]\d|20\d\d|2100)\b/;

function codeKey(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

/** Funding categories a header may name, best first (code in brackets or alone: 1; names and aliases: 1 or 0.8). */
export function categoryCandidates(header: string): Candidate[] {
  const paren = PAREN_CODE.exec(header);
  if (paren && CATEGORY_CODES.has(codeKey(paren[1])))
    return [{ key: codeKey(paren[1]), score: 1, specificity: 100 }];
  if (CATEGORY_CODES.has(codeKey(header))) return [{ key: codeKey(header), score: 1, specificity: 100 }];
  const out: Candidate[] = [];
  for (const cat of FUNDING_CATEGORIES) {
    let best: Candidate | undefined;
    for (const alias of [cat.nameVi, cat.nameEn, ...cat.aliases]) {
      const score = scoreFieldHeader(header, [alias]);
      if (score <= 0) continue;
      const specificity = foldText(alias).length;
      if (!best || score > best.score || (score === best.score && specificity > best.specificity)) {
        best = { key: cat.code, score, specificity };
      }
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score || b.specificity - a.specificity);
}

function isUnder(code: SourceCode, ancestor: SourceCode): boolean {
  for (let p = PARENT.get(code); p !== undefined; p = PARENT.get(p)) if (p === ancestor) return true;
  return false;
}

/** The category a part of a path names under `context` (a short name there, else anywhere). */
function categoryOf(part: string, context: SourceCode | undefined): SourceCode | undefined {
  const folded = foldText(part);
  if (context !== undefined) {
    for (const cat of FUNDING_CATEGORIES) {
      if (!isUnder(cat.code, context)) continue;
      if ((cat.partNames ?? []).some((n) => foldText(n) === folded)) return cat.code;
    }
  }
  const best = categoryCandidates(part)[0];
  if (!best || best.score < 0.8) return undefined;
  // A name of a category outside the context is not read as that category inside it.
  if (context !== undefined && !isUnder(best.key, context) && best.key !== context) return undefined;
  return best.key;
}

function kindOf(part: string): BudgetKind | undefined {
  const direct = parseLabel(BUDGET_KIND_LABELS, part);
  if (direct) return direct;
  const folded = foldText(part);
  if (/^(ke hoach|du toan|kh)\b/.test(folded)) return "plan";
  if (/^(thuc hien|giai ngan|da giai ngan|quyet toan|th|von da giai ngan)\b/.test(folded)) return "actual";
  return undefined;
}

/** Reads a budget column's header path; null when it names no amount (a name, a note, "STT"). */
export function resolveAmountColumn(path: readonly string[]): AmountColumn | null {
  let context: SourceCode | undefined;
  let budgetKind: BudgetKind | undefined;
  let year: number | undefined;
  const group: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const leaf = i === path.length - 1;
    const folded = foldText(part);
    const kind = kindOf(part);
    if (kind && leaf && context !== undefined)
      return { kind: "source", code: context, group: group.slice(0, -1).join(" › "), ...extra(kind, year) };
    if (kind && !leaf) {
      budgetKind = kind;
      const y = YEAR.exec(folded);
      if (y) year = Number(y[1]);
      continue;
    }
    if (TOTAL_WORDS.has(folded)) {
      if (!leaf) continue;
      return {
        kind: "total",
        ...(context ? { of: context } : {}),
        group: group.join(" › "),
        ...extra(budgetKind, year),
      };
    }
    const code = categoryOf(part, context);
    if (code !== undefined) {
      context = code;
      if (leaf) return { kind: "source", code, group: group.join(" › "), ...extra(budgetKind, year) };
      group.push(part);
      continue;
    }
    if (leaf) return null;
    // A group we do not name ("Vốn huy động"): its parts are read as if at the top.
    group.push(part);
  }
  return null;
}

function extra(budgetKind: BudgetKind | undefined, year: number | undefined) {
  return { ...(budgetKind ? { budgetKind } : {}), ...(year !== undefined ? { year } : {}) };
}
