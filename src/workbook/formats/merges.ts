/**
 * Merged ranges as every port hands them to the reader (SheetGrid.merges): canonical A1 ranges
 * ("A5:A7", no "$", corners in order), sorted by top-left cell (row, then column), so the same sheet
 * gives the same list through every port whatever order its file or Excel keeps them in. Pure.
 */
import { parseRangeAddress, rangeAddress } from "../a1";

/**
 * The merged ranges among `refs` in canonical form and order. "$A$5:$A$7" counts as "A5:A7"; a
 * reference that is not a bounded A1 range of two cells or more is dropped (a sheet-qualified one must
 * be stripped first), and so is a repeat.
 */
export function canonicalMerges(refs: Iterable<string>): string[] {
  const found: { r: number; c: number; ref: string }[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const pos = parseRangeAddress(ref);
    if (!pos || (pos.start.row === pos.end.row && pos.start.col === pos.end.col)) continue;
    const canonical = rangeAddress(pos.start.row, pos.start.col, pos.end.row, pos.end.col);
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    found.push({ r: pos.start.row, c: pos.start.col, ref: canonical });
  }
  return found.sort((a, b) => a.r - b.r || a.c - b.c).map((m) => m.ref);
}
