/**
 * "KQ Xã" / "Res Communes": one row per commune with every criterion's outcome, the criteria count,
 * the QĐ 07 band, the status, the criteria not met and what is still needed to decide.
 */
import type { CriterionOutcome } from "../../domain/types";
import { t } from "../../i18n";
import { rangeAddress } from "../a1";
import type { RenderContext } from "./context";
import {
  bandLabel,
  criterionHeading,
  criterionOutcomeLabel,
  regionLabel,
  statusLabel,
  tierLabel,
  criteriaAndStatusRules,
} from "./labels";
import { columnIndexes, HEADER_FILL, SheetDraft, titleBlock, type Column } from "./sheet";
import type { HighlightStyle, OutCell, SheetSpec } from "../sheetSpec";

export function renderCommunes(ctx: RenderContext, sheetName: string): SheetSpec {
  const { lang } = ctx;
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.communes", ctx.title);

  const crits = ctx.criteriaColumns("commune");
  const columns: Column[] = [
    { key: "code", header: t(lang, "render.col.communeCode"), width: 11 },
    { key: "name", header: t(lang, "render.col.communeName"), width: 24 },
    ...(ctx.hasDistricts ? [{ key: "district", header: t(lang, "render.col.district"), width: 20 }] : []),
    { key: "region", header: t(lang, "render.col.region"), width: lang === "en" ? 22 : 14 },
    ...crits.map((c) => ({
      key: `crit:${c.key}`,
      header: c.tier === "ntm" ? t(lang, "render.col.criterionNtm", { code: c.code }) : c.key,
      width: 8,
    })),
    { key: "met", header: t(lang, "render.col.criteriaMet"), width: 9 },
    { key: "total", header: t(lang, "render.col.criteriaTotal"), width: 9 },
    { key: "band", header: t(lang, "render.col.band"), width: 8 },
    { key: "status", header: t(lang, "render.col.status"), width: 16 },
    { key: "unmet", header: t(lang, "render.col.unmet"), width: 20 },
    { key: "needs", header: t(lang, "render.col.needs"), width: 36 },
  ];
  const col = columnIndexes(columns);
  const firstCrit = col.region + 1;
  const lastCrit = firstCrit + crits.length - 1;

  // Criterion names above their code headers, so the header row stays the one right above the data
  // (what Excel's filter and table detection expect).
  if (crits.length > 0) {
    const names: OutCell[] = new Array<OutCell>(lastCrit + 1).fill(null);
    names[col.region] = t(lang, "render.communes.criteriaNames");
    crits.forEach((c, i) => {
      names[firstCrit + i] = criterionHeading(lang, c.tier, ctx.nameIn(c));
    });
    const r = d.push(names);
    d.style({
      range: rangeAddress(r, col.region, r, lastCrit),
      fill: HEADER_FILL,
      wrap: true,
      fontSize: 9,
      verticalAlign: "bottom",
    });
  }
  const headerRow = d.header(columns.map((c) => c.header));
  const first = d.next;

  // Labels once, not once per cell (10,000 communes × 30 criteria at national scale).
  const outcomeText: Record<CriterionOutcome, string> = {
    met: criterionOutcomeLabel(lang, "met"),
    notMet: criterionOutcomeLabel(lang, "notMet"),
    unknown: criterionOutcomeLabel(lang, "unknown"),
  };
  const bandStyles = new Map<string, HighlightStyle>();
  for (const r of ctx.communes) {
    const row: OutCell[] = new Array<OutCell>(columns.length).fill(null);
    row[col.code] = r.code;
    row[col.name] = r.name;
    if (ctx.hasDistricts) row[col.district] = ctx.districtOf(r)?.name ?? "";
    const region = regionLabel(lang, r.effectiveRegion);
    const group = r.group !== undefined ? t(lang, "render.group", { group: String(r.group) }) : "";
    row[col.region] = [region, group].filter(Boolean).join(" · ");
    const unknown: string[] = [];
    crits.forEach((c, i) => {
      const o = r.criteria[c.key]?.outcome;
      if (o === undefined) return;
      row[firstCrit + i] = outcomeText[o];
      if (o === "unknown") unknown.push(c.key);
    });
    row[col.met] = r.criteriaMet;
    row[col.total] = r.criteriaTotal;
    const band = bandLabel(lang, r.band, r.nationalTotal);
    row[col.band] = band;
    if (band) bandStyles.set(band, r.band === "below15" ? "notMet" : r.band === "15to18" ? "near" : "met");
    row[col.status] = statusLabel(lang, r.status);
    row[col.unmet] = r.unmet.join(", ");
    const needs: string[] = [];
    if (r.undecided.length > 0) {
      needs.push(
        t(lang, "render.needs.tiers", { tiers: r.undecided.map((tier) => tierLabel(lang, tier)).join(", ") }),
      );
    }
    if (unknown.length > 0) needs.push(t(lang, "render.needs.criteria", { codes: unknown.join(", ") }));
    row[col.needs] = needs.join("; ");
    d.push(row);
  }
  const last = d.next - 1;
  if (ctx.communes.length === 0) d.note(t(lang, "render.communes.none"));

  criteriaAndStatusRules(d, lang, first, last, firstCrit, lastCrit, col.status);
  d.textRules(
    first,
    col.band,
    last,
    col.band,
    [...bandStyles.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
  );

  return d.build({
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1, columns: 2 },
  });
}
