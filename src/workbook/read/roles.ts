/**
 * The role of each sheet, by what it holds: a criteria list, locality data (communes, districts,
 * the province, villages), a budget by locality and source, targets, key/value settings — or nothing
 * known. The sheet's name is one clue among others: a form named "Biểu 01" is read by its content,
 * a sheet named "Dữ liệu xã" is taken as communes unless its content says plainly otherwise. The
 * planner's mapping wins over both. Pure.
 */
import type { Issue } from "../../domain/types";
import { foldText } from "../../domain/text";
import {
  BUDGET_FIELDS,
  CRITERIA_FIELDS,
  INPUT_ROLES,
  normKey,
  parseThresholdHeader,
  roleOfSheetName,
  SHEET_NAMES,
  TARGET_FIELDS,
  type InputRole,
} from "../layout";
import type { ColumnMapping, ReadRole } from "./mapping";
import { localityFields } from "./localities";
import { markColumnCandidates } from "./marks";
import { locateSettings } from "./settings";
import {
  addIssue,
  cellString,
  locateColumns,
  looksLikeCode,
  type SheetView,
  type TableLayout,
} from "./sheet";
import { resolveAmountColumn } from "./sources";
import { parseThresholdText } from "./text";
import { parseMetric } from "./targets";

export interface RoleGuess {
  role: ReadRole;
  /** 0…1: how sure. */
  confidence: number;
  /** Why, for inspect and the pane: "tên trang", "cột Mã xã, 19 cột tiêu chí"… (machine words, worded by i18n). */
  evidence: string[];
}

export interface SheetRole {
  sheet: string;
  /** null: nothing known (the sheet is listed as ignored). */
  guess: RoleGuess | null;
  /** Every role's score, best first (for the preview's "read as" choice). */
  scores: RoleGuess[];
  /** Set by the mapping. */
  mapped: boolean;
  ignored?: "mapping" | "instructions" | "unknown" | "hidden";
}

export interface ClassifyContext {
  /** Codes any set knows (indicators), to recognise data columns before the criteria are read. */
  codes: ReadonlySet<string>;
  /** Criteria of the period (code and Vietnamese name), to recognise mark columns. */
  criteria: readonly { code: string; nameVi: string }[];
}

const LOCALITY_ROLES = ["communes", "districts", "province", "villages"] as const;
/** A sheet whose best score is under this is not read. */
const MIN_SCORE = 2;
/** What an exact role name adds; what a name that starts with one adds. */
const NAME_EXACT = 3;
const NAME_PREFIX = 1.5;
const SAMPLE_ROWS = 60;

/** Scores every sheet for every role and picks one role per sheet (several sheets may share one). */
export function classifySheets(
  views: readonly SheetView[],
  mapping: ColumnMapping | undefined,
  ctx: ClassifyContext,
  issues: Issue[],
): SheetRole[] {
  const mappedRole = new Map<string, ReadRole>();
  for (const role of INPUT_ROLES) {
    const wanted = mapping?.sheets?.[role];
    if (!wanted) continue;
    const view =
      views.find((v) => v.name === wanted) ?? views.find((v) => foldText(v.name) === foldText(wanted));
    if (view) mappedRole.set(view.name, role);
    else
      addIssue(issues, "warning", "MAPPED_SHEET_NOT_FOUND", undefined, {
        name: wanted,
        role: `${SHEET_NAMES[role].vi} / ${SHEET_NAMES[role].en}`,
      });
  }
  const ignored = new Set((mapping?.ignoredSheets ?? []).map((n) => foldText(n)));

  return views.map((view): SheetRole => {
    const name = view.name;
    if (ignored.has(foldText(name)))
      return { sheet: name, guess: null, scores: [], mapped: true, ignored: "mapping" };
    const byName = roleOfSheetName(name);
    if (byName === "instructions")
      return { sheet: name, guess: null, scores: [], mapped: false, ignored: "instructions" };
    const scores = scoreSheet(view, ctx);
    const mapped = mappedRole.get(name);
    if (mapped) {
      const s = scores.find((x) => x.role === mapped)!;
      return {
        sheet: name,
        guess: { ...s, confidence: 1, evidence: ["mapping", ...s.evidence] },
        scores,
        mapped: true,
      };
    }
    if (byName) {
      const exact = isExactName(name, byName);
      const s = scores.find((x) => x.role === byName)!;
      s.confidence += exact ? NAME_EXACT : NAME_PREFIX;
      s.evidence.unshift(exact ? "name" : "namePrefix");
    }
    scores.sort((a, b) => b.confidence - a.confidence);
    const best = scores[0];
    const normalised = scores.map((s) => ({ ...s, confidence: Math.min(1, s.confidence / 8) }));
    if (!best || best.confidence < MIN_SCORE) {
      return {
        sheet: name,
        guess: null,
        scores: normalised,
        mapped: false,
        ignored: view.grid.hidden ? "hidden" : "unknown",
      };
    }
    // A hidden sheet is a helper (lists, lookups) unless its content is plainly a table of ours.
    if (view.grid.hidden && best.confidence < MIN_SCORE + NAME_EXACT) {
      return { sheet: name, guess: null, scores: normalised, mapped: false, ignored: "hidden" };
    }
    return { sheet: name, guess: normalised[0], scores: normalised, mapped: false };
  });
}

function isExactName(name: string, role: InputRole): boolean {
  const key = normKey(name)
    .replace(/^\d{1,2}\s+/, "")
    .replace(/ /g, "");
  const n = SHEET_NAMES[role];
  return [n.vi, n.en, ...n.aliases].some((c) => normKey(c).replace(/ /g, "") === key);
}

function scoreSheet(view: SheetView, ctx: ClassifyContext): RoleGuess[] {
  const out: RoleGuess[] = [];
  const scratch: Issue[] = [];
  const analysis = view.analysis();
  const settings = scoreSettings(view, analysis.band !== null);
  out.push(settings);
  if (!analysis.band) {
    for (const role of ["criteria", ...LOCALITY_ROLES, "budget", "targets"] as const)
      out.push({ role, confidence: 0, evidence: [] });
    return out;
  }
  out.push(
    scoreCriteria(view, locateColumns(view, { fields: CRITERIA_FIELDS, special: thresholdSpecial }, scratch)),
  );
  const dataCodes = new Map([...ctx.codes].map((c) => [c, "number" as const]));
  for (const role of LOCALITY_ROLES) {
    const layout = locateColumns(
      view,
      {
        fields: localityFields(role),
        dataCodes: ctx.codes,
        special:
          role === "communes" || role === "districts"
            ? markColumnCandidates(ctx.criteria, dataCodes, (col) =>
                layoutRows(view).map((r) => view.raw(r, col)),
              )
            : undefined,
        isSpecialKey: (k) => k.startsWith("mark."),
      },
      scratch,
    );
    out.push(scoreLocalities(view, role, layout));
  }
  out.push(
    scoreBudget(view, locateColumns(view, { fields: BUDGET_FIELDS, special: amountSpecial }, scratch)),
  );
  out.push(scoreTargets(view, locateColumns(view, { fields: TARGET_FIELDS }, scratch)));
  return out;
}

function layoutRows(view: SheetView): number[] {
  return view
    .analysis()
    .body.filter((b) => b.kind === "data")
    .map((b) => b.row)
    .slice(0, SAMPLE_ROWS);
}

const thresholdSpecial = (header: string) =>
  parseThresholdHeader(header) ? [{ key: `threshold:${header}`, score: 1, specificity: 1 }] : [];

const amountSpecial = (header: string, column?: { path: string[] }) => {
  const a = resolveAmountColumn(column?.path ?? [header]);
  return a ? [{ key: `amount:${column ? column.path.join("|") : header}`, score: 1, specificity: 1 }] : [];
};

function share(rows: readonly number[], test: (r: number) => boolean): number {
  if (rows.length === 0) return 0;
  let n = 0;
  for (const r of rows) if (test(r)) n++;
  return n / rows.length;
}

function scoreSettings(view: SheetView, hasTable: boolean): RoleGuess {
  const found = locateSettings(view.grid);
  const n = found.size;
  const confidence = n >= 2 ? n + (hasTable ? -1 : 1) : 0;
  return { role: "settings", confidence, evidence: n >= 2 ? [`settings:${n}`] : [] };
}

function scoreCriteria(view: SheetView, layout: TableLayout): RoleGuess {
  const evidence: string[] = [];
  let score = 0;
  const has = (k: string) => layout.fields.has(k);
  if (has("code")) {
    score += 2;
    evidence.push("field:code");
  }
  if (has("nameVi")) {
    score += 1;
    evidence.push("field:nameVi");
  }
  for (const k of ["criterion", "criterionName", "unit", "comparator", "kind", "department"])
    if (has(k)) score += 0.5;
  const thresholds = layout.special.size;
  if (thresholds > 0) {
    score += Math.min(3, thresholds);
    evidence.push(`thresholds:${thresholds}`);
  }
  const rows = layout.rows.slice(0, SAMPLE_ROWS);
  const codeCol = layout.fields.get("code");
  const nameCol = layout.fields.get("nameVi");
  const codeShare = share(rows, (r) => {
    const code = view.text(r, codeCol);
    const wording = view.text(r, nameCol);
    return (code !== "" && looksLikeCode(code)) || /^\d{1,2}\.\d{1,2}\.?\s/.test(wording);
  });
  const thresholdCols = [...layout.special.values()];
  const thresholdShare = share(rows, (r) =>
    thresholdCols.some(
      (c) =>
        cellString(view.raw(r, c)) !== "" &&
        (typeof view.raw(r, c) === "number" || parseThresholdText(view.text(r, c), view.style) !== null),
    ),
  );
  score += 2 * codeShare + 2 * thresholdShare;
  if (codeShare > 0.3) evidence.push("rows:codes");
  return { role: "criteria", confidence: score, evidence };
}

const LEVEL_PREFIX: Record<(typeof LOCALITY_ROLES)[number], RegExp> = {
  communes: /^(xa|phuong|thi tran|tt|p|x)\b/,
  districts: /^(huyen|thi xa|thanh pho|tp|tx|quan|h)\b/,
  province: /^(tinh|thanh pho)\b/,
  villages: /^(thon|ban|xom|to dan pho|khu|ap|lang)\b/,
};
const CODE_DIGITS: Record<(typeof LOCALITY_ROLES)[number], RegExp> = {
  communes: /^\d{5}$/,
  districts: /^\d{3}$/,
  province: /^\d{2}$/,
  villages: /^[\w-]{2,}$/,
};

function scoreLocalities(
  view: SheetView,
  role: (typeof LOCALITY_ROLES)[number],
  layout: TableLayout,
): RoleGuess {
  const evidence: string[] = [];
  let score = 0;
  const codeCol = layout.fields.get("code");
  const nameCol = layout.fields.get("name");
  if (codeCol !== undefined) {
    score += 1.5;
    evidence.push("field:code");
  }
  if (nameCol !== undefined) {
    score += 1;
    evidence.push("field:name");
  }
  const data = layout.data.size;
  const marks = layout.special.size;
  if (data > 0) {
    score += Math.min(3, data * 0.5);
    evidence.push(`data:${data}`);
  }
  if (marks > 0) {
    score += Math.min(3, marks * 0.5);
    evidence.push(`marks:${marks}`);
  }
  const rows = layout.rows.slice(0, SAMPLE_ROWS);
  const prefixShare = share(rows, (r) => LEVEL_PREFIX[role].test(foldText(view.text(r, nameCol))));
  const codeShare = share(rows, (r) => CODE_DIGITS[role].test(view.text(r, codeCol)));
  score += 2.5 * prefixShare + 1.5 * codeShare;
  if (prefixShare > 0.3) evidence.push("rows:names");
  if (codeShare > 0.3) evidence.push("rows:codes");
  if (data === 0 && marks === 0) score = Math.min(score, 1.5);
  return { role, confidence: score, evidence };
}

function scoreBudget(view: SheetView, layout: TableLayout): RoleGuess {
  const evidence: string[] = [];
  let score = 0;
  const sources = layout.special.size;
  if (sources > 0) {
    score += Math.min(4, sources);
    evidence.push(`sources:${sources}`);
  }
  if (layout.fields.has("locality") || layout.fields.has("localityName")) {
    score += 1;
    evidence.push("field:locality");
  }
  const amountCols = [...layout.special.values()];
  const numeric = share(layout.rows.slice(0, SAMPLE_ROWS), (r) =>
    amountCols.some((c) => typeof view.raw(r, c) === "number"),
  );
  score += numeric;
  if (sources < 2) score = Math.min(score, 1.5);
  return { role: "budget", confidence: score, evidence };
}

function scoreTargets(view: SheetView, layout: TableLayout): RoleGuess {
  const metricCol = layout.fields.get("metric");
  if (metricCol === undefined) return { role: "targets", confidence: 0, evidence: [] };
  const metricShare = share(
    layout.rows.slice(0, SAMPLE_ROWS),
    (r) => parseMetric(view.text(r, metricCol)) !== undefined,
  );
  return {
    role: "targets",
    confidence: 1 + 4 * metricShare,
    evidence: metricShare > 0 ? ["rows:metrics"] : [],
  };
}
