/**
 * A fake Excel for the office.js port: `installFakeOffice()` puts `Excel` and `Office` on globalThis and
 * returns a handle on the fake workbook for assertions. Plain TypeScript with no Node APIs, so it can
 * also be bundled into a browser page as a stand-in for office.js.
 *
 * What it models (see client.ts and state.ts): queued commands run at `context.sync()`; unloaded
 * properties throw; shapes of 2-D arrays are checked; typed text becomes numbers, formulas or text as in
 * Excel (a leading apostrophe keeps text as text); sheets, visibility (VeryHidden included), positions,
 * tab colours; values, number formats, formulas, styles, merges (Range.getMergedAreasOrNullObject from
 * ExcelApi 1.13: the areas whose top-left cell is in the range, a null object when there are none, a
 * failed sync over 512), column widths; conditional formats
 * (Custom and DataBar, with priorities), list validations, tables, workbook names, freeze panes, page
 * layout (margins, centre footer), gridlines, sheet protection (a protected sheet refuses changes to cells,
 * formats and charts, as Excel does), charts (add, title, series, position); Excel.createWorkbook (the
 * base64 .xlsx files are kept for assertions); suspended calculation / screen updating; runtime.enableEvents and worksheets.onChanged (with
 * triggerSource from ExcelApi 1.14); requirement sets up to a configurable ExcelApi version; document
 * settings, display language, platform, theme, Office.onReady, Office.actions.associate, Office.addin.showAsTaskpane.
 *
 * Every sync's request and response size is estimated (JSON bytes) and checked against limits
 * (default 5 MB, Excel on the web's); a test can make the next syncs fail with cell-edit or busy errors.
 */
import {
  ClientObject,
  FakeEngine,
  FakeRequestContext,
  versionAtLeast,
  type ChangeEventArgs,
  type SyncRecord,
} from "./client";
import { FakeOfficeError, invalidArgument, type InjectedError } from "./errors";
import {
  parseAddress,
  rectAddress,
  type CfState,
  type ChartState,
  type ProtectionState,
  type SheetState,
  type StoredValue,
  type ValidationState,
  WorkbookState,
} from "./state";

export { FakeOfficeError, INJECTED_ERRORS, type InjectedError } from "./errors";
export type { SyncRecord, ChangeEventArgs } from "./client";
export type { StoredValue } from "./state";

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set supported (default "1.17"). */
  apiVersion?: string;
  /** Other requirement sets, e.g. { SharedRuntime: "1.1" } (default SharedRuntime 1.1, DialogApi 1.2). */
  sets?: Record<string, string>;
  /** Sheets of the new workbook (default one empty "Sheet1", as Excel starts). */
  sheets?: string[];
  displayLanguage?: string;
  /** Office.context.platform: "PC" (default), "OfficeOnline", "Mac"… */
  platform?: string;
  /** Office.context.officeTheme.bodyBackgroundColor; undefined leaves officeTheme undefined. */
  bodyBackgroundColor?: string;
  /** Request / response payload limits per sync, in bytes (default 5 MB each, Excel on the web). */
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  /** Document settings already saved with the document. */
  settings?: Record<string, unknown>;
}

export interface FakeCfView {
  type: string;
  range: string;
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
  dataBar?: CfState["dataBar"];
}

/** Read-only views of one sheet for assertions. */
export interface FakeSheetView {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
  readonly tabColor: string;
  /** Values from A1 to the last used cell, null for empty cells (errors as { error }). */
  values(): (StoredValue | null)[][];
  cell(address: string): {
    value: StoredValue | null;
    formula?: string;
    numberFormat: string;
    quotePrefix: boolean;
    style: Record<string, unknown>;
  };
  conditionalFormats(): FakeCfView[];
  validations(): (Omit<ValidationState, "rect"> & { range: string })[];
  merges(): string[];
  columnWidths(): Map<number, number>;
  freeze(): { rows: number; columns: number } | null;
  pageLayout(): SheetState["pageLayout"];
  /** Print margins in points. */
  pageMargins(): SheetState["pageMargins"];
  /** The centre footer of every page ("" when none). */
  readonly centerFooter: string;
  readonly showGridlines: boolean;
  protection(): ProtectionState;
  /** The sheet's charts, in the order they were added. */
  charts(): ChartState[];
  /** Raw state (for tests that need more). */
  readonly state: SheetState;
}

export interface FakeExcelHandle {
  readonly workbook: WorkbookState;
  readonly engine: FakeEngine;
  /** Every sheet's name in tab order, hidden ones included. */
  sheetNames(): string[];
  sheet(name: string): FakeSheetView;
  names(): { name: string; formula: string }[];
  tables(): { name: string; sheet: string; range: string; style: string }[];
  readonly syncs: readonly SyncRecord[];
  readonly syncCount: number;
  readonly maxRequestBytes: number;
  readonly runs: number;
  /** Most Excel.run batches in progress at once. */
  readonly maxConcurrentRuns: number;
  /** True while a sync-suspended calculation is in force. */
  readonly calculationSuspended: boolean;
  readonly enableEvents: boolean;
  resetStats(): void;
  /** Same as resetStats (the browser stand-in calls it once the test workbook is written). */
  resetCounters(): void;
  /** The next `times` syncs fail with this error before anything runs. */
  failNextSync(error: InjectedError | FakeOfficeError, times?: number): void;
  /** The n-th sync from now (1 = the next) fails with `error` before anything runs. */
  failSync(n: number, error: InjectedError | FakeOfficeError): void;
  /** While true, every sync fails as when the user is editing a cell. */
  setCellEditing(on: boolean): void;
  /** A user edit: writes the value as typed and fires onChanged (triggerSource "Unknown") if events are on. */
  editCell(sheet: string, address: string, value: unknown): void;
  /** Settings as last saved with saveAsync. */
  savedSettings(): Record<string, unknown>;
  /** Functions registered with Office.actions.associate. */
  readonly actions: Map<string, (...args: unknown[]) => unknown>;
  readonly paneShown: number;
  /** The base64 .xlsx files given to Excel.createWorkbook, in order. */
  readonly createdWorkbooks: readonly string[];
  /** The next `times` calls of Excel.createWorkbook fail with this error. */
  failNextCreateWorkbook(error: FakeOfficeError, times?: number): void;
  readonly selection: { sheet: string; address: string } | null;
  readonly activeSheet: string | null;
  /** Removes the globals. */
  uninstall(): void;
}

function sheetView(s: SheetState): FakeSheetView {
  return {
    get name() {
      return s.name;
    },
    get id() {
      return s.id;
    },
    get visibility() {
      return s.visibility;
    },
    get tabColor() {
      return s.tabColor;
    },
    state: s,
    values() {
      const used = s.usedRect(true);
      if (!used) return [];
      const out: (StoredValue | null)[][] = [];
      for (let r = 0; r <= used.r1; r++) {
        const row: (StoredValue | null)[] = [];
        for (let c = 0; c <= used.c1; c++) row.push(s.value(r, c));
        out.push(row);
      }
      return out;
    },
    cell(address: string) {
      const p = parseAddress(address);
      if (!p) throw new Error(`Not an address: ${address}`);
      const { r0, c0 } = p.rect;
      const formula = s.formula(r0, c0);
      return {
        value: s.value(r0, c0),
        ...(formula !== undefined ? { formula } : {}),
        numberFormat: s.numberFormat(r0, c0),
        quotePrefix: s.hasQuotePrefix(r0, c0),
        style: s.styleAt(r0, c0),
      };
    },
    conditionalFormats() {
      return s.conditionalFormats.map((cf) => ({
        type: cf.type,
        range: rectAddress(cf.rect),
        ...(cf.custom
          ? { formula: cf.custom.formula, fill: cf.custom.fill, fontColor: cf.custom.fontColor }
          : {}),
        ...(cf.dataBar ? { dataBar: { ...cf.dataBar } } : {}),
      }));
    },
    validations() {
      return s.validations.map((v) => ({
        range: rectAddress(v.rect),
        rule: v.rule,
        errorAlert: v.errorAlert,
        ignoreBlanks: v.ignoreBlanks,
      }));
    },
    merges() {
      return s.merges.map(rectAddress);
    },
    columnWidths() {
      return new Map(s.columnWidths);
    },
    freeze() {
      return s.freeze;
    },
    pageLayout() {
      return s.pageLayout;
    },
    pageMargins() {
      return { ...s.pageMargins };
    },
    get centerFooter() {
      return s.centerFooter;
    },
    get showGridlines() {
      return s.showGridlines;
    },
    protection() {
      return { ...s.protection };
    },
    charts() {
      return s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) }));
    },
  };
}

interface OfficeGlobals {
  Excel?: unknown;
  Office?: unknown;
}

/** Installs the fake `Excel` and `Office` globals and returns the handle. */
export function installFakeOffice(opts: FakeOfficeOptions = {}): FakeExcelHandle {
  const wb = new WorkbookState();
  for (const name of opts.sheets ?? ["Sheet1"]) wb.addSheet(name);
  const apiVersion = opts.apiVersion ?? "1.17";
  const engine = new FakeEngine(wb, {
    apiVersion,
    requestLimitBytes: opts.requestLimitBytes ?? 5 * 1024 * 1024,
    responseLimitBytes: opts.responseLimitBytes ?? 5 * 1024 * 1024,
  });
  const sets: Record<string, string> = {
    ExcelApi: apiVersion,
    SharedRuntime: "1.1",
    DialogApi: "1.2",
    ...(opts.sets ?? {}),
  };
  const settings = new Map<string, unknown>(Object.entries(opts.settings ?? {}));
  let saved: Record<string, unknown> = { ...(opts.settings ?? {}) };
  const actions = new Map<string, (...args: unknown[]) => unknown>();
  let paneShown = 0;
  const createdWorkbooks: string[] = [];
  const createFailures: FakeOfficeError[] = [];
  const platform = opts.platform ?? "PC";

  const Excel = {
    run<T>(
      first: FakeRequestContext | ClientObject<unknown> | ((ctx: FakeRequestContext) => Promise<T>),
      second?: (ctx: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      let ctx: FakeRequestContext;
      let batch: (ctx: FakeRequestContext) => Promise<T>;
      if (typeof first === "function") {
        ctx = new FakeRequestContext(engine);
        batch = first;
      } else {
        ctx =
          first instanceof FakeRequestContext ? first : (first as { context: FakeRequestContext }).context;
        if (!second) return Promise.reject(invalidArgument("Excel.run needs a batch function."));
        batch = second;
      }
      return engine.run(ctx, batch);
    },
    RequestContext: FakeRequestContext,
    /**
     * Opens a new workbook from a base64 .xlsx (ExcelApi 1.8). Refuses what Excel cannot open: text
     * that is not base64, or bytes that are not a zip package.
     */
    createWorkbook(base64?: string): Promise<void> {
      return new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          const failure = createFailures.shift();
          if (failure) return reject(failure);
          if (!engine.supports("1.8"))
            return reject(new FakeOfficeError("ApiNotFound", "Excel.createWorkbook needs ExcelApi 1.8."));
          if (base64 !== undefined) {
            let head = "";
            try {
              head = atob(base64.slice(0, 8));
            } catch {
              return reject(invalidArgument("The workbook is not base64."));
            }
            if (!head.startsWith("PK\u0003\u0004"))
              return reject(invalidArgument("The workbook is not an .xlsx file."));
          }
          createdWorkbooks.push(base64 ?? "");
          resolve();
        }, 0),
      );
    },
    ErrorCodes: {
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      accessDenied: "AccessDenied",
      invalidArgument: "InvalidArgument",
      itemNotFound: "ItemNotFound",
      generalException: "GeneralException",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    ConditionalFormatType: { custom: "Custom", dataBar: "DataBar" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartType: {
      columnClustered: "ColumnClustered",
      barClustered: "BarClustered",
      pie: "Pie",
      line: "Line",
    },
  };

  const Office = {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: opts.displayLanguage ?? "vi-VN",
      platform,
      officeTheme:
        opts.bodyBackgroundColor === undefined
          ? undefined
          : {
              bodyBackgroundColor: opts.bodyBackgroundColor,
              bodyForegroundColor: "#000000",
              controlBackgroundColor: opts.bodyBackgroundColor,
              controlForegroundColor: "#000000",
            },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = sets[name];
          if (have === undefined) return false;
          return minVersion === undefined || versionAtLeast(have, String(minVersion));
        },
      },
      document: {
        settings: {
          get: (name: string) => (settings.has(name) ? settings.get(name) : null),
          set: (name: string, value: unknown) => void settings.set(name, value),
          remove: (name: string) => void settings.delete(name),
          saveAsync(
            optionsOrCallback?: unknown,
            maybeCallback?: (r: { status: string; error?: { message: string } }) => void,
          ) {
            const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback;
            setTimeout(() => {
              saved = Object.fromEntries(settings);
              (callback as ((r: { status: string }) => void) | undefined)?.({ status: "succeeded" });
            }, 0);
          },
        },
      },
    },
    actions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => void actions.set(id, fn),
    },
    addin: {
      showAsTaskpane: () => {
        paneShown++;
        return Promise.resolve();
      },
      hide: () => Promise.resolve(),
    },
  };

  const g = globalThis as OfficeGlobals;
  const previous = { Excel: g.Excel, Office: g.Office };
  g.Excel = Excel;
  g.Office = Office;

  const findSheet = (name: string): SheetState => {
    const s = wb.findSheet(name);
    if (!s) throw new Error(`No sheet "${name}" in the fake workbook`);
    return s;
  };

  return {
    workbook: wb,
    engine,
    sheetNames: () => wb.sheets.map((s) => s.name),
    sheet: (name) => sheetView(findSheet(name)),
    names: () => wb.names.map((n) => ({ name: n.name, formula: n.formula })),
    tables: () =>
      wb.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        range: rectAddress(t.rect),
        style: t.style,
      })),
    get syncs() {
      return engine.syncs;
    },
    get syncCount() {
      return engine.syncs.length;
    },
    get maxRequestBytes() {
      return engine.maxRequestBytes;
    },
    get runs() {
      return engine.runs;
    },
    get maxConcurrentRuns() {
      return engine.maxActiveRuns;
    },
    get calculationSuspended() {
      return engine.calculationSuspended;
    },
    get enableEvents() {
      return wb.enableEvents;
    },
    resetStats() {
      engine.syncs.length = 0;
      engine.runs = 0;
      engine.maxActiveRuns = engine.activeRuns;
    },
    resetCounters() {
      this.resetStats();
    },
    failNextSync: (error, times = 1) => engine.failNextSync(error, times),
    failSync: (n, error) => engine.failSync(n, error),
    setCellEditing: (on) => void (engine.cellEditing = on),
    editCell(sheet, address, value) {
      const s = findSheet(sheet);
      const p = parseAddress(address);
      if (!p) throw new Error(`Not an address: ${address}`);
      s.writeValue(p.rect.r0, p.rect.c0, value);
      if (wb.enableEvents) {
        const args: ChangeEventArgs = engine.changeEvent(s, p.rect, "Unknown");
        engine.dispatch([args]);
      }
    },
    savedSettings: () => ({ ...saved }),
    actions,
    get paneShown() {
      return paneShown;
    },
    createdWorkbooks,
    failNextCreateWorkbook(error, times = 1) {
      for (let i = 0; i < times; i++) createFailures.push(error);
    },
    get selection() {
      return wb.selection;
    },
    get activeSheet() {
      return wb.activeSheet?.name ?? null;
    },
    uninstall() {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
    },
  };
}
