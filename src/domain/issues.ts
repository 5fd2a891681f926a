import type { CellRef, Issue, Severity } from "./types";

/** Builds an Issue located at `ref` (sheet + cell) when known. */
export function makeIssue(
  severity: Severity,
  code: string,
  ref: CellRef | undefined,
  params: Issue["params"] = {},
): Issue {
  const issue: Issue = { severity, code, params };
  if (ref) {
    issue.sheet = ref.sheet;
    issue.cell = ref.cell;
  }
  return issue;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders issues by severity, then sheet, then row and column of the cell. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    a.code.localeCompare(b.code)
  );
}

function cellOrder(cell: string | undefined): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}
