/**
 * Budget sheets ("Nguồn vốn", "Biểu 02 - Nguồn lực"): one line per locality, year, plan or actual
 * and purpose, with amounts by funding category. A category column is recognised by its whole header
 * path (sources.ts): "Ngân sách nhà nước › Trung ương", "Ngân sách trung ương (NSTW)",
 * "Giải ngân › Tỉnh". Rows are localities by code or by name (their district from the section row
 * above); section, subtotal and total rows are not lines. Typed totals — a row's "Tổng số" over its
 * parts, a subtotal or total row over its rows — are checked, never added: amounts come from the
 * parts. A sheet's unit line ("ĐVT: tỷ đồng") scales its amounts into the workbook's money unit.
 */
import type { BudgetKind, BudgetLine, CellRef, Issue, Locality } from "../../domain/types";
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import { columnLetters } from "../a1";
import { BUDGET_FIELDS, BUDGET_KIND_LABELS, parseLabel } from "../layout";
import { FORM_FIELDS } from "./formFields";
import type { HeaderRows } from "./mapping";
import type { NameResolver } from "./nameResolver";
import { rowUnits, type NameReport } from "./rowUnits";
import {
  addIssue,
  locateColumns,
  type Candidate,
  type LayoutObserver,
  type SheetView,
  type TableLayout,
} from "./sheet";
import { resolveAmountColumn, type AmountColumn } from "./sources";

export { categoryCandidates } from "./sources";

export interface ReadBudgetOptions {
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: HeaderRows;
  observe?: LayoutObserver;
  names?: NameResolver;
  mappedNames?: Readonly<Record<string, string>>;
  defaultParent?: string;
  /** Multiplies every amount: the sheet's unit in the workbook's (1 000 for "tỷ đồng" in "triệu đồng"). */
  scale?: number;
}

export interface BudgetRead {
  lines: BudgetLine[];
  /** Districts named by section rows. */
  sections: Locality[];
  /** The localities the lines are about, as the rows name them (a sheet without a data sheet gives the units). */
  rows: Locality[];
  names: NameReport[];
  sectionCodes: Map<number, string>;
  layout: TableLayout;
  /** What each amount column holds, by column. */
  amounts: Map<number, AmountColumn>;
}

const CATEGORY_CODES = new Set(FUNDING_CATEGORIES.map((c) => c.code));
const TOTAL_KEY = "total:";
/** Typed totals are compared to 6 significant digits: forms round. */
const RELATIVE_TOLERANCE = 1e-6;
const ABSOLUTE_TOLERANCE = 0.0005;

/** The layout key of an amount column: "NSTW", "NSTW@actual", "total:Ngân sách nhà nước@plan". */
function amountKey(a: AmountColumn): string {
  const suffix = `${a.budgetKind && a.budgetKind !== "plan" ? `@${a.budgetKind}` : ""}${a.year !== undefined ? `#${a.year}` : ""}`;
  return a.kind === "source" ? `${a.code}${suffix}` : `${TOTAL_KEY}${a.of ?? a.group}${suffix}`;
}

function isAmountKey(key: string): boolean {
  return key.startsWith(TOTAL_KEY) || CATEGORY_CODES.has(key.split(/[@#]/)[0]);
}

export function readBudget(view: SheetView, issues: Issue[], opts: ReadBudgetOptions = {}): BudgetRead {
  const resolved = new Map<string, AmountColumn>();
  const layout = locateColumns(
    view,
    {
      fields: [...BUDGET_FIELDS, ...FORM_FIELDS.budget],
      special: (header, column): Candidate[] => {
        const a = resolveAmountColumn(column?.path ?? [header]);
        if (!a) return [];
        const key = amountKey(a);
        resolved.set(key, a);
        return [{ key, score: 1, specificity: 100 }];
      },
      isSpecialKey: isAmountKey,
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const out: BudgetRead = {
    lines: [],
    sections: [],
    rows: [],
    names: [],
    sectionCodes: new Map(),
    layout,
    amounts: new Map(),
  };
  const col = (key: string) => layout.fields.get(key);
  const localityCol = col("locality");
  const nameCol = col("localityName");
  if (layout.headerRow < 0 || (localityCol === undefined && nameCol === undefined)) {
    addIssue(
      issues,
      "warning",
      "MISSING_KEY_COLUMN",
      { sheet: view.name },
      { column: "Mã địa bàn", columnEn: "Area code" },
    );
    return out;
  }
  for (const { key, col: c } of layout.duplicates) {
    addIssue(issues, "info", "DUPLICATE_COLUMN", view.ref(layout.headerRow, c), { key });
  }
  for (const [key, c] of layout.special) {
    const a =
      resolved.get(key) ??
      (CATEGORY_CODES.has(key) ? { kind: "source" as const, code: key, group: "" } : undefined);
    if (a) out.amounts.set(c, a);
  }
  const amountCols = [...out.amounts].sort((a, b) => a[0] - b[0]);
  if (!amountCols.some(([, a]) => a.kind === "source")) {
    addIssue(issues, "warning", "NO_FUNDING_COLUMNS", { sheet: view.name }, {});
    return out;
  }

  const scale = opts.scale ?? 1;
  const amountAt = (r: number, c: number): number | null | "bad" => {
    const cell = view.parsed(r, c);
    if (cell.kind === "blank") return null;
    if (cell.kind === "number" && !(cell.percent && !cell.fromFormat)) return cell.value * scale;
    if (cell.kind === "error") {
      addIssue(issues, "warning", "EXCEL_ERROR_VALUE", view.ref(r, c), {
        value: cell.code,
        code: sourceLabel(out.amounts.get(c)!),
        locality: "",
      });
    } else {
      addIssue(issues, "warning", "BUDGET_AMOUNT_NOT_NUMBER", view.ref(r, c), {
        value: view.text(r, c),
        source: sourceLabel(out.amounts.get(c)!),
      });
    }
    return "bad";
  };

  const units = rowUnits(
    view,
    layout,
    {
      level: "commune",
      codeCol: localityCol,
      nameCol,
      names: opts.names,
      mappedNames: opts.mappedNames,
      defaultParent: opts.defaultParent,
    },
    issues,
  );
  out.sections = units.sections;
  out.names = units.names;
  out.sectionCodes = units.sectionCodes;

  const sources = amountCols.filter(([, a]) => a.kind === "source") as [
    number,
    Extract<AmountColumn, { kind: "source" }>,
  ][];
  const totals = amountCols.filter(([, a]) => a.kind === "total") as [
    number,
    Extract<AmountColumn, { kind: "total" }>,
  ][];
  /** Per data row, every amount read (scaled), for the totals' checks. */
  const rowAmounts = new Map<number, Map<number, number>>();

  layout.rows.forEach((r, i) => {
    const values = new Map<number, number>();
    let bad = false;
    for (const [c] of amountCols) {
      const v = amountAt(r, c);
      if (v === "bad") bad = true;
      else if (v !== null) values.set(c, v);
    }
    rowAmounts.set(r, values);
    checkRowTotals(view, r, values, sources, totals, issues);
    const unit = units.units[i];
    if (!unit) {
      if ((values.size > 0 || bad) && localityCol !== undefined)
        addIssue(issues, "warning", "BLANK_LOCALITY_CODE", view.ref(r, localityCol), {
          name: view.text(r, nameCol),
        });
      return;
    }
    if (values.size === 0) return;
    out.rows.push({
      code: unit.code,
      name: unit.name,
      level: "commune",
      values: {},
      ref: unit.ref,
      ...(unit.parent ? { parent: unit.parent } : {}),
    });

    const kindText = view.text(r, col("kind"));
    const rowKind = kindText ? parseLabel(BUDGET_KIND_LABELS, kindText) : "plan";
    if (!rowKind) {
      addIssue(issues, "warning", "UNKNOWN_BUDGET_KIND", view.ref(r, col("kind")!), { value: kindText });
      return;
    }
    let rowYear: number | undefined;
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
        rowYear = y.value;
      else if (y.kind !== "blank")
        addIssue(issues, "warning", "INVALID_YEAR", view.ref(r, yearCol), { value: view.text(r, yearCol) });
    }
    // One line per kind (and year) the columns carry.
    const lines = new Map<string, BudgetLine>();
    const lineFor = (kind: BudgetKind, year: number | undefined): BudgetLine => {
      const key = `${kind}|${year ?? ""}`;
      let line = lines.get(key);
      if (!line) {
        line = { locality: unit.code, kind, amounts: {}, ref: unit.ref, cells: {} };
        if (year !== undefined) line.year = year;
        lines.set(key, line);
      }
      return line;
    };
    for (const [c, a] of sources) {
      const v = values.get(c);
      if (v === undefined) continue;
      const line = lineFor(a.budgetKind ?? rowKind, a.year ?? rowYear);
      line.amounts[a.code] = (line.amounts[a.code] ?? 0) + v;
      line.cells![a.code] = view.ref(r, c);
    }
    // A category's typed total is its amount only where none of its parts has one.
    for (const [c, a] of totals) {
      const v = values.get(c);
      if (v === undefined || a.of === undefined) continue;
      const line = lineFor(a.budgetKind ?? rowKind, a.year ?? rowYear);
      if (Object.keys(line.amounts).some((code) => code === a.of || isDescendant(code, a.of!))) continue;
      line.amounts[a.of] = v;
      line.cells![a.of] = view.ref(r, c);
    }
    const programme = view.text(r, col("programme"));
    const criterion = view.text(r, col("criterion"));
    const description = view.text(r, col("description"));
    for (const line of lines.values()) {
      if (Object.keys(line.amounts).length === 0) continue;
      if (programme) line.programme = programme;
      if (criterion) line.criterion = criterion;
      if (description) line.description = description;
      out.lines.push(line);
    }
  });
  checkLabelRows(view, layout, rowAmounts, amountCols, amountAt, issues);
  return out;
}

const PARENT = new Map(FUNDING_CATEGORIES.map((c) => [c.code, c.parent]));
function isDescendant(code: string, ancestor: string): boolean {
  for (let p = PARENT.get(code); p !== undefined; p = PARENT.get(p)) if (p === ancestor) return true;
  return false;
}

function sourceLabel(a: AmountColumn): string {
  return a.kind === "source" ? a.code : (a.of ?? a.group);
}

function close(a: number, b: number): boolean {
  return (
    Math.abs(a - b) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)))
  );
}

/**
 * A typed total in a row against the parts it stands over: the leaf category columns under its group
 * (a category with columns of its own parts is not counted again), of the same kind.
 */
function checkRowTotals(
  view: SheetView,
  r: number,
  values: ReadonlyMap<number, number>,
  sources: readonly [number, Extract<AmountColumn, { kind: "source" }>][],
  totals: readonly [number, Extract<AmountColumn, { kind: "total" }>][],
  issues: Issue[],
): void {
  for (const [tc, t] of totals) {
    const typed = values.get(tc);
    if (typed === undefined) continue;
    const parts = sources.filter(([, s]) => {
      if ((s.budgetKind ?? "plan") !== (t.budgetKind ?? "plan") || s.year !== t.year) return false;
      if (t.of !== undefined) return isDescendant(s.code, t.of);
      return t.group === "" || s.group === t.group || s.group.startsWith(`${t.group} › `);
    });
    // Leaves only: drop a category whose own parts are columns too.
    const leaves = parts.filter(([, s]) => !parts.some(([, o]) => isDescendant(o.code, s.code)));
    if (leaves.length === 0) continue;
    let sum = 0;
    let any = false;
    for (const [c] of leaves) {
      const v = values.get(c);
      if (v !== undefined) {
        sum += v;
        any = true;
      }
    }
    if (!any || close(typed, sum)) continue;
    addIssue(issues, "warning", "TYPED_TOTAL_MISMATCH", view.ref(r, tc), {
      typed: round(typed),
      computed: round(sum),
      parts: `${columnLetters(leaves[0][0])}${r + 1}:${columnLetters(leaves[leaves.length - 1][0])}${r + 1}`,
    });
  }
}

/** Subtotal, section and total rows against the sum of the data rows they stand for. */
function checkLabelRows(
  view: SheetView,
  layout: TableLayout,
  rowAmounts: ReadonlyMap<number, ReadonlyMap<number, number>>,
  amountCols: readonly [number, AmountColumn][],
  amountAt: (r: number, c: number) => number | null | "bad",
  issues: Issue[],
): void {
  const body = layout.body;
  body.forEach((b, index) => {
    if (b.kind !== "total" && b.kind !== "subtotal" && b.kind !== "section") return;
    // The rows a label row stands for: a section's rows, a subtotal's section, a total's everything.
    const section = b.kind === "section" ? index : b.section;
    const members = body.filter((x) => x.kind === "data" && (section === undefined || x.section === section));
    if (members.length === 0) return;
    for (const [c] of amountCols) {
      const typed = amountAt(b.row, c);
      if (typed === null || typed === "bad") continue;
      let sum = 0;
      for (const m of members) sum += rowAmounts.get(m.row)?.get(c) ?? 0;
      if (close(typed, sum)) continue;
      const ref: CellRef = view.ref(b.row, c);
      addIssue(issues, "warning", "TYPED_TOTAL_MISMATCH", ref, {
        typed: round(typed),
        computed: round(sum),
        parts: `${columnLetters(c)}${members[0].row + 1}:${columnLetters(c)}${members[members.length - 1].row + 1}`,
      });
    }
  });
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
