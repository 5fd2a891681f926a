/**
 * "KQ Cảnh báo" / "Res Issues": every issue of the run in the user's language, errors first, then by
 * sheet and by position on the sheet.
 */
import type { Issue, Severity } from "../../domain/types";
import { t } from "../../i18n";
import { parseCellAddress, rangeAddress } from "../a1";
import { compareCodes, compareText, type RenderContext } from "./context";
import { issueText, labelStyles, SEVERITY_STYLES, severityLabel } from "./labels";
import { SheetDraft, titleBlock } from "./sheet";
import type { SheetSpec } from "../sheetSpec";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Issues in display order: severity, then sheet (issues without a sheet first), then row and column. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const pos = new Map<Issue, { row: number; col: number }>();
  for (const i of issues) {
    const p = i.cell ? parseCellAddress(i.cell) : null;
    pos.set(i, p ? { row: p.row, col: p.col } : { row: -1, col: -1 });
  }
  return [...issues].sort((a, b) => {
    const pa = pos.get(a) as { row: number; col: number };
    const pb = pos.get(b) as { row: number; col: number };
    return (
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.sheet ?? "", b.sheet ?? "") ||
      pa.row - pb.row ||
      pa.col - pb.col ||
      compareCodes(a.code, b.code)
    );
  });
}

export function renderIssues(ctx: RenderContext, sheetName: string, issues: readonly Issue[]): SheetSpec {
  const { lang } = ctx;
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.issues", ctx.title);
  const headerRow = d.header([
    t(lang, "render.col.severity"),
    t(lang, "render.col.sheet"),
    t(lang, "render.col.issueCell"),
    t(lang, "render.col.message"),
    t(lang, "render.col.code"),
  ]);
  const first = d.next;
  for (const i of sortIssues(issues)) {
    d.push([
      severityLabel(lang, i.severity),
      i.sheet ?? "",
      i.cell ?? "",
      issueText(lang, i, { withPlace: false }),
      i.code,
    ]);
  }
  const last = d.next - 1;
  if (issues.length === 0) d.note(t(lang, "render.issues.none"));
  else d.style({ range: rangeAddress(first, 3, last, 3), wrap: true, verticalAlign: "top" });
  d.textRules(
    first,
    0,
    last,
    0,
    labelStyles(SEVERITY_STYLES, (s) => severityLabel(lang, s)),
  );
  return d.build({ columnWidths: [11, 20, 8, 90, 26], freeze: { rows: headerRow + 1, columns: 0 } });
}
