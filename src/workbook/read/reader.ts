/**
 * Reads the planner's workbook — our template, or the forms (biểu) planners keep — into the engine's
 * EvaluationInput and EvaluationOptions, with a WorkbookUnderstanding of how each sheet was read.
 * Tolerant by design: sheets play their role by what they hold (their name is one clue); headers may
 * run over several merged rows under a title block; localities may be named rather than coded;
 * criteria may be given as marks. Every problem becomes an Issue naming its sheet and cell; nothing
 * throws on bad input. docs/READING.md is the contract.
 *
 * The steps: analyse and classify every sheet (roles.ts) → gather what the titles say (facts.ts) →
 * decide the settings (settings.ts) → criteria (criteria.ts, else the catalog's set) → localities
 * (localities.ts, names matched through units/) → budget (budget.ts) → targets → the evaluated set
 * (evaluatedSet.ts).
 */
import type {
  EvaluationInput,
  EvaluationOptions,
  IndicatorDef,
  Issue,
  Level,
  Locality,
  RegionCode,
  ValueKind,
} from "../../domain/types";
import { LEVELS } from "../../domain/types";
import { catalogCriteria, catalogIndicators, CRITERIA_SETS } from "../../catalog";
import { toSourceNodes } from "../../catalog/fundingCategories";
import { regionOfProvince } from "../../catalog/regions";
import {
  INPUT_ROLES,
  LOCALITY_ROLE_OF_LEVEL,
  SHEET_NAMES,
  type InputRole,
  type LocalityRole,
} from "../layout";
import { META_SHEET, TOOL_NAME_PREFIX, type SheetGrid, type WorkbookPort } from "../port";
import { readBudget } from "./budget";
import { readCriteria } from "./criteria";
import { evaluatedSet } from "./evaluatedSet";
import { settingsPerMillion, shortProvinceName, workbookFacts } from "./facts";
import { readLocalities, type TypedFigure } from "./localities";
import type { ColumnMapping, ReadRole, SettingOverrides } from "./mapping";
import { isMappingSheetName, parseMappingSheet } from "./mappingSheet";
import { mergeLocalities } from "./mergeLocalities";
import { classifySheets } from "./roles";
import type { NameReport } from "./rowUnits";
import { readSettings, type WorkbookSettings } from "./settings";
import {
  addIssue,
  resolveRoles,
  roleLabelParam,
  SheetView,
  type TableLayout,
  type TableSpecForRead,
} from "./sheet";
import { readTargets } from "./targets";
import {
  settingsUnderstanding,
  sheetUnderstanding,
  type SheetUnderstanding,
  type WorkbookUnderstanding,
} from "./understanding";
import type { UnitAccess } from "./units/unitAccess";

export type { ColumnMapping, ReadRole } from "./mapping";
export type { WorkbookSettings } from "./settings";

export interface ReadOptions {
  mapping?: ColumnMapping;
  /** Settings given on the command line (--year, --province, --set, --unit): they win over everything. */
  overrides?: SettingOverrides;
  /** The GSO unit lists, for names typed instead of codes and the place of a letterhead. */
  units?: UnitAccess;
  /** Told the layout found on each table sheet (the mapping screen shows what the reader sees). */
  observe?: (role: ReadRole, sheet: string, layout: TableLayout, spec: TableSpecForRead) => void;
}

export interface ReadResult {
  input: EvaluationInput;
  options: EvaluationOptions;
  settings: WorkbookSettings;
  issues: Issue[];
  /** The first sheet read for each role. */
  roles: Partial<Record<InputRole, string>>;
  /** Every sheet read, in workbook order (the pane watches them for changes). */
  inputSheets: string[];
  /** The mapping used: the one given, else the one on the tool's mapping sheet, else none. */
  mapping?: ColumnMapping;
  understanding: WorkbookUnderstanding;
  /** Figures the planner typed (counts), to check against the results. */
  typed: TypedFigure[];
}

/** Region used when neither the settings nor the province code give one (an issue says so). */
export const FALLBACK_REGION: RegionCode = "BTB";

/** Which sheets of a workbook the reader would read by their names alone (before reading them). */
export function inputSheetNames(
  sheetNames: readonly string[],
  mapping?: ColumnMapping,
): Partial<Record<ReadRole, string>> {
  return resolveRoles(sheetNames, mapping, []);
}

/** Data codes per level (first indicator's kind wins), without "@" metrics. */
function dataCodesByLevel(indicators: readonly IndicatorDef[]): Record<Level, Map<string, ValueKind>> {
  const out = Object.fromEntries(LEVELS.map((l) => [l, new Map<string, ValueKind>()])) as Record<
    Level,
    Map<string, ValueKind>
  >;
  for (const ind of indicators) {
    const code = ind.dataCode ?? ind.code;
    if (code.startsWith("@")) continue;
    if (!out[ind.level].has(code)) out[ind.level].set(code, ind.kind);
  }
  return out;
}

/** Indicator codes and criteria any set knows: what classification recognises before criteria are read. */
function recognitionContext() {
  const codes = new Set<string>();
  const criteria = new Map<string, { code: string; nameVi: string }>();
  for (const set of CRITERIA_SETS) {
    for (const d of catalogIndicators(set.id, "42")) codes.add(d.dataCode ?? d.code);
    for (const c of catalogCriteria(set.id, "42"))
      if (c.level === "commune" && c.tier === "ntm" && !criteria.has(c.code))
        criteria.set(c.code, { code: c.code, nameVi: c.nameVi });
  }
  return { codes, criteria: [...criteria.values()] };
}
let recognition: ReturnType<typeof recognitionContext> | undefined;

/** Reads grids already taken from a workbook (or several: each grid's `file` tells them apart). Pure. */
export function readInputs(grids: SheetGrid[], opts: ReadOptions = {}): ReadResult {
  const issues: Issue[] = [];
  const mapping = opts.mapping;
  const overrides: SettingOverrides = { ...mapping?.settings, ...opts.overrides };
  const classifyViews = grids.map((g) => new SheetView(g, "vi"));
  recognition ??= recognitionContext();
  const sheetRoles = classifySheets(classifyViews, mapping, recognition, issues);
  const roleOf = (name: string) => sheetRoles.find((s) => s.sheet === name)?.guess?.role;
  const gridsOf = (role: ReadRole) => grids.filter((g, i) => sheetRoles[i].guess?.role === role);
  const isEmpty = (g: SheetGrid) => g.values.every((row) => row.every((v) => v === null || v === ""));
  sheetRoles.forEach((s, i) => {
    if ((s.ignored === "unknown" || s.ignored === "hidden") && !isEmpty(grids[i]))
      addIssue(issues, "info", "SHEET_IGNORED", { sheet: s.sheet }, { whyKey: `issue.why.${s.ignored}` });
  });

  const tableOpts = (role: ReadRole, grid: SheetGrid) => ({
    mappedColumns: mapping?.columns?.[role],
    mappedHeaderRow: mapping?.headerRows?.[role],
    observe: (layout: TableLayout, spec: TableSpecForRead) => {
      layouts.set(grid, layout);
      opts.observe?.(role, grid.name, layout, spec);
    },
  });
  const layouts = new Map<SheetGrid, TableLayout>();
  const namesOf = new Map<SheetGrid, NameReport[]>();
  const sectionCodesOf = new Map<SheetGrid, Map<number, string>>();

  // Settings: the key/value block, what the titles say, and the overrides.
  const settingsGrid = gridsOf("settings")[0];
  const { facts, perMillion } = workbookFacts(classifyViews, roleOf, opts.units, issues);
  const settings = readSettings(settingsGrid, issues, { facts, overrides });
  const style = settings.numberStyle;
  const view = (grid: SheetGrid) => new SheetView(grid, style);

  const input: EvaluationInput = {
    indicators: [],
    criteria: [],
    localities: [],
    targets: [],
    budgetLines: [],
    sources: toSourceNodes(),
  };

  // Criteria: the workbook's list, else the catalog's set for the period.
  const criteriaGrids = gridsOf("criteria");
  const catalogCrit = catalogCriteria(settings.setId, settings.provinceCode);
  for (const grid of criteriaGrids) {
    const read = readCriteria(view(grid), issues, {
      ...tableOpts("criteria", grid),
      catalogCriteria: catalogCrit,
      catalogIndicators: catalogIndicators(settings.setId, settings.provinceCode),
    });
    input.indicators.push(...read.indicators);
    for (const c of read.criteria)
      if (!input.criteria.some((x) => x.code === c.code && x.level === c.level && x.tier === c.tier))
        input.criteria.push(c);
    if (read.indicators.length === 0) addIssue(issues, "error", "NO_INDICATORS", { sheet: grid.name }, {});
  }
  const catalogMode = criteriaGrids.length === 0;
  if (catalogMode) {
    input.indicators = catalogIndicators(settings.setId, settings.provinceCode);
    input.criteria = catalogCrit;
  }
  const byLevel = dataCodesByLevel(input.indicators);
  const allCodes = new Set<string>([
    ...input.indicators.map((i) => i.code),
    ...LEVELS.flatMap((l) => [...byLevel[l].keys()]),
  ]);
  const markCriteria = input.criteria
    .filter((c) => c.level === "commune" && c.tier === "ntm")
    .map((c) => ({ code: c.code, nameVi: c.nameVi }));

  // Localities: every sheet of a locality role; names matched to GSO units.
  const resolver = opts.units?.resolver(settings.setId, settings.provinceCode);
  const read: Record<Level, Locality[]> = { province: [], district: [], commune: [], village: [] };
  const sections: Locality[] = [];
  const dataColumns: Record<Level, Set<string>> = {
    province: new Set(),
    district: new Set(),
    commune: new Set(),
    village: new Set(),
  };
  const marks = new Map<string, string>();
  const typed: TypedFigure[] = [];
  for (const level of ["province", "district", "commune", "village"] as const) {
    const role = LOCALITY_ROLE_OF_LEVEL[level];
    for (const grid of gridsOf(role)) {
      const r = readLocalities(view(grid), role, issues, {
        dataCodes: byLevel[level],
        allCodes,
        ...(level === "commune" || level === "district"
          ? { criteria: level === "commune" ? markCriteria : [] }
          : {}),
        defaultParent: level === "village" || level === "province" ? undefined : settings.provinceCode,
        names: resolver,
        mappedNames: mapping?.names,
        ...tableOpts(role, grid),
      });
      read[level].push(...r.localities);
      sections.push(...r.sections);
      typed.push(...r.typed);
      namesOf.set(grid, r.names);
      sectionCodesOf.set(grid, r.sectionCodes);
      for (const code of r.dataColumns) dataColumns[level].add(code);
      for (const m of r.marks) if (!marks.has(m.criterion)) marks.set(m.criterion, grid.name);
      if (!catalogMode)
        missingDataColumns(
          r.dataColumns,
          byLevel[level],
          r.marks.map((m) => m.criterion),
          input.indicators,
          level,
          grid.name,
          issues,
        );
    }
  }

  // Budget and targets.
  const workbookPerMillion = settingsPerMillion(settings.moneyUnit);
  const budgetRows: Locality[] = [];
  for (const grid of gridsOf("budget")) {
    const sheetPer = perMillion.get(grid.name);
    const b = readBudget(view(grid), issues, {
      ...tableOpts("budget", grid),
      names: resolver,
      mappedNames: mapping?.names,
      defaultParent: settings.provinceCode,
      ...(sheetPer !== undefined ? { scale: sheetPer / workbookPerMillion } : {}),
    });
    input.budgetLines.push(...b.lines);
    sections.push(...b.sections);
    budgetRows.push(...b.rows);
    namesOf.set(grid, b.names);
    sectionCodesOf.set(grid, b.sectionCodes);
  }
  for (const grid of gridsOf("targets"))
    input.targets.push(...readTargets(view(grid), issues, tableOpts("targets", grid)));

  // The province: typed, from the letterhead, else the one the names point to.
  let provinceCode = settings.provinceCode ?? read.province[0]?.code;
  const voted = resolver?.province();
  if (provinceCode === undefined && voted) {
    provinceCode = voted.code;
    settings.provinceCode = voted.code;
    settings.sources.provinceCode = { kind: "inferred", from: "names" };
    addIssue(issues, "info", "SETTING_INFERRED", undefined, {
      label: "Mã tỉnh",
      labelEn: "Province code",
      value: voted.code,
      fromKey: "issue.from.names",
      quoted: ` (${voted.votes ?? 0}/${voted.of ?? 0})`,
    });
  }
  if (settings.provinceCode === undefined && provinceCode !== undefined) settings.provinceCode = provinceCode;
  if (settings.provinceName === undefined && provinceCode !== undefined) {
    const name = opts.units?.provinceName(provinceCode);
    if (name) settings.provinceName = shortProvinceName(name);
  }
  if (!settings.region && provinceCode) {
    const region = regionOfProvince(provinceCode);
    if (region) {
      settings.region = region;
      settings.sources.region = { kind: "inferred", from: "province" };
    }
  }
  let region = settings.region;
  if (!region) {
    region = FALLBACK_REGION;
    addIssue(
      issues,
      settings.setId === "2021-2025" ? "warning" : "info",
      "SETTINGS_REGION_MISSING",
      settings.refs.region ?? (settingsGrid ? { sheet: settingsGrid.name } : undefined),
      settingsGrid ? { fallback: region } : { sheet: SHEET_NAMES.settings.vi, fallback: region },
    );
  }
  const provinces = read.province;
  if (provinces.length === 0 && provinceCode !== undefined) {
    provinces.push({
      code: provinceCode,
      name: settings.provinceName ?? provinceCode,
      level: "province",
      values: {},
      ...(settings.refs.provinceCode ? { ref: settings.refs.provinceCode } : {}),
    });
  }
  for (const p of provinces) {
    if (!p.region) p.region = region;
    if (!p.name && settings.provinceName) p.name = settings.provinceName;
  }

  // Districts: the district sheet's, those section rows name, those matched communes belong to.
  const districts = mergeLocalities(
    [...read.district, ...sections.filter((s) => s.level === "district")],
    issues,
  );
  const communes = mergeLocalities(read.commune.length > 0 ? read.commune : budgetRows, issues);
  const known = new Set(districts.map((d) => d.code));
  for (const c of communes) {
    if (c.parent === undefined && provinceCode !== undefined) c.parent = provinceCode;
    const parent = c.parent;
    if (parent === undefined || known.has(parent) || parent === provinceCode) continue;
    const unit = opts.units?.unit(settings.setId, parent);
    if (unit && unit.level === "district") {
      districts.push({
        code: unit.code,
        name: unit.name,
        level: "district",
        values: {},
        ...(provinceCode ? { parent: provinceCode } : {}),
        unitType: unit.type,
      });
      known.add(unit.code);
    }
  }
  for (const d of districts)
    if (d.parent === undefined && provinceCode !== undefined) d.parent = provinceCode;
  input.localities = [
    ...mergeLocalities(provinces, issues),
    ...districts,
    ...communes,
    ...mergeLocalities(read.village, issues),
  ];

  // What the workbook can be judged on.
  const set = evaluatedSet({
    mode: catalogMode ? "catalog" : "workbook",
    setId: settings.setId,
    indicators: input.indicators,
    criteria: input.criteria,
    dataColumns,
    marks,
  });
  const hasData = communes.length > 0 || read.district.length > 0;
  const hasLocalitySheets = (["communes", "districts", "province", "villages"] as const).some(
    (r) => gridsOf(r).length > 0,
  );
  // The catalog's set stands in only for data to judge.
  input.indicators = catalogMode && !hasData ? [] : set.indicators;
  input.criteria = catalogMode && !hasData ? [] : set.criteria;
  if (catalogMode && hasData) {
    addIssue(issues, "info", "CATALOG_SET_USED", undefined, {
      set: settings.setId,
      criteria: set.criteria.filter((c) => c.level === "commune" && c.tier === "ntm").length,
      withoutData: set.criteriaWithoutData.join(", "),
    });
  }
  if (!catalogMode) {
    const missing = (role: LocalityRole, severity: "warning" | "info") =>
      addIssue(issues, severity, "MISSING_SHEET", undefined, {
        role: roleLabelParam(role),
        name: SHEET_NAMES[role].vi,
        nameEn: SHEET_NAMES[role].en,
      });
    if (gridsOf("province").length === 0) missing("province", byLevel.province.size > 0 ? "warning" : "info");
    const levelsInUse = new Set(input.indicators.map((i) => i.level));
    if (gridsOf("districts").length === 0 && levelsInUse.has("district") && districts.length === 0)
      missing("districts", "warning");
    if (gridsOf("villages").length === 0 && levelsInUse.has("village")) missing("villages", "warning");
  }
  if (!hasLocalitySheets && input.budgetLines.length === 0 && catalogMode)
    addIssue(issues, "error", "MISSING_SHEET", undefined, {
      role: roleLabelParam("criteria"),
      name: SHEET_NAMES.criteria.vi,
      nameEn: SHEET_NAMES.criteria.en,
    });
  if (!hasLocalitySheets && input.budgetLines.length === 0)
    addIssue(issues, "error", "MISSING_SHEET", undefined, {
      role: roleLabelParam("communes"),
      name: SHEET_NAMES.communes.vi,
      nameEn: SHEET_NAMES.communes.en,
    });

  const options: EvaluationOptions = {
    setId: settings.setId,
    year: settings.year,
    region,
    nearMargin: settings.nearMargin,
    counterpartRatio: settings.counterpartRatio,
  };
  const foundRoles: Partial<Record<InputRole, string>> = {};
  for (const role of INPUT_ROLES) {
    const first = gridsOf(role)[0];
    if (first) foundRoles[role] = first.name;
  }
  const understanding: WorkbookUnderstanding = {
    sheets: grids.map((g, i): SheetUnderstanding =>
      sheetUnderstanding(
        classifyViews[i],
        sheetRoles[i],
        layouts.get(g),
        namesOf.get(g) ?? [],
        sectionCodesOf.get(g),
      ),
    ),
    settings: settingsUnderstanding(settings),
    criteria: catalogMode ? (hasData ? "catalog" : "none") : "workbook",
    markedCriteria: set.markedCriteria,
    criteriaWithoutData: set.criteriaWithoutData,
  };
  return {
    input,
    options,
    settings,
    issues,
    roles: foundRoles,
    inputSheets: grids.filter((_, i) => sheetRoles[i].guess !== null).map((g) => g.name),
    understanding,
    typed,
  };
}

/** A data code of the criteria sheet with no column on a data sheet, unless a mark stands for its criterion. */
function missingDataColumns(
  found: readonly string[],
  codes: ReadonlyMap<string, ValueKind>,
  markedCriteria: readonly string[],
  indicators: readonly IndicatorDef[],
  level: Level,
  sheet: string,
  issues: Issue[],
): void {
  const have = new Set(found);
  const marked = new Set(markedCriteria);
  for (const code of codes.keys()) {
    if (have.has(code)) continue;
    const def = indicators.find((d) => d.level === level && (d.dataCode ?? d.code) === code);
    if (def && marked.has(def.criterion)) continue;
    addIssue(issues, "warning", "MISSING_DATA_COLUMN", { sheet }, { code });
  }
}

/** Sheets the tool owns or keeps for itself, never inputs. */
function isToolSheet(name: string, owned: ReadonlySet<string>): boolean {
  return name === META_SHEET || name.startsWith(TOOL_NAME_PREFIX) || owned.has(name.toLowerCase());
}

/**
 * Reads the open workbook through a port: the sheet names, the tool's meta, then every sheet that
 * may be an input (the tool's own sheets never are) together with the tool's mapping sheet. Without
 * a mapping given, the one saved on the mapping sheet is used.
 */
export async function readWorkbook(port: WorkbookPort, opts: ReadOptions = {}): Promise<ReadResult> {
  const names = await port.sheetNames();
  const owned = new Set(((await port.readMeta())?.ownedSheets ?? []).map((n) => n.toLowerCase()));
  const mappingSheet = opts.mapping
    ? undefined
    : names.find((n) => isMappingSheetName(n) && owned.has(n.toLowerCase()));
  const wanted = names.filter((n) => !isToolSheet(n, owned) && SHEET_NAMES.instructions.vi !== n);
  const grids = await port.readSheets(mappingSheet ? [...wanted, mappingSheet] : wanted);
  const saved = mappingSheet ? grids.find((g) => g.name === mappingSheet) : undefined;
  const mapping = opts.mapping ?? (saved ? parseMappingSheet(saved) : undefined);
  const read = readInputs(
    grids.filter((g) => g !== saved),
    { ...opts, mapping },
  );
  return mapping ? { ...read, mapping } : read;
}
