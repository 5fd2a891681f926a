/**
 * The few lines a planner reads at a glance after a recalculation, in their language
 * (e.g. "Xã đạt chuẩn NTM: 175/182 (96,2%) — mục tiêu 100% năm 2022: còn 7 xã").
 * Shared by the command line and the task pane.
 */
import type { EvaluationResult, Issue, Rollup, TargetResult } from "../domain/types";
import { formatNumber, t, type Lang } from "../i18n";

export interface SummaryContext {
  provinceName: string;
  currencyUnit: string;
}

const pct = (lang: Lang, share: number) => `${formatNumber(lang, share * 100, 1)}%`;

export function summaryLines(result: EvaluationResult, lang: Lang, ctx: SummaryContext): string[] {
  const { year, setId } = result.options;
  const lines = [t(lang, "summary.title", { province: ctx.provinceName, year: String(year), set: setId })];
  const province = result.rollups.find((r) => r.level === "province");
  if (province) lines.push(...attainmentLines(province, result.targets, lang, year));
  const hardest = result.bottlenecks.slice(0, 3);
  if (hardest.length > 0) {
    const list = hardest
      .map((b) => `${b.code} ${lang === "vi" ? b.nameVi : b.nameEn} (${pct(lang, b.share)})`)
      .join("; ");
    lines.push(t(lang, "summary.bottlenecks", { list }));
  }
  const provinceFunding = result.funding.find((f) => f.level === "province");
  if (provinceFunding && provinceFunding.total > 0) {
    lines.push(
      t(lang, "summary.funding", {
        total: formatNumber(lang, provinceFunding.total, 0),
        unit: ctx.currencyUnit,
        state: pct(lang, provinceFunding.sharesExcludingCredit.NSNN ?? 0),
      }),
    );
  }
  lines.push(issueLine(result.issues, lang));
  return lines;
}

function attainmentLines(p: Rollup, targets: readonly TargetResult[], lang: Lang, year: number): string[] {
  const lines: string[] = [];
  let ntm = t(lang, "summary.communesNtm", {
    ntm: p.ntm,
    communes: p.communes,
    share: pct(lang, p.ntmShare),
  });
  const target = targets.find((tr) => tr.metric === "communeNtmShare" && !tr.scope && tr.year >= year);
  if (target) {
    const needed = Math.max(0, Math.ceil(target.value * p.communes - 1e-9) - p.ntm);
    ntm +=
      " — " +
      t(lang, needed > 0 ? "summary.targetRemaining" : "summary.targetReached", {
        target: pct(lang, target.value),
        year: String(target.year),
        remaining: needed,
      });
  }
  lines.push(ntm);
  lines.push(
    t(lang, "summary.advancedModel", {
      advanced: p.advanced,
      advancedShare: pct(lang, p.advancedShare),
      model: p.model,
      modelShare: pct(lang, p.modelShare),
      below15: p.below15,
    }),
  );
  if (p.districts > 0)
    lines.push(t(lang, "summary.districts", { ntm: p.districtsNtm, districts: p.districts }));
  return lines;
}

function issueLine(issues: readonly Issue[], lang: Lang): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  return errors + warnings === 0
    ? t(lang, "summary.noIssues")
    : t(lang, "summary.issues", { errors, warnings });
}
