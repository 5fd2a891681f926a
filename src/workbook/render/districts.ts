/**
 * "KQ Huyện" / "Res Districts": one row per district with its communes' attainment (counts and
 * shares, with data bars), the district's own requirements (H1…) and its status.
 */
import type { LocalityResult, Rollup } from "../../domain/types";
import { t } from "../../i18n";
import { rangeAddress } from "../a1";
import { compareCodes, type RenderContext } from "./context";
import { criterionHeading, criterionOutcomeLabel, statusLabel, criteriaAndStatusRules } from "./labels";
import {
  columnIndexes,
  FMT_AVERAGE,
  FMT_SHARE,
  HEADER_FILL,
  SheetDraft,
  titleBlock,
  type Column,
} from "./sheet";
import type { OutCell, SheetSpec } from "../sheetSpec";

const SHARE_KEYS = ["ntmShare", "advancedShare", "modelShare"] as const;

export function renderDistricts(ctx: RenderContext, sheetName: string): SheetSpec {
  const { lang } = ctx;
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.districts", ctx.title);

  const rollups = new Map<string, Rollup>();
  for (const r of ctx.result.rollups)
    if (r.level === "district" && !rollups.has(r.code)) rollups.set(r.code, r);
  // Every district that has a result or a rollup, in code order.
  const districts: { code: string; name: string; result?: LocalityResult }[] = ctx.districts.map((r) => ({
    code: r.code,
    name: r.name,
    result: r,
  }));
  const known = new Set(districts.map((x) => x.code));
  for (const r of rollups.values()) if (!known.has(r.code)) districts.push({ code: r.code, name: r.name });
  districts.sort((a, b) => compareCodes(a.code, b.code));
  if (districts.length === 0) {
    d.note(t(lang, "render.districts.none"));
    return d.build({ columnWidths: [80] });
  }

  const crits = ctx.criteriaColumns("district");
  const columns: Column[] = [
    { key: "code", header: t(lang, "render.col.districtCode"), width: 11 },
    { key: "name", header: t(lang, "render.col.districtName"), width: 22 },
    { key: "communes", header: t(lang, "render.col.communes"), width: 8 },
    { key: "ntm", header: t(lang, "render.col.ntm"), width: 9 },
    { key: "ntmShare", header: t(lang, "render.col.ntmShare"), width: 10 },
    { key: "advanced", header: t(lang, "render.col.advanced"), width: 10 },
    { key: "advancedShare", header: t(lang, "render.col.advancedShare"), width: 10 },
    { key: "model", header: t(lang, "render.col.model"), width: 10 },
    { key: "modelShare", header: t(lang, "render.col.modelShare"), width: 10 },
    { key: "below15", header: t(lang, "render.col.below15"), width: 10 },
    { key: "average", header: t(lang, "render.col.averageCriteria"), width: 10 },
    ...crits.map((c) => ({ key: `crit:${c.key}`, header: c.key, width: 8 })),
    { key: "status", header: t(lang, "render.col.status"), width: 16 },
  ];
  const col = columnIndexes(columns);
  const firstCrit = col.average + 1;
  const lastCrit = firstCrit + crits.length - 1;

  if (crits.length > 0) {
    const names: OutCell[] = new Array<OutCell>(lastCrit + 1).fill(null);
    crits.forEach((c, i) => {
      names[firstCrit + i] = criterionHeading(lang, c.tier, ctx.nameIn(c));
    });
    const r = d.push(names);
    d.style({
      range: rangeAddress(r, firstCrit, r, lastCrit),
      fill: HEADER_FILL,
      wrap: true,
      fontSize: 9,
      verticalAlign: "bottom",
    });
  }
  const headerRow = d.header(columns.map((c) => c.header));
  const first = d.next;

  for (const x of districts) {
    const roll = rollups.get(x.code);
    const row: OutCell[] = new Array<OutCell>(columns.length).fill(null);
    row[col.code] = x.code;
    row[col.name] = x.name;
    if (roll) {
      row[col.communes] = roll.communes;
      row[col.ntm] = roll.ntm;
      row[col.ntmShare] = roll.ntmShare;
      row[col.advanced] = roll.advanced;
      row[col.advancedShare] = roll.advancedShare;
      row[col.model] = roll.model;
      row[col.modelShare] = roll.modelShare;
      row[col.below15] = roll.below15;
      row[col.average] = roll.averageCriteria;
    }
    crits.forEach((c, i) => {
      const o = x.result?.criteria[c.key]?.outcome;
      if (o !== undefined) row[firstCrit + i] = criterionOutcomeLabel(lang, o);
    });
    const status = roll?.status ?? x.result?.status;
    row[col.status] = status ? statusLabel(lang, status) : "";
    d.push(row);
  }
  const last = d.next - 1;

  for (const k of SHARE_KEYS) {
    d.format(first, col[k], last, col[k], FMT_SHARE);
    d.dataBar(first, col[k], last);
  }
  d.format(first, col.average, last, col.average, FMT_AVERAGE);
  criteriaAndStatusRules(d, lang, first, last, firstCrit, lastCrit, col.status);

  return d.build({
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1, columns: 2 },
  });
}
