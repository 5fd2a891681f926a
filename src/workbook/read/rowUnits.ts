/**
 * Which unit each data row of a table is about, for every sheet that lists localities (data sheets,
 * budget sheets): its code; else its name matched to a GSO unit, within the district that its
 * section row ("I | Huyện Can Lộc") or its district column names. A section row naming a district
 * gives that district. A name that matches nothing keeps its row, read under the name itself, with
 * an issue listing the nearest units. Pure (the matching is the resolver's).
 */
import type { CellRef, Issue, Level, Locality } from "../../domain/types";
import type { NameRequest, NameResolver, UnitCandidate } from "./nameResolver";
import { addIssue, type SheetView, type TableLayout } from "./sheet";

export interface RowUnit {
  code: string;
  name: string;
  ref: CellRef;
  /** The district (or other parent) the row is under, as a code when known. */
  parent?: string;
  unitType?: string;
}

/** How a typed name was given its unit (shown by inspect and the pane). */
export interface NameReport {
  ref: CellRef;
  text: string;
  level: Level;
  outcome: "matched" | "ambiguous" | "unmatched" | "mapped";
  /** The code the row is read under: the unit's, or the name itself when none matched. */
  code: string;
  unitName?: string;
  candidates: UnitCandidate[];
}

export interface RowUnitsOptions {
  level: Level;
  /** Columns of the code, the name, the parent's code and the parent's name (any may be absent). */
  codeCol?: number;
  nameCol?: number;
  parentCol?: number;
  parentNameCol?: number;
  names?: NameResolver;
  /** The planner's choice of unit for a name typed at "Sheet!B7". */
  mappedNames?: Readonly<Record<string, string>>;
  /** Parent of a section's district (the province). */
  defaultParent?: string;
  /** Report rows with neither code nor name (a data sheet; a budget sheet's blank rows are ignored). */
  reportBlank?: boolean;
}

export interface RowUnits {
  /** Per data row of `layout.rows`, its unit (undefined: the row is about no unit). */
  units: (RowUnit | undefined)[];
  /** Districts named by section rows, in order. */
  sections: Locality[];
  /** The unit code of each section row that names one, by row. */
  sectionCodes: Map<number, string>;
  names: NameReport[];
}

const LEVEL_OF_SECTION: Partial<Record<Level, Level>> = { commune: "district", village: "commune" };
const DIGITS = /^\d+$/;

export function rowUnits(
  view: SheetView,
  layout: TableLayout,
  opts: RowUnitsOptions,
  issues: Issue[],
): RowUnits {
  const out: RowUnits = {
    units: new Array(layout.rows.length),
    sections: [],
    sectionCodes: new Map(),
    names: [],
  };
  const sectionLevel = LEVEL_OF_SECTION[opts.level];
  const byRow = new Map(layout.body.map((b) => [b.row, b]));

  // Section rows first: they give the district of the rows under them.
  const sections = layout.body.filter((b) => b.kind === "section");
  if (sectionLevel && opts.names) {
    const named = sections
      .map((s) => ({ s, text: s.name ?? view.text(s.row, opts.nameCol) }))
      .filter((x) => x.text !== "");
    const resolved = opts.names.resolve(named.map((x) => ({ text: x.text, level: sectionLevel })));
    named.forEach(({ s, text }, i) => {
      const m = resolved[i];
      const ref = view.ref(s.row, opts.nameCol ?? layout.band?.firstCol ?? 0);
      if (m.kind !== "matched") {
        addIssue(issues, "info", "SECTION_NOT_DISTRICT", ref, { name: text });
        return;
      }
      out.sectionCodes.set(s.row, m.code);
      out.sections.push({
        code: m.code,
        name: m.name,
        level: sectionLevel,
        values: {},
        ref,
        ...(opts.defaultParent ? { parent: opts.defaultParent } : {}),
        ...(m.unitType ? { unitType: m.unitType } : {}),
      });
    });
  }

  const pending: { i: number; request: NameRequest; ref: CellRef; text: string; parent?: string }[] = [];
  let kept = 0;
  layout.rows.forEach((r, i) => {
    const body = byRow.get(r);
    const section = body?.section !== undefined ? layout.body[body.section] : undefined;
    const code = view.text(r, opts.codeCol);
    const name = view.text(r, opts.nameCol);
    const parentName = view.text(r, opts.parentNameCol);
    let parent = view.text(r, opts.parentCol) || undefined;
    if (!parent && DIGITS.test(parentName)) parent = parentName;
    if (!parent && section) parent = out.sectionCodes.get(section.row);
    if (code) {
      out.units[i] = { code, name, ref: view.ref(r, opts.codeCol!), ...(parent ? { parent } : {}) };
      return;
    }
    if (!name || opts.nameCol === undefined) {
      if (opts.reportBlank && opts.codeCol !== undefined)
        addIssue(issues, "warning", "BLANK_LOCALITY_CODE", view.ref(r, opts.codeCol), { name });
      return;
    }
    const ref = view.ref(r, opts.nameCol);
    const mapped = opts.mappedNames?.[`${ref.sheet}!${ref.cell}`];
    if (mapped) {
      out.units[i] = { code: mapped, name, ref, ...(parent ? { parent } : {}) };
      out.names.push({ ref, text: name, level: opts.level, outcome: "mapped", code: mapped, candidates: [] });
      return;
    }
    if (!opts.names && opts.codeCol !== undefined) {
      if (opts.reportBlank)
        addIssue(issues, "warning", "BLANK_LOCALITY_CODE", view.ref(r, opts.codeCol), { name });
      return;
    }
    if (!opts.names) {
      // No code column and no unit list for this period or province: the name is the row's key.
      out.units[i] = { code: name, name, ref, ...(parent ? { parent } : {}) };
      kept++;
      return;
    }
    const district = parent ?? (parentName && !DIGITS.test(parentName) ? parentName : undefined);
    pending.push({
      i,
      request: { text: name, level: opts.level, ...(district ? { district } : {}) },
      ref,
      text: name,
      parent,
    });
  });

  if (kept > 0) addIssue(issues, "info", "NAMES_WITHOUT_UNIT_LIST", { sheet: view.name }, { count: kept });
  if (pending.length > 0 && opts.names) {
    const resolved = opts.names.resolve(pending.map((p) => p.request));
    pending.forEach((p, j) => {
      const m = resolved[j];
      if (m.kind === "matched") {
        const parent =
          p.parent !== undefined && DIGITS.test(p.parent) ? p.parent : (m.parentCode ?? p.parent);
        out.units[p.i] = {
          code: m.code,
          name: p.text,
          ref: p.ref,
          ...(parent ? { parent } : {}),
          ...(m.unitType ? { unitType: m.unitType } : {}),
        };
        out.names.push({
          ref: p.ref,
          text: p.text,
          level: opts.level,
          outcome: "matched",
          code: m.code,
          unitName: m.name,
          candidates: [],
        });
        return;
      }
      out.units[p.i] = { code: p.text, name: p.text, ref: p.ref, ...(p.parent ? { parent: p.parent } : {}) };
      out.names.push({
        ref: p.ref,
        text: p.text,
        level: opts.level,
        outcome: m.kind,
        code: p.text,
        candidates: m.candidates,
      });
      addIssue(issues, "warning", m.kind === "ambiguous" ? "NAME_AMBIGUOUS" : "NAME_UNMATCHED", p.ref, {
        name: p.text,
        candidates: m.candidates.map((c) => `${c.name} (${c.code})`).join("; "),
      });
    });
  }
  return out;
}
