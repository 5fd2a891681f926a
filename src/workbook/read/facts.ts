/**
 * What a workbook's text says about its settings, gathered over every sheet before the settings are
 * decided: the year and period in the titles ("… NĂM 2022", "giai đoạn 2021-2025", "theo Quyết định
 * số 51/2025/QĐ-TTg"), the province of the letterhead ("UBND TỈNH HÀ TĨNH"), the unit line ("ĐVT:
 * tỷ đồng"). Titles that disagree are an issue. Pure.
 */
import type { Issue } from "../../domain/types";
import { foldText } from "../../domain/text";
import type { ReadRole } from "./mapping";
import type { Found, InferredFacts } from "./settings";
import { addIssue, type SheetView } from "./sheet";
import { lineFacts, moneyPerMillion, type LineFacts } from "./text";
import type { UnitAccess } from "./units/unitAccess";

export interface SheetFacts {
  sheet: string;
  facts: LineFacts;
  /** The cell each fact came from. */
  refs: { year?: string; period?: string; setHint?: string; moneyUnit?: string; place?: string };
}

export interface WorkbookFacts {
  facts: InferredFacts;
  /** Per sheet: how many triệu đồng its amounts' unit is (sheets without a unit line are absent). */
  perMillion: Map<string, number>;
  sheets: SheetFacts[];
}

/** The facts of one sheet's title block (and the unit line beside its header), line by line. */
export function sheetFacts(view: SheetView): SheetFacts {
  const analysis = view.analysis();
  const cells = [...analysis.title];
  // A unit line often sits at the right end of the header's first row.
  if (analysis.band) {
    for (let r = analysis.band.first; r <= analysis.band.last; r++)
      for (const c of analysis.grid.filledColumns(r)) {
        const text = analysis.grid.ownText(r, c);
        if (/^\(?\s*(dvt|don vi tinh|don vi)\b/.test(foldText(text))) cells.push({ row: r, col: c, text });
      }
  }
  const out: SheetFacts = { sheet: view.name, facts: { decisions: [] }, refs: {} };
  let dateYear: { year: number; cell: string } | undefined;
  for (const cell of cells) {
    const f = lineFacts(cell.text);
    const at = view.ref(cell.row, cell.col).cell;
    if (f.year !== undefined) {
      if (f.yearStrength === "title" && out.facts.year === undefined) {
        out.facts.year = f.year;
        out.facts.yearStrength = "title";
        out.refs.year = at;
      } else if (f.yearStrength === "date") dateYear ??= { year: f.year, cell: at };
    }
    if (f.period && !out.facts.period) {
      out.facts.period = f.period;
      out.refs.period = at;
    }
    for (const d of f.decisions) if (!out.facts.decisions.includes(d)) out.facts.decisions.push(d);
    if (f.setHint && !out.facts.setHint) {
      out.facts.setHint = f.setHint;
      out.refs.setHint = at;
    }
    if (f.moneyUnit && !out.facts.moneyUnit) {
      out.facts.moneyUnit = f.moneyUnit;
      out.refs.moneyUnit = at;
    }
    if (f.placeText && !out.facts.placeText) {
      out.facts.placeText = cell.text;
      if (f.placeKind) out.facts.placeKind = f.placeKind;
      out.refs.place = at;
    }
  }
  if (out.facts.year === undefined && dateYear) {
    out.facts.year = dateYear.year;
    out.facts.yearStrength = "date";
    out.refs.year = dateYear.cell;
  }
  return out;
}

/**
 * Combines the sheets' facts: the year most titles give (a title's year before a report's date), the
 * set of the period or decision, the province of the first letterhead that names one, the money unit
 * of the first budget sheet with a unit line (else of any sheet).
 */
export function workbookFacts(
  views: readonly SheetView[],
  roleOf: (sheet: string) => ReadRole | undefined,
  units: UnitAccess | undefined,
  issues: Issue[],
): WorkbookFacts {
  const sheets = views.map(sheetFacts);
  const facts: InferredFacts = {};
  const perMillion = new Map<string, number>();
  for (const s of sheets) if (s.facts.moneyUnit) perMillion.set(s.sheet, s.facts.moneyUnit.perMillion);

  const withRole = sheets.filter((s) => roleOf(s.sheet) !== undefined);
  const ordered = [...withRole, ...sheets.filter((s) => roleOf(s.sheet) === undefined)];
  for (const strength of ["title", "date"] as const) {
    const years = ordered.filter((s) => s.facts.year !== undefined && s.facts.yearStrength === strength);
    if (years.length === 0) continue;
    const counts = new Map<number, number>();
    for (const s of years) counts.set(s.facts.year!, (counts.get(s.facts.year!) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const first = years.find((s) => s.facts.year === best)!;
    facts.year = found(best, "title", first.sheet, first.refs.year);
    const other = years.find((s) => s.facts.year !== best && roleOf(s.sheet) !== undefined);
    if (other)
      addIssue(
        issues,
        "warning",
        "SETTINGS_CONFLICT",
        { sheet: other.sheet, cell: other.refs.year! },
        {
          what: "year",
          value: String(other.facts.year),
          chosen: String(best),
          other: `${first.sheet}!${first.refs.year}`,
        },
      );
    break;
  }
  const hinted = ordered.find((s) => s.facts.setHint !== undefined);
  if (hinted) facts.setId = found(hinted.facts.setHint!, "period", hinted.sheet, hinted.refs.setHint);

  const budgetFirst = [...ordered.filter((s) => roleOf(s.sheet) === "budget"), ...ordered];
  const unit = budgetFirst.find((s) => s.facts.moneyUnit !== undefined);
  if (unit)
    facts.moneyUnit = found(
      moneyUnitName(unit.facts.moneyUnit!.perMillion, unit.facts.moneyUnit!.text),
      "unitLine",
      unit.sheet,
      unit.refs.moneyUnit,
    );

  if (units) {
    for (const s of ordered) {
      if (!s.facts.placeText) continue;
      const place = units.place(s.facts.placeText);
      const province = place?.province ?? undefined;
      const code = province?.code ?? place?.district?.parentCode;
      if (!code) continue;
      facts.provinceCode = found(code, "letterhead", s.sheet, s.refs.place, s.facts.placeText);
      const name = units.provinceName(code);
      if (name) facts.provinceName = { value: shortProvinceName(name), from: "letterhead" };
      break;
    }
  }
  return { facts, perMillion, sheets };
}

function found<T>(
  value: T,
  from: Found<T>["from"],
  sheet: string,
  cell: string | undefined,
  text?: string,
): Found<T> {
  return { value, from, ...(cell ? { ref: { sheet, cell } } : {}), ...(text ? { text } : {}) };
}

/** The settings' spelling of a money unit: "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", else as typed. */
export function moneyUnitName(perMillion: number, typed: string): string {
  if (perMillion === 1) return "triệu đồng";
  if (perMillion === 1000) return "tỷ đồng";
  if (perMillion === 0.001) return "nghìn đồng";
  if (perMillion === 0.000001) return "đồng";
  return typed;
}

/** "Tỉnh Hà Tĩnh" → "Hà Tĩnh"; "Thành phố Hà Nội" stays as the list writes it. */
export function shortProvinceName(name: string): string {
  return name.replace(/^Tỉnh\s+/, "");
}

/** How many triệu đồng one unit named by the settings is (1 when the text is not a money unit). */
export function settingsPerMillion(moneyUnit: string): number {
  return moneyPerMillion(moneyUnit) ?? 1;
}
