/**
 * The budget sheet ("Nguồn vốn" / "Budget"): one line per locality, year, plan or actual and
 * purpose, with one amount column per funding category (funding.md §7). Category columns are
 * recognised by their code ("… (NSTW)", "NSTW") or by the category's names and aliases.
 */
import type { BudgetLine, CellRef, Issue } from "../../domain/types";
import { foldText } from "../../domain/text";
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import { scoreFieldHeader } from "./headers";
import { BUDGET_FIELDS, BUDGET_KIND_LABELS, parseLabel } from "../layout";
import { addIssue, locateColumns, type Candidate, type SheetView, type LayoutObserver } from "./sheet";

export interface ReadBudgetOptions {
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: number;
  observe?: LayoutObserver;
}

const CATEGORY_CODES = new Set(FUNDING_CATEGORIES.map((c) => c.code));
const PAREN_CODE = /\(\s*([A-Za-z][A-Za-z_ ]*)\s*\)\s*$/;

function codeKey(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

/** Funding categories a header may name, best first (code in brackets or alone: 1; names and aliases: 1 or 0.8). */
export function categoryCandidates(header: string): Candidate[] {
  const paren = PAREN_CODE.exec(header);
  if (paren && CATEGORY_CODES.has(codeKey(paren[1])))
    return [{ key: codeKey(paren[1]), score: 1, specificity: 100 }];
  if (CATEGORY_CODES.has(codeKey(header))) return [{ key: codeKey(header), score: 1, specificity: 100 }];
  const out: Candidate[] = [];
  for (const cat of FUNDING_CATEGORIES) {
    let best: Candidate | undefined;
    for (const alias of [cat.nameVi, cat.nameEn, ...cat.aliases]) {
      const score = scoreFieldHeader(header, [alias]);
      if (score <= 0) continue;
      const specificity = foldText(alias).length;
      if (!best || score > best.score || (score === best.score && specificity > best.specificity)) {
        best = { key: cat.code, score, specificity };
      }
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score || b.specificity - a.specificity);
}

export function readBudget(view: SheetView, issues: Issue[], opts: ReadBudgetOptions = {}): BudgetLine[] {
  const layout = locateColumns(
    view,
    {
      fields: BUDGET_FIELDS,
      special: categoryCandidates,
      isSpecialKey: (key) => CATEGORY_CODES.has(key),
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const localityCol = layout.fields.get("locality");
  if (layout.headerRow < 0 || localityCol === undefined) {
    addIssue(
      issues,
      "warning",
      "MISSING_KEY_COLUMN",
      { sheet: view.name },
      { column: "Mã địa bàn", columnEn: "Area code" },
    );
    return [];
  }
  for (const { key, col } of layout.duplicates) {
    addIssue(issues, "info", "DUPLICATE_COLUMN", view.ref(layout.headerRow, col), { key });
  }
  const amountCols = [...layout.special].sort((a, b) => a[1] - b[1]);
  if (amountCols.length === 0) {
    addIssue(issues, "warning", "NO_FUNDING_COLUMNS", { sheet: view.name }, {});
    return [];
  }

  const col = (key: string) => layout.fields.get(key);
  const text = (r: number, key: string) => view.text(r, col(key));
  const lines: BudgetLine[] = [];
  for (let r = layout.headerRow + 1; r < view.rowCount; r++) {
    if (view.rowIsBlank(r)) continue;
    const amounts: Record<string, number> = {};
    const cells: Record<string, CellRef> = {};
    let bad = false;
    for (const [source, c] of amountCols) {
      const cell = view.parsed(r, c);
      if (cell.kind === "blank") continue;
      const ref = view.ref(r, c);
      if (cell.kind === "number" && !(cell.percent && !cell.fromFormat)) {
        amounts[source] = cell.value;
        cells[source] = ref;
      } else if (cell.kind === "error") {
        addIssue(issues, "warning", "EXCEL_ERROR_VALUE", ref, {
          value: cell.code,
          code: source,
          locality: view.text(r, localityCol),
        });
        bad = true;
      } else {
        addIssue(issues, "warning", "BUDGET_AMOUNT_NOT_NUMBER", ref, { value: view.text(r, c), source });
        bad = true;
      }
    }
    const locality = view.text(r, localityCol);
    const hasAmounts = Object.keys(amounts).length > 0;
    if (!locality) {
      if (hasAmounts || bad) {
        const name = text(r, "localityName");
        if (!/^(tong|cong|total)\b/.test(foldText(name))) {
          addIssue(issues, "warning", "BLANK_LOCALITY_CODE", view.ref(r, localityCol), { name });
        }
      }
      continue;
    }
    if (!hasAmounts) continue;

    const kindText = text(r, "kind");
    const kind = kindText ? parseLabel(BUDGET_KIND_LABELS, kindText) : "plan";
    if (!kind) {
      addIssue(issues, "warning", "UNKNOWN_BUDGET_KIND", view.ref(r, col("kind")!), { value: kindText });
      continue;
    }
    const line: BudgetLine = { locality, kind, amounts, ref: view.ref(r, localityCol), cells };
    const yearCol = col("year");
    if (yearCol !== undefined) {
      const y = view.parsed(r, yearCol);
      if (
        y.kind === "number" &&
        Number.isInteger(y.value) &&
        y.value >= 1990 &&
        y.value <= 2100 &&
        !y.percent
      )
        line.year = y.value;
      else if (y.kind !== "blank")
        addIssue(issues, "warning", "INVALID_YEAR", view.ref(r, yearCol), { value: view.text(r, yearCol) });
    }
    const programme = text(r, "programme");
    if (programme) line.programme = programme;
    const criterion = text(r, "criterion");
    if (criterion) line.criterion = criterion;
    const description = text(r, "description");
    if (description) line.description = description;
    lines.push(line);
  }
  return lines;
}
