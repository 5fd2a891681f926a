/**
 * "KQ Tỉnh" / "Res Province": the page a steering committee reads. Five blocks under one title:
 * attainment, the province's own requirements, targets, the hardest indicators and the province
 * funding mix. Column A holds labels; numbers sit in B onwards.
 */
import { criterionKey } from "../../domain/levelPlan";
import type { Bottleneck, MetricKey, TargetResult } from "../../domain/types";
import { SHARE_METRICS } from "../../domain/types";
import { t } from "../../i18n";
import { rangeAddress } from "../a1";
import { compareCodes, type RenderContext } from "./context";
import { sourceTree } from "./funding";
import {
  comparatorSymbol,
  CRITERION_STYLES,
  criterionOutcomeLabel,
  labelStyles,
  metricLabel,
  OUTCOME_STYLES,
  outcomeLabel,
  provinceStatusLabel,
  sourceLabel,
  TARGET_STYLES,
  targetStatusLabel,
  thresholdText,
  uniqueTexts,
  valueCell,
  yesNo,
} from "./labels";
import { FMT_AMOUNT, FMT_AVERAGE, FMT_GAP, FMT_SHARE, SheetDraft, titleBlock } from "./sheet";
import type { OutCell, SheetSpec } from "../sheetSpec";

const WIDTHS = [56, 16, 16, 14, 14, 14, 16, 14];
const INDENT = "    ";

export function renderProvince(ctx: RenderContext, sheetName: string): SheetSpec {
  const d = new SheetDraft(sheetName);
  titleBlock(d, "render.title.province", { ...ctx.title, currencyUnit: ctx.currencyUnit });
  attainment(ctx, d);
  d.blank();
  requirements(ctx, d);
  d.blank();
  targets(ctx, d);
  d.blank();
  bottlenecks(ctx, d);
  d.blank();
  fundingMix(ctx, d);
  return d.build({ columnWidths: WIDTHS });
}

function attainment(ctx: RenderContext, d: SheetDraft): void {
  const { lang } = ctx;
  d.section(t(lang, "render.province.attainment"));
  const roll = ctx.result.rollups.find((r) => r.level === "province");
  if (!roll) {
    d.note(t(lang, "render.province.noRollup"));
    return;
  }
  d.header([
    t(lang, "render.col.item"),
    t(lang, "render.col.count"),
    t(lang, "render.col.total"),
    t(lang, "render.col.share"),
  ]);
  const first = d.next;
  const share = (n: number, of: number) => (of > 0 ? n / of : null);
  d.push([t(lang, "render.province.communes"), roll.communes]);
  d.push([t(lang, "render.province.ntm"), roll.ntm, roll.communes, roll.ntmShare]);
  d.push([t(lang, "render.province.advanced"), roll.advanced, roll.communes, roll.advancedShare]);
  d.push([t(lang, "render.province.model"), roll.model, roll.communes, roll.modelShare]);
  d.push([
    t(lang, "render.province.below15"),
    roll.below15,
    roll.communes,
    share(roll.below15, roll.communes),
  ]);
  const avg = d.push([t(lang, "render.province.average"), roll.averageCriteria]);
  d.format(avg, 1, avg, 1, FMT_AVERAGE);
  if (roll.districts > 0) {
    d.push([
      t(lang, "render.province.districtsNtm"),
      roll.districtsNtm,
      roll.districts,
      roll.districtsNtmShare,
    ]);
    d.push([
      t(lang, "render.province.districtsAdvanced"),
      roll.districtsAdvanced,
      roll.districts,
      share(roll.districtsAdvanced, roll.districts),
    ]);
  }
  const lastShare = d.next - 1;
  d.format(first, 3, lastShare, 3, FMT_SHARE);
  d.dataBar(first, 3, lastShare);
  const status = d.push([t(lang, "render.province.status"), provinceStatusLabel(lang, roll.status)]);
  d.style({ range: rangeAddress(status, 0, status, 1), bold: true });
  d.textRules(status, 1, status, 1, [
    [provinceStatusLabel(lang, "none"), "notMet"],
    [provinceStatusLabel(lang, "ntm"), "met"],
  ]);
}

function requirements(ctx: RenderContext, d: SheetDraft): void {
  const { lang } = ctx;
  d.section(t(lang, "render.province.requirements"));
  const crits = ctx.criteriaColumns("province");
  if (crits.length === 0) {
    d.note(t(lang, "render.province.noRequirements"));
    return;
  }
  d.header([
    t(lang, "render.col.requirement"),
    t(lang, "render.col.value"),
    t(lang, "render.col.threshold"),
    t(lang, "render.col.outcome"),
    t(lang, "render.col.confirmed"),
  ]);
  const first = d.next;
  const province = ctx.province;
  const defs = [...ctx.indicators.values()].filter((def) => def.level === "province");
  for (const c of crits) {
    const o = province?.criteria[c.key]?.outcome;
    const r = d.push([`${c.key} – ${ctx.nameIn(c)}`, null, null, o ? criterionOutcomeLabel(lang, o) : ""]);
    d.style({ range: rangeAddress(r, 0, r, 0), bold: true });
    for (const def of defs) {
      if (criterionKey(def.criterion, def.tier) !== c.key) continue;
      const ir = province?.indicators[def.code];
      d.push([
        `${INDENT}${def.code} – ${ctx.nameIn(def)}`,
        ir ? valueCell(lang, ir.value, def.comparator) : null,
        ir ? thresholdText(lang, ir.threshold, def.comparator, def.unit) : "",
        ir ? outcomeLabel(lang, ir.outcome) : "",
        ir ? yesNo(lang, ir.thresholdConfirmed) : "",
      ]);
    }
  }
  const last = d.next - 1;
  d.format(first, 1, last, 1, FMT_GAP);
  d.textRules(
    first,
    3,
    last,
    3,
    uniqueTexts([
      ...labelStyles(CRITERION_STYLES, (o) => criterionOutcomeLabel(lang, o)),
      ...labelStyles(OUTCOME_STYLES, (o) => outcomeLabel(lang, o)),
    ]),
  );
}

function metricFormat(metric: MetricKey): string {
  if (SHARE_METRICS.has(metric)) return FMT_SHARE;
  return metric === "averageCriteria" ? FMT_AVERAGE : "0";
}

function targets(ctx: RenderContext, d: SheetDraft): void {
  const { lang } = ctx;
  d.section(t(lang, "render.province.targets"));
  const list: TargetResult[] = ctx.result.targets;
  if (list.length === 0) {
    d.note(t(lang, "render.province.noTargets"));
    return;
  }
  d.header([
    t(lang, "render.col.metric"),
    t(lang, "render.col.scope"),
    t(lang, "render.col.year"),
    t(lang, "render.col.comparator"),
    t(lang, "render.col.target"),
    t(lang, "render.col.actual"),
    t(lang, "render.col.status"),
    t(lang, "render.col.gap"),
  ]);
  const first = d.next;
  for (const tr of list) {
    const scope = tr.scope === undefined ? ctx.provinceName : ctx.nameOf(tr.scope) || tr.scope;
    const r = d.push([
      metricLabel(lang, tr.metric),
      scope,
      tr.year,
      comparatorSymbol(tr.comparator),
      tr.value,
      tr.actual,
      targetStatusLabel(lang, tr.status),
      tr.gap,
    ]);
    const fmt = metricFormat(tr.metric);
    d.format(r, 4, r, 5, fmt);
    d.format(r, 7, r, 7, fmt === "0" ? FMT_GAP : fmt);
  }
  const last = d.next - 1;
  d.textRules(
    first,
    6,
    last,
    6,
    labelStyles(TARGET_STYLES, (s) => targetStatusLabel(lang, s)),
  );
}

function bottlenecks(ctx: RenderContext, d: SheetDraft): void {
  const { lang } = ctx;
  d.section(t(lang, "render.province.bottlenecks"));
  const list: Bottleneck[] = [...ctx.result.bottlenecks].sort(
    (a, b) => a.share - b.share || b.evaluated - a.evaluated || compareCodes(a.code, b.code),
  );
  if (list.length === 0) {
    d.note(t(lang, "render.province.noBottlenecks"));
    return;
  }
  d.header([
    t(lang, "render.col.indicatorName"),
    t(lang, "render.col.criterion"),
    t(lang, "render.col.evaluated"),
    t(lang, "render.col.metCount"),
    t(lang, "render.col.metShare"),
  ]);
  const first = d.next;
  for (const b of list.slice(0, MAX_BOTTLENECKS)) {
    d.push([`${b.code} – ${ctx.nameIn(b)}`, b.criterion, b.evaluated, b.met, b.share]);
  }
  const last = d.next - 1;
  d.format(first, 4, last, 4, FMT_SHARE);
  d.dataBar(first, 4, last);
  if (list.length > MAX_BOTTLENECKS) {
    d.note(t(lang, "render.province.moreBottlenecks", { shown: MAX_BOTTLENECKS, total: list.length }));
  }
}

/** The summary names the hardest indicators only; the full list is in the JSON results. */
const MAX_BOTTLENECKS = 10;

function fundingMix(ctx: RenderContext, d: SheetDraft): void {
  const { lang, currencyUnit: unit } = ctx;
  d.section(t(lang, "render.province.funding", { unit }));
  const f = ctx.result.funding.find((x) => x.level === "province");
  if (!f) {
    d.note(t(lang, "render.province.noFunding"));
    return;
  }
  d.header([
    t(lang, "render.col.source"),
    t(lang, "render.col.plan", { unit }),
    t(lang, "render.col.share"),
    t(lang, "render.col.shareNoCredit"),
    t(lang, "render.col.actualAmount", { unit }),
    t(lang, "render.col.disbursement"),
  ]);
  const total = d.push([
    t(lang, "render.funding.total"),
    f.total,
    f.total > 0 ? 1 : null,
    null,
    f.actual.total,
    f.disbursementRate,
  ]);
  d.style({ range: rangeAddress(total, 0, total, 5), bold: true });
  const first = d.next;
  const rate = (actual: number, plan: number): number | null => (plan > 0 ? actual / plan : null);
  for (const { code, depth } of sourceTree(ctx.input.sources, ctx.result.funding)) {
    const plan = f.bySource[code] ?? 0;
    const actual = f.actual.bySource[code] ?? 0;
    if (depth > 0 && plan === 0 && actual === 0) continue; // roots always, sub-sources when used
    const row: OutCell[] = [
      INDENT.repeat(depth) + sourceLabel(lang, code),
      plan,
      f.shares[code] ?? (f.total > 0 ? 0 : null),
      f.sharesExcludingCredit[code] ?? null,
      actual,
      rate(actual, plan),
    ];
    d.push(row);
  }
  const last = d.next - 1;
  d.format(total, 1, last, 1, FMT_AMOUNT);
  d.format(total, 4, last, 4, FMT_AMOUNT);
  d.format(total, 2, last, 3, FMT_SHARE);
  d.format(total, 5, last, 5, FMT_SHARE);
  // Bars over the sources only: the 100% total row would flatten them.
  d.dataBar(first, 2, last);
  d.dataBar(first, 3, last);
}
