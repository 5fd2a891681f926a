/**
 * Reads the planner's input workbook into the engine's EvaluationInput and EvaluationOptions.
 * Tolerant by design: sheets are found by any of their names (vi, en, aliases; case, spacing and
 * diacritics ignored) or by the planner's ColumnMapping; headers may sit below a title; columns may
 * be in any order. Every problem becomes an Issue naming its sheet and cell; nothing throws on bad
 * input.
 *
 * The sheet-by-sheet readers live beside this file: readSettings (settings.ts), readCriteria,
 * readLocalities, readBudget, readTargets, with the shared helpers in readSheet.ts.
 */
import type {
  EvaluationInput,
  EvaluationOptions,
  Issue,
  Level,
  Locality,
  RegionCode,
  ValueKind,
} from "../../domain/types";
import { LEVELS } from "../../domain/types";
import { catalogCriteria } from "../../catalog";
import { toSourceNodes } from "../../catalog/fundingCategories";
import { regionOfProvince } from "../../catalog/regions";
import { INPUT_ROLES, LOCALITY_ROLE_OF_LEVEL, SHEET_NAMES, type InputRole } from "../layout";
import type { SheetGrid, WorkbookPort } from "../port";
import { readBudget } from "./budget";
import { readCriteria } from "./criteria";
import { readLocalities } from "./localities";
import {
  addIssue,
  resolveRoles,
  roleLabelParam,
  SheetView,
  type ColumnMapping,
  type ReadRole,
  type TableLayout,
  type TableSpecForRead,
} from "./sheet";
import { isMappingSheetName, parseMappingSheet } from "./mappingSheet";
import { readTargets } from "./targets";
import { readSettings, type WorkbookSettings } from "./settings";

export type { ColumnMapping, ReadRole } from "./sheet";
export type { WorkbookSettings } from "./settings";

export interface ReadOptions {
  mapping?: ColumnMapping;
  /** Told the layout found on each table sheet (the mapping screen shows what the reader sees). */
  observe?: (role: ReadRole, sheet: string, layout: TableLayout, spec: TableSpecForRead) => void;
}

export interface ReadResult {
  input: EvaluationInput;
  options: EvaluationOptions;
  settings: WorkbookSettings;
  issues: Issue[];
  /** The actual name of the sheet found for each role. */
  roles: Partial<Record<InputRole, string>>;
  /** The mapping used: the one given, else the one on the tool's mapping sheet, else none. */
  mapping?: ColumnMapping;
}

/** Region used when neither the settings nor the province code give one (an issue says so). */
export const FALLBACK_REGION: RegionCode = "BTB";

/** Which sheets of a workbook the reader would read, by role (the instructions sheet is never read). */
export function inputSheetNames(
  sheetNames: readonly string[],
  mapping?: ColumnMapping,
): Partial<Record<ReadRole, string>> {
  return resolveRoles(sheetNames, mapping, []);
}

/** Data codes per level (first indicator's kind wins), without "@" metrics. */
function dataCodesByLevel(input: EvaluationInput): Record<Level, Map<string, ValueKind>> {
  const out = Object.fromEntries(LEVELS.map((l) => [l, new Map<string, ValueKind>()])) as Record<
    Level,
    Map<string, ValueKind>
  >;
  for (const ind of input.indicators) {
    const code = ind.dataCode ?? ind.code;
    if (code.startsWith("@")) continue;
    if (!out[ind.level].has(code)) out[ind.level].set(code, ind.kind);
  }
  return out;
}

/** Reads grids already taken from a workbook. Pure. */
export function readInputs(grids: SheetGrid[], opts: ReadOptions = {}): ReadResult {
  const issues: Issue[] = [];
  const mapping = opts.mapping;
  const roles = resolveRoles(
    grids.map((g) => g.name),
    mapping,
    issues,
  );
  const gridOf = (role: ReadRole) =>
    roles[role] !== undefined ? grids.find((g) => g.name === roles[role]) : undefined;
  const missing = (role: ReadRole, severity: "error" | "warning" | "info") =>
    addIssue(issues, severity, "MISSING_SHEET", undefined, {
      role: roleLabelParam(role),
      name: SHEET_NAMES[role].vi,
      nameEn: SHEET_NAMES[role].en,
    });
  const tableOpts = (role: ReadRole) => ({
    mappedColumns: mapping?.columns?.[role],
    mappedHeaderRow: mapping?.headerRows?.[role],
    observe: opts.observe
      ? (layout: TableLayout, spec: TableSpecForRead) => opts.observe!(role, roles[role]!, layout, spec)
      : undefined,
  });

  // Settings.
  const settingsGrid = gridOf("settings");
  if (!settingsGrid) missing("settings", "warning");
  const settings = readSettings(settingsGrid, issues);
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

  // Criteria.
  const criteriaGrid = gridOf("criteria");
  if (!criteriaGrid) missing("criteria", "error");
  else {
    const read = readCriteria(view(criteriaGrid), issues, {
      ...tableOpts("criteria"),
      catalogCriteria: catalogCriteria(settings.setId, settings.provinceCode),
    });
    input.indicators = read.indicators;
    input.criteria = read.criteria;
    if (read.indicators.length === 0)
      addIssue(issues, "error", "NO_INDICATORS", { sheet: criteriaGrid.name }, {});
  }
  const byLevel = dataCodesByLevel(input);
  const levelsInUse = new Set(input.indicators.map((i) => i.level));
  const allCodes = new Set<string>([
    ...input.indicators.map((i) => i.code),
    ...LEVELS.flatMap((l) => [...byLevel[l].keys()]),
  ]);

  const readLevel = (level: Level, defaultParent: string | undefined): Locality[] => {
    const role = LOCALITY_ROLE_OF_LEVEL[level];
    const grid = gridOf(role);
    if (!grid) {
      if (role === "communes") missing(role, "error");
      else if (role === "province") missing(role, byLevel.province.size > 0 ? "warning" : "info");
      else if (levelsInUse.has(level)) missing(role, "warning");
      return [];
    }
    return readLocalities(view(grid), role, issues, {
      dataCodes: byLevel[level],
      allCodes,
      defaultParent,
      ...tableOpts(role),
    });
  };

  // Province first: its code is the default parent of districts and (without districts) communes.
  const provinces = readLevel("province", undefined);
  const provinceCode = settings.provinceCode ?? provinces[0]?.code;
  if (provinceCode !== undefined && settings.provinceCode === undefined) settings.provinceCode = provinceCode;
  if (!settings.region && provinceCode) {
    const region = regionOfProvince(provinceCode);
    if (region) settings.region = region;
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
  const districts = readLevel("district", provinceCode);
  const communes = readLevel("commune", provinceCode);
  const villages = readLevel("village", undefined);
  input.localities = [...provinces, ...districts, ...communes, ...villages];

  // Budget and targets.
  const budgetGrid = gridOf("budget");
  if (!budgetGrid) missing("budget", "info");
  else input.budgetLines = readBudget(view(budgetGrid), issues, tableOpts("budget"));
  const targetsGrid = gridOf("targets");
  if (!targetsGrid) missing("targets", "info");
  else input.targets = readTargets(view(targetsGrid), issues, tableOpts("targets"));

  const options: EvaluationOptions = {
    setId: settings.setId,
    year: settings.year,
    region,
    nearMargin: settings.nearMargin,
    counterpartRatio: settings.counterpartRatio,
  };
  const foundRoles: Partial<Record<InputRole, string>> = {};
  for (const role of INPUT_ROLES) if (roles[role] !== undefined) foundRoles[role] = roles[role];
  return { input, options, settings, issues, roles: foundRoles };
}

/**
 * Reads the open workbook through a port: one sheetNames() call, one readSheets() call. Without a
 * mapping, the mapping saved on the tool's mapping sheet (if any) is read first and used.
 */
export async function readWorkbook(port: WorkbookPort, opts: ReadOptions = {}): Promise<ReadResult> {
  const names = await port.sheetNames();
  const mapping = opts.mapping ?? (await savedMapping(port, names));
  const roles = inputSheetNames(names, mapping);
  const wanted = INPUT_ROLES.map((r) => roles[r]).filter((n): n is string => n !== undefined);
  const grids = await port.readSheets(wanted);
  const read = readInputs(grids, { ...opts, mapping });
  return mapping ? { ...read, mapping } : read;
}

/** The mapping on the tool's own mapping sheet; a user's sheet of the same name is not read. */
async function savedMapping(
  port: WorkbookPort,
  names: readonly string[],
): Promise<ColumnMapping | undefined> {
  const candidates = names.filter((n) => isMappingSheetName(n));
  if (candidates.length === 0) return undefined;
  const owned = new Set(((await port.readMeta())?.ownedSheets ?? []).map((n) => n.toLowerCase()));
  const ours = candidates.filter((n) => owned.has(n.toLowerCase()));
  if (ours.length === 0) return undefined;
  const [grid] = await port.readSheets([ours[0]]);
  return grid ? parseMappingSheet(grid) : undefined;
}
