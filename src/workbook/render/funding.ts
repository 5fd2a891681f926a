/**
 * "KQ Nguồn vốn" / "Res Funding": one row per locality with a funding result (plan total, each root
 * source's amount and share, actual total, disbursement rate), then the funding flags naming the
 * localities. Also the source-tree helpers the province summary uses.
 */
import type { FundingFlag, FundingResult, SourceCode, SourceNode } from "../../domain/types";
import { t } from "../../i18n";
import { compareCodes, compareLevels, type RenderContext } from "./context";
import { levelLabel, sourceLabel } from "./labels";
import {
  columnIndexes,
  FMT_AMOUNT,
  FMT_RATIO,
  FMT_SHARE,
  SheetDraft,
  titleBlock,
  type Column,
} from "./sheet";
import type { OutCell, SheetSpec } from "../sheetSpec";

/** Root sources (no parent in the tree) in the order of the source list; from the data when the list is empty. */
export function rootSources(sources: readonly SourceNode[], funding: readonly FundingResult[]): SourceCode[] {
  const known = new Set(sources.map((s) => s.code));
  const roots = sources.filter((s) => s.parent === undefined || !known.has(s.parent)).map((s) => s.code);
  if (roots.length > 0) return roots;
  const seen = new Set<string>();
  for (const f of funding) for (const c of Object.keys(f.bySource)) seen.add(c);
  return [...seen].sort(compareCodes);
}

/** Sources depth-first from the roots, each with its depth (0 for a root). */
export function sourceTree(
  sources: readonly SourceNode[],
  funding: readonly FundingResult[],
): { code: SourceCode; depth: number }[] {
  const children = new Map<string, SourceCode[]>();
  for (const s of sources) {
    if (s.parent === undefined) continue;
    const list = children.get(s.parent) ?? [];
    list.push(s.code);
    children.set(s.parent, list);
  }
  const out: { code: SourceCode; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (code: SourceCode, depth: number) => {
    if (seen.has(code)) return; // a cycle in the user's list: show each source once
    seen.add(code);
    out.push({ code, depth });
    for (const c of children.get(code) ?? []) walk(c, depth + 1);
  };
  for (const r of rootSources(sources, funding)) walk(r, 0);
  return out;
}

const FLAG_ORDER: Record<FundingFlag["kind"], number> = { unmetWithoutMoney: 0, lowCounterpart: 1 };

export function renderFunding(ctx: RenderContext, sheetName: string): SheetSpec {
  const { lang, currencyUnit: unit } = ctx;
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.funding", { ...ctx.title, currencyUnit: unit });

  const funding = [...ctx.result.funding].sort(
    (a, b) =>
      compareLevels(a.level, b.level) ||
      compareCodes(parentCode(ctx, a), parentCode(ctx, b)) ||
      compareCodes(a.code, b.code),
  );
  const roots = rootSources(ctx.input.sources, ctx.result.funding);
  const columns: Column[] = [
    { key: "code", header: t(lang, "render.col.localityCode"), width: 12 },
    { key: "name", header: t(lang, "render.col.localityName"), width: 24 },
    { key: "level", header: t(lang, "render.col.level"), width: 9 },
    { key: "total", header: t(lang, "render.col.planTotal", { unit }), width: 14 },
    ...roots.flatMap((code) => {
      const source = sourceLabel(lang, code);
      return [
        { key: `amount:${code}`, header: t(lang, "render.col.sourceAmount", { source, unit }), width: 14 },
        { key: `share:${code}`, header: t(lang, "render.col.sourceShare", { source }), width: 10 },
      ];
    }),
    { key: "actual", header: t(lang, "render.col.actualAmount", { unit }), width: 14 },
    { key: "disbursement", header: t(lang, "render.col.disbursement"), width: 11 },
  ];
  const col = columnIndexes(columns);

  let freezeRows: number | undefined;
  if (funding.length === 0) {
    d.note(t(lang, "render.funding.none"));
  } else {
    freezeRows = d.header(columns.map((c) => c.header)) + 1;
    const first = d.next;
    for (const f of funding) {
      const row: OutCell[] = new Array<OutCell>(columns.length).fill(null);
      row[col.code] = f.code;
      row[col.name] = ctx.nameOf(f.code, f.level);
      row[col.level] = levelLabel(lang, f.level);
      row[col.total] = f.total;
      for (const code of roots) {
        row[col[`amount:${code}`]] = f.bySource[code] ?? 0;
        row[col[`share:${code}`]] = f.shares[code] ?? (f.total > 0 ? 0 : null);
      }
      row[col.actual] = f.actual.total;
      row[col.disbursement] = f.disbursementRate;
      d.push(row);
    }
    const last = d.next - 1;
    d.format(first, col.total, last, col.total, FMT_AMOUNT);
    for (const code of roots) {
      d.format(first, col[`amount:${code}`], last, col[`amount:${code}`], FMT_AMOUNT);
      d.format(first, col[`share:${code}`], last, col[`share:${code}`], FMT_SHARE);
      d.dataBar(first, col[`share:${code}`], last);
    }
    d.format(first, col.actual, last, col.actual, FMT_AMOUNT);
    d.format(first, col.disbursement, last, col.disbursement, FMT_SHARE);
    d.dataBar(first, col.disbursement, last);
  }

  // Flags: what the money plan leaves out.
  d.blank();
  d.section(t(lang, "render.funding.flags"));
  const flags = [...ctx.result.fundingFlags].sort(
    (a, b) =>
      FLAG_ORDER[a.kind] - FLAG_ORDER[b.kind] ||
      compareCodes(a.locality, b.locality) ||
      (a.kind === "unmetWithoutMoney" && b.kind === "unmetWithoutMoney"
        ? compareCodes(a.criterion, b.criterion)
        : 0),
  );
  if (flags.length === 0) {
    d.note(t(lang, "render.funding.noFlags"));
  } else {
    // Code and name line up with the table above; the flag text comes last so it can run over the
    // empty cells to its right instead of widening a column.
    d.header([
      t(lang, "render.col.localityCode"),
      t(lang, "render.col.localityName"),
      t(lang, "render.col.criterion"),
      t(lang, "render.col.counterpartRatio"),
      t(lang, "render.col.requiredRatio"),
      t(lang, "render.col.flag"),
    ]);
    const first = d.next;
    const unmetText = t(lang, "render.flag.unmetWithoutMoney");
    const lowText = t(lang, "render.flag.lowCounterpart");
    for (const f of flags) {
      const name = ctx.nameOf(f.locality);
      if (f.kind === "unmetWithoutMoney") d.push([f.locality, name, f.criterion, null, null, unmetText]);
      else d.push([f.locality, name, null, f.ratio, f.required, lowText]);
    }
    d.format(first, 3, d.next - 1, 4, FMT_RATIO);
  }

  return d.build({
    columnWidths: columns.map((c) => c.width),
    freeze: freezeRows !== undefined ? { rows: freezeRows, columns: 2 } : undefined,
  });
}

function parentCode(ctx: RenderContext, f: FundingResult): string {
  if (f.level !== "commune") return "";
  return ctx.resultOf("commune", f.code)?.parent ?? ctx.inputOf("commune", f.code)?.parent ?? "";
}
