/**
 * office.js-shaped proxies over the fake workbook, and the engine that runs their queued commands.
 *
 * As in office.js: setting a property or calling a method only queues a command; `context.sync()` runs
 * the queue in order, then fills in what was `load`ed. Reading a property that was not loaded and
 * synced throws PropertyNotLoaded; `isNullObject` of an *OrNullObject proxy is known only after a sync.
 * A command that fails stops the sync (earlier commands stay applied, nothing loaded is delivered).
 *
 * Every sync is recorded: its request size (the JSON of the queued commands: path, name, arguments),
 * the response size (JSON of what was loaded), and whether calculation / screen updating were
 * suspended. A request over the configured limit fails like Excel on the web
 * (RequestPayloadSizeLimitExceeded), as does a response (ResponsePayloadSizeLimitExceeded).
 *
 * Writing arrays: a 2-D array must have exactly the shape of the range (InvalidArgument otherwise); a
 * single non-array value is applied to every cell, as the API's "single input copy" does.
 *
 * A protected sheet (Worksheet.protection.protect) refuses changes to its cells, formats and charts with
 * AccessDenied, as Excel does with the default protection options; protecting it twice is refused too.
 */
import {
  apiNotFound,
  FakeOfficeError,
  INJECTED_ERRORS,
  invalidArgument,
  invalidOperation,
  itemAlreadyExists,
  itemNotFound,
  jsonBytes,
  propertyNotLoaded,
  type InjectedError,
} from "./errors";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  isUnbounded,
  parseAddress,
  quoteSheet,
  rectAddress,
  rectColumns,
  rectRows,
  rectsIntersect,
  type CfState,
  type ChartState,
  type NameState,
  type PageMarginsState,
  type Rect,
  type SheetState,
  type StoredValue,
  type TableState,
  type WorkbookState,
} from "./state";

// ---------------------------------------------------------------- engine

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Error code when the sync failed. */
  failed?: string;
}

export interface ChangeEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

interface Op {
  path: string;
  name: string;
  args: unknown[];
  api?: string;
  run: (sync: SyncState) => void;
}

interface SyncState {
  commits: (() => void)[];
  responseBytes: number;
  events: ChangeEventArgs[];
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

export interface EngineOptions {
  apiVersion: string;
  requestLimitBytes: number;
  responseLimitBytes: number;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export { versionAtLeast };

export class FakeEngine {
  readonly syncs: SyncRecord[] = [];
  runs = 0;
  activeRuns = 0;
  maxActiveRuns = 0;
  cellEditing = false;
  calculationSuspended = false;
  private readonly failures: (InjectedError | FakeOfficeError)[] = [];
  /** Failures planned for a given sync (index into `syncs`). */
  private readonly scheduled = new Map<number, InjectedError | FakeOfficeError>();
  readonly handlers = new Set<(args: ChangeEventArgs) => unknown>();

  constructor(
    readonly wb: WorkbookState,
    readonly options: EngineOptions,
  ) {}

  supports(version: string): boolean {
    return versionAtLeast(this.options.apiVersion, version);
  }

  failNextSync(kind: InjectedError | FakeOfficeError, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(kind);
  }

  /** The `n`-th sync from now (1 = the next one) fails with `kind`. */
  failSync(n: number, kind: InjectedError | FakeOfficeError): void {
    this.scheduled.set(this.syncs.length + n - 1, kind);
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  async run<T>(ctx: FakeRequestContext, batch: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    this.activeRuns++;
    this.maxActiveRuns = Math.max(this.maxActiveRuns, this.activeRuns);
    try {
      const result = await batch(ctx);
      if (ctx._pending() > 0) await ctx.sync();
      return result;
    } finally {
      this.activeRuns--;
      // Calculation suspended "until the next sync" does not outlive the batch.
      this.calculationSuspended = false;
    }
  }

  async sync(ctx: FakeRequestContext): Promise<void> {
    const ops = ctx._take();
    this.calculationSuspended = false;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const requestBytes = ops.reduce((n, op) => n + jsonBytes([op.path, op.name, op.args]), 0);
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      operations: ops.length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    const planned = this.scheduled.get(this.syncs.length);
    this.scheduled.delete(this.syncs.length);
    this.syncs.push(record);
    const fail = (err: FakeOfficeError): never => {
      record.failed = err.code;
      throw err;
    };
    if (this.cellEditing) fail(INJECTED_ERRORS.cellEdit());
    const injected = planned ?? this.failures.shift();
    if (injected !== undefined) fail(typeof injected === "string" ? INJECTED_ERRORS[injected]() : injected);
    if (requestBytes > this.options.requestLimitBytes) fail(INJECTED_ERRORS.requestTooLarge());

    const state: SyncState = {
      commits: [],
      responseBytes: 0,
      events: [],
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    for (const op of ops) {
      try {
        if (op.api && !this.supports(op.api)) throw apiNotFound(op.name, op.api);
        op.run(state);
      } catch (err) {
        record.calculationSuspended = state.calculationSuspended;
        if (err instanceof FakeOfficeError) fail(err);
        throw err;
      }
    }
    record.responseBytes = state.responseBytes;
    record.calculationSuspended = state.calculationSuspended;
    record.screenUpdatingSuspended = state.screenUpdatingSuspended;
    this.calculationSuspended = state.calculationSuspended;
    if (state.responseBytes > this.options.responseLimitBytes) {
      fail(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        ),
      );
    }
    for (const commit of state.commits) commit();
    this.dispatch(state.events);
  }

  /** Calls the change handlers (asynchronously, as Excel does) when events are enabled. */
  dispatch(events: ChangeEventArgs[]): void {
    if (events.length === 0 || this.handlers.size === 0) return;
    const handlers = [...this.handlers];
    setTimeout(() => {
      for (const args of events) for (const h of handlers) void h(args);
    }, 0);
  }

  changeEvent(sheet: SheetState, rect: Rect, trigger: "ThisLocalAddin" | "Unknown"): ChangeEventArgs {
    const args: ChangeEventArgs = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: rectAddress(rect),
      changeType: "RangeEdited",
      source: "Local",
    };
    if (this.supports("1.14")) args.triggerSource = trigger;
    return args;
  }
}

// ---------------------------------------------------------------- context

export class FakeRequestContext {
  private ops: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly runtime: FakeRuntime;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly engine: FakeEngine) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
    this.runtime = new FakeRuntime(this, "runtime");
  }

  get wb(): WorkbookState {
    return this.engine.wb;
  }

  sync(): Promise<void> {
    return this.engine.sync(this);
  }

  /** @internal */
  _queue(op: Op): void {
    this.ops.push(op);
  }

  /** @internal */
  _take(): Op[] {
    const ops = this.ops;
    this.ops = [];
    return ops;
  }

  /** @internal */
  _pending(): number {
    return this.ops.length;
  }
}

// ---------------------------------------------------------------- base classes

type Resolver<T> = () => T | null;

function must<T>(value: T | null, what: string): T {
  if (value === null) throw itemNotFound(what);
  return value;
}

function parseLoad(options: unknown): string[] | null {
  if (options === undefined || options === null) return null;
  if (typeof options === "string")
    return options
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(options)) return options.map(String);
  if (typeof options === "object") {
    const select = (options as { select?: unknown }).select;
    if (select !== undefined) return parseLoad(select);
  }
  return null;
}

export class ClientResult<T> {
  private loaded = false;
  private v: T | undefined;

  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value");
    return this.v as T;
  }

  /** @internal */
  _set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

export abstract class ClientObject<T> {
  /** @internal */
  _loaded: Record<string, unknown> = {};
  private probed: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    readonly _path: string,
    private readonly resolver: Resolver<T>,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context._queue({
        path: _path,
        name: "$probe",
        args: [],
        run: (sync) => {
          const isNull = this._resolve() === null;
          sync.commits.push(() => (this.probed = isNull));
        },
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.probed === undefined) throw propertyNotLoaded("isNullObject");
    return this.probed;
  }

  /** @internal The state object, or null for a null object. */
  _resolve(): T | null {
    const t = this.resolver();
    if (t === null && !this.nullable) throw itemNotFound(this._path);
    return t;
  }

  /** @internal The state object; a null object here is an error. */
  _target(): T {
    return must(this._resolve(), this._path);
  }

  protected abstract snapshot(target: T, prop: string): unknown;
  protected abstract defaultProps(): string[];
  protected api(): string | undefined {
    return undefined;
  }

  load(options?: unknown): this {
    const props = parseLoad(options) ?? this.defaultProps();
    this.context._queue({
      path: this._path,
      name: "$load",
      args: props,
      api: this.api(),
      run: (sync) => {
        const target = this._resolve();
        const snap: Record<string, unknown> = {};
        for (const p of props) snap[p] = target === null ? null : this.snapshot(target, p);
        sync.responseBytes += jsonBytes(snap);
        sync.commits.push(() => Object.assign(this._loaded, snap));
      },
    });
    return this;
  }

  private readonly children = new Map<string, unknown>();

  /** A navigation property: the same child proxy every time, as in office.js. */
  protected child<C>(key: string, make: () => C): C {
    let c = this.children.get(key) as C | undefined;
    if (c === undefined) {
      c = make();
      this.children.set(key, c);
    }
    return c;
  }

  protected get<V>(prop: string): V {
    if (!Object.prototype.hasOwnProperty.call(this._loaded, prop)) throw propertyNotLoaded(prop);
    return this._loaded[prop] as V;
  }

  protected queue(name: string, args: unknown[], apply: (t: T, sync: SyncState) => void, api?: string): void {
    this.context._queue({
      path: this._path,
      name,
      args,
      api: api ?? this.api(),
      run: (sync) => apply(this._target(), sync),
    });
  }

  protected result<V>(name: string, compute: (t: T) => V): ClientResult<V> {
    const result = new ClientResult<V>();
    this.context._queue({
      path: this._path,
      name,
      args: [],
      api: this.api(),
      run: (sync) => {
        const v = compute(this._target());
        sync.responseBytes += jsonBytes(v);
        sync.commits.push(() => result._set(v));
      },
    });
    return result;
  }

  /** @internal Snapshot of `props` (or the default ones) for a collection's load. */
  _snapshotAll(props: string[]): Record<string, unknown> {
    const target = this._resolve();
    const snap: Record<string, unknown> = {};
    for (const p of props.length > 0 ? props : this.defaultProps()) {
      snap[p] = target === null ? null : this.snapshot(target, p);
    }
    return snap;
  }

  toJSON(): unknown {
    return { path: this._path };
  }
}

/** A collection: `load` fills `items` with item proxies carrying the loaded properties. */
export abstract class ClientCollection<T, P extends ClientObject<unknown>, C> extends ClientObject<C> {
  protected abstract itemsOf(c: C): T[];
  protected abstract proxy(item: T, index: number): P;

  get items(): P[] {
    return this.get<P[]>("items");
  }

  protected snapshot(): unknown {
    return null;
  }

  protected defaultProps(): string[] {
    return [];
  }

  override load(options?: unknown): this {
    const props = (parseLoad(options) ?? [])
      .map((p) => p.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    this.context._queue({
      path: this._path,
      name: "$loadItems",
      args: props,
      api: this.api(),
      run: (sync) => {
        const c = this._resolve();
        const items = c === null ? [] : this.itemsOf(c);
        const proxies = items.map((item, i) => this.proxy(item, i));
        const snaps = proxies.map((p) => p._snapshotAll(props));
        sync.responseBytes += jsonBytes(snaps);
        sync.commits.push(() => {
          proxies.forEach((p, i) => Object.assign(p._loaded, snaps[i]));
          this._loaded.items = proxies;
        });
      },
    });
    return this;
  }

  getCount(): ClientResult<number> {
    return this.result("getCount", (c) => this.itemsOf(c).length);
  }
}

/** A proxy bound to a state object created or found by an earlier command. */
function slot<T>(): { set(t: T): void; resolver: Resolver<T> } {
  let target: T | null = null;
  return {
    set: (t) => (target = t),
    resolver: () => {
      if (target === null) throw invalidOperation("The object was not created.");
      return target;
    },
  };
}

function checkColour(value: unknown): string {
  if (typeof value !== "string" || !/^(#[0-9A-Fa-f]{6}|[a-z]+)$/.test(value)) {
    throw invalidArgument(`Not a colour: ${JSON.stringify(value)}`);
  }
  return value.toUpperCase();
}

// ---------------------------------------------------------------- workbook, application, runtime

export class FakeWorkbook extends ClientObject<WorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, "workbook", () => context.wb);
    this.worksheets = new FakeWorksheetCollection(context, "workbook.worksheets", () => context.wb);
    this.names = new FakeNamedItemCollection(context, "workbook.names", () => context.wb);
    this.tables = new FakeTableCollection(
      context,
      "workbook.tables",
      () => null,
      () => context.wb,
    );
    this.application = new FakeApplication(context, "workbook.application", () => context.wb);
  }

  protected snapshot(): unknown {
    return null;
  }

  protected defaultProps(): string[] {
    return [];
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, "workbook.getActiveCell()", () => {
      const sel = this.context.wb.selection;
      const sheet = sel ? this.context.wb.findSheet(sel.sheet) : this.context.wb.activeSheet;
      if (!sheet) return null;
      const rect = sel ? parseAddress(sel.address)!.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
    });
  }
}

export class FakeApplication extends ClientObject<WorkbookState> {
  calculationMode = "Automatic";

  protected snapshot(_t: WorkbookState, prop: string): unknown {
    return prop === "calculationMode" ? this.calculationMode : null;
  }

  protected defaultProps(): string[] {
    return ["calculationMode"];
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queue(
      "suspendApiCalculationUntilNextSync",
      [],
      (_wb, sync) => {
        sync.calculationSuspended = true;
      },
      "1.6",
    );
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queue(
      "suspendScreenUpdatingUntilNextSync",
      [],
      (_wb, sync) => {
        sync.screenUpdatingSuspended = true;
      },
      "1.9",
    );
  }
}

export class FakeRuntime extends ClientObject<WorkbookState> {
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => context.wb);
  }

  protected override api(): string {
    return "1.8";
  }

  protected snapshot(wb: WorkbookState, prop: string): unknown {
    return prop === "enableEvents" ? wb.enableEvents : null;
  }

  protected defaultProps(): string[] {
    return ["enableEvents"];
  }

  get enableEvents(): boolean {
    return this.get("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.queue("enableEvents", [value], (wb) => {
      wb.enableEvents = value;
    });
  }
}

// ---------------------------------------------------------------- events

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handler: (args: ChangeEventArgs) => unknown,
  ) {}

  remove(): void {
    this.context._queue({
      path: "workbook.worksheets.onChanged",
      name: "remove",
      args: [],
      run: () => {
        this.context.engine.handlers.delete(this.handler);
      },
    });
  }
}

export class FakeChangedEvent {
  constructor(private readonly context: FakeRequestContext) {}

  add(handler: (args: ChangeEventArgs) => unknown): FakeEventHandlerResult {
    this.context._queue({
      path: "workbook.worksheets.onChanged",
      name: "add",
      args: [],
      api: "1.9",
      run: () => {
        this.context.engine.handlers.add(handler);
      },
    });
    return new FakeEventHandlerResult(this.context, handler);
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends ClientCollection<SheetState, FakeWorksheet, WorkbookState> {
  readonly onChanged: FakeChangedEvent;

  constructor(context: FakeRequestContext, path: string, resolver: Resolver<WorkbookState>) {
    super(context, path, resolver);
    this.onChanged = new FakeChangedEvent(context);
  }

  protected itemsOf(wb: WorkbookState): SheetState[] {
    return wb.sheets;
  }

  protected proxy(sheet: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets(${JSON.stringify(sheet.id)})`, () => sheet);
  }

  add(name?: string): FakeWorksheet {
    const s = slot<SheetState>();
    const path = `worksheets.add(${JSON.stringify(name ?? "")})`;
    this.queue("add", [name ?? null], (wb) => s.set(wb.addSheet(name)));
    return new FakeWorksheet(this.context, path, s.resolver);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () =>
      must(this.context.wb.findSheet(key) ?? null, `worksheet "${key}"`),
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.context.wb.findSheet(key) ?? null,
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      "worksheets.getActiveWorksheet()",
      () => this.context.wb.activeSheet,
    );
  }
}

export class FakeWorksheet extends ClientObject<SheetState> {
  protected snapshot(s: SheetState, prop: string): unknown {
    switch (prop) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return s.wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        if (!this.context.engine.supports("1.8")) throw apiNotFound("Worksheet.showGridlines", "1.8");
        return s.showGridlines;
      default:
        throw invalidArgument(`Unknown worksheet property "${prop}"`);
    }
  }

  protected defaultProps(): string[] {
    return ["id", "name", "position", "visibility"];
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.queue("name", [v], (s) => s.wb.renameSheet(s, v));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.queue("position", [v], (s) => s.wb.moveSheet(s, v));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.queue("visibility", [v], (s) => s.wb.setVisibility(s, v));
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.queue("tabColor", [v], (s) => (s.tabColor = v === "" ? "" : checkColour(v)), "1.7");
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.queue(
      "showGridlines",
      [v],
      (s) => {
        if (typeof v !== "boolean") throw invalidArgument(`showGridlines ${String(v)}`);
        s.showGridlines = v;
      },
      "1.8",
    );
  }

  get protection(): FakeWorksheetProtection {
    return this.child(
      "protection",
      () => new FakeWorksheetProtection(this.context, `${this._path}.protection`, () => this._resolve()),
    );
  }

  get charts(): FakeChartCollection {
    return this.child(
      "charts",
      () => new FakeChartCollection(this.context, `${this._path}.charts`, () => this._resolve()),
    );
  }

  get freezePanes(): FakeFreezePanes {
    return this.child(
      "freezePanes",
      () => new FakeFreezePanes(this.context, `${this._path}.freezePanes`, () => this._resolve()),
    );
  }

  get pageLayout(): FakePageLayout {
    return this.child(
      "pageLayout",
      () => new FakePageLayout(this.context, `${this._path}.pageLayout`, () => this._resolve()),
    );
  }

  get tables(): FakeTableCollection {
    return this.child(
      "tables",
      () =>
        new FakeTableCollection(
          this.context,
          `${this._path}.tables`,
          () => this._resolve(),
          () => this.context.wb,
        ),
    );
  }

  getRange(address?: string): FakeRange {
    const path = `${this._path}.getRange(${JSON.stringify(address ?? "")})`;
    return new FakeRange(this.context, path, () => {
      const sheet = this._target();
      if (address === undefined || address === "") {
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      }
      const parsed = parseAddress(address);
      if (!parsed) throw invalidArgument(`Not a range address: "${address}"`);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`"${address}" is not on sheet "${sheet.name}"`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    const path = `${this._path}.getRangeByIndexes(${row},${column},${rowCount},${columnCount})`;
    return new FakeRange(this.context, path, () => {
      if (rowCount < 1 || columnCount < 1) throw invalidArgument("Empty range");
      return {
        sheet: this._target(),
        rect: { r0: row, c0: column, r1: row + rowCount - 1, c1: column + columnCount - 1 },
      };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  private usedRange(valuesOnly: boolean, nullable: boolean): FakeRange {
    let memo: { sheet: SheetState; rect: Rect } | null | undefined;
    const name = nullable ? "getUsedRangeOrNullObject" : "getUsedRange";
    return new FakeRange(
      this.context,
      `${this._path}.${name}(${valuesOnly})`,
      () => {
        if (memo !== undefined) return memo;
        const sheet = this._resolve();
        if (sheet === null) return (memo = null);
        const rect = sheet.usedRect(valuesOnly);
        memo = rect ? { sheet, rect } : nullable ? null : { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
        return memo;
      },
      nullable,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.usedRange(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.usedRange(valuesOnly, true);
  }

  delete(): void {
    this.queue("delete", [], (s) => s.wb.deleteSheet(s));
  }

  activate(): void {
    this.queue("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw invalidOperation(`Sheet "${s.name}" is hidden and cannot be activated.`);
      s.wb.activeSheet = s;
    });
  }
}

export class FakeFreezePanes extends ClientObject<SheetState> {
  protected override api(): string {
    return "1.7";
  }
  protected snapshot(): unknown {
    return null;
  }
  protected defaultProps(): string[] {
    return [];
  }

  freezeRows(count = 1): void {
    this.queue("freezeRows", [count], (s) => (s.freeze = { rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.queue("freezeColumns", [count], (s) => (s.freeze = { rows: 0, columns: count }));
  }

  freezeAt(frozenRange: FakeRange | string): void {
    this.queue("freezeAt", [frozenRange], (s) => {
      const rect =
        typeof frozenRange === "string" ? parseAddress(frozenRange)?.rect : frozenRange._target().rect;
      if (!rect) throw invalidArgument(`Not a range: ${String(frozenRange)}`);
      if (rect.r0 !== 0 || rect.c0 !== 0) throw invalidArgument("The frozen range must start at A1.");
      s.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }

  unfreeze(): void {
    this.queue("unfreeze", [], (s) => (s.freeze = null));
  }
}

export class FakePageLayout extends ClientObject<SheetState> {
  protected override api(): string {
    return "1.9";
  }
  protected snapshot(s: SheetState, prop: string): unknown {
    if (prop in s.pageMargins) return s.pageMargins[prop as keyof PageMarginsState];
    return (s.pageLayout as unknown as Record<string, unknown>)[prop] ?? null;
  }
  protected defaultProps(): string[] {
    return ["orientation", "paperSize", "zoom"];
  }

  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(`orientation ${v}`);
    this.queue("orientation", [v], (s) => (s.pageLayout.orientation = v));
  }
  get paperSize(): string {
    return this.get("paperSize");
  }
  set paperSize(v: string) {
    this.queue("paperSize", [v], (s) => (s.pageLayout.paperSize = v));
  }
  get zoom(): Record<string, unknown> {
    return this.get("zoom");
  }
  set zoom(v: Record<string, unknown>) {
    this.queue("zoom", [v], (s) => (s.pageLayout.zoom = { ...v }));
  }

  private margin(prop: keyof PageMarginsState, v: number): void {
    this.queue(prop, [v], (s) => {
      if (typeof v !== "number" || !(v >= 0) || v > 1000) throw invalidArgument(`${prop} ${String(v)}`);
      s.pageMargins[prop] = v;
    });
  }
  get leftMargin(): number {
    return this.get("leftMargin");
  }
  set leftMargin(v: number) {
    this.margin("leftMargin", v);
  }
  get rightMargin(): number {
    return this.get("rightMargin");
  }
  set rightMargin(v: number) {
    this.margin("rightMargin", v);
  }
  get topMargin(): number {
    return this.get("topMargin");
  }
  set topMargin(v: number) {
    this.margin("topMargin", v);
  }
  get bottomMargin(): number {
    return this.get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.margin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.get("headerMargin");
  }
  set headerMargin(v: number) {
    this.margin("headerMargin", v);
  }
  get footerMargin(): number {
    return this.get("footerMargin");
  }
  set footerMargin(v: number) {
    this.margin("footerMargin", v);
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this.child(
      "headersFooters",
      () => new FakeHeaderFooterGroup(this.context, `${this._path}.headersFooters`, () => this._resolve()),
    );
  }

  setPrintTitleRows(rows: FakeRange | string): void {
    this.queue("setPrintTitleRows", [rows], (s) => {
      const text = typeof rows === "string" ? rows : rectAddress(rows._target().rect);
      if (!/^\$?\d+:\$?\d+$/.test(text) && !parseAddress(text)) throw invalidArgument(`Not rows: ${text}`);
      s.pageLayout.printTitleRows = text;
    });
  }
}

export class FakeHeaderFooterGroup extends ClientObject<SheetState> {
  protected override api(): string {
    return "1.9";
  }
  protected snapshot(): unknown {
    return null;
  }
  protected defaultProps(): string[] {
    return [];
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return this.child(
      "defaultForAllPages",
      () => new FakeHeaderFooter(this.context, `${this._path}.defaultForAllPages`, () => this._resolve()),
    );
  }
}

/** Only the centre footer is modelled (what the port writes); Excel's limit is 255 characters. */
export class FakeHeaderFooter extends ClientObject<SheetState> {
  protected override api(): string {
    return "1.9";
  }
  protected snapshot(s: SheetState, prop: string): unknown {
    if (prop === "centerFooter") return s.centerFooter;
    throw invalidArgument(`Unknown header/footer property "${prop}"`);
  }
  protected defaultProps(): string[] {
    return ["centerFooter"];
  }
  get centerFooter(): string {
    return this.get("centerFooter");
  }
  set centerFooter(v: string) {
    this.queue("centerFooter", [v], (s) => {
      if (typeof v !== "string" || v.length > 255) throw invalidArgument(`centerFooter ${JSON.stringify(v)}`);
      s.centerFooter = v;
    });
  }
}

// ---------------------------------------------------------------- protection

export class FakeWorksheetProtection extends ClientObject<SheetState> {
  protected override api(): string {
    return "1.2";
  }
  protected snapshot(s: SheetState, prop: string): unknown {
    if (prop === "protected") return s.protection.protected;
    if (prop === "options") return s.protection.options ?? {};
    throw invalidArgument(`Unknown protection property "${prop}"`);
  }
  protected defaultProps(): string[] {
    return ["protected", "options"];
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Record<string, unknown> {
    return this.get("options");
  }
  /** As Excel: protecting an already protected sheet is refused; a password needs ExcelApi 1.7. */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.queue("protect", [options ?? null, password === undefined ? null : "***"], (s) => {
      if (s.protection.protected) throw invalidOperation(`Sheet "${s.name}" is already protected.`);
      if (password !== undefined && !this.context.engine.supports("1.7"))
        throw apiNotFound("WorksheetProtection.protect(password)", "1.7");
      if (
        options?.selectionMode !== undefined &&
        !["Normal", "Unlocked", "None"].includes(String(options.selectionMode))
      )
        throw invalidArgument(`selectionMode ${String(options.selectionMode)}`);
      s.protection = { protected: true, options: { ...(options ?? {}), password: password ?? null } };
    });
  }
  unprotect(password?: string): void {
    this.queue("unprotect", [password === undefined ? null : "***"], (s) => {
      const want = (s.protection.options?.password as string | null | undefined) ?? null;
      if (s.protection.protected && want !== null && want !== (password ?? null))
        throw invalidArgument("The password is incorrect.");
      s.protection = { protected: false, options: null };
    });
  }
}

// ---------------------------------------------------------------- charts

/** Chart types the fake accepts (a subset of Excel.ChartType). */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
];

function chartRange(
  context: FakeRequestContext,
  sheet: SheetState,
  source: FakeRange | string,
): { sheet: SheetState; rect: Rect } {
  if (typeof source !== "string") return source._target();
  const parsed = parseAddress(source);
  if (!parsed || isUnbounded(parsed.rect)) throw invalidArgument(`Not a chart range: "${source}"`);
  const on = parsed.sheet === undefined ? sheet : context.wb.findSheet(parsed.sheet);
  if (!on) throw itemNotFound(`worksheet "${parsed.sheet}"`);
  return { sheet: on, rect: parsed.rect };
}

const fullAddress = (t: { sheet: SheetState; rect: Rect }): string =>
  `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;

function isNumeric(v: StoredValue | null): boolean {
  return typeof v === "number" || v === null;
}

export class FakeChartCollection extends ClientCollection<ChartState, FakeChart, SheetState> {
  protected itemsOf(s: SheetState): ChartState[] {
    return s.charts;
  }
  protected proxy(chart: ChartState): FakeChart {
    return new FakeChart(this.context, `charts(${JSON.stringify(chart.id)})`, () => {
      const sheet = this.context.wb.sheets.find((s) => s.charts.includes(chart));
      return sheet ? { sheet, chart } : null;
    });
  }

  /**
   * Excel's inference, simplified: with seriesBy "Columns" (or "Auto") each column is a series; a first
   * column that is not numeric, when there are others, gives the categories. "Rows" likewise by rows.
   */
  add(type: string, sourceData: FakeRange | string, seriesBy: string = "Auto"): FakeChart {
    const s = slot<{ sheet: SheetState; chart: ChartState }>();
    this.queue("add", [type, sourceData, seriesBy], (sheet) => {
      sheet.assertEditable();
      if (!CHART_TYPES.includes(type)) throw invalidArgument(`Unknown chart type "${type}"`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument(`seriesBy ${seriesBy}`);
      const src = chartRange(this.context, sheet, sourceData);
      const byRows = seriesBy === "Rows";
      const lines: Rect[] = [];
      const { rect } = src;
      if (byRows) for (let r = rect.r0; r <= rect.r1; r++) lines.push({ ...rect, r0: r, r1: r });
      else for (let c = rect.c0; c <= rect.c1; c++) lines.push({ ...rect, c0: c, c1: c });
      let categories: Rect | null = null;
      if (lines.length > 1) {
        const first = lines[0];
        let text = false;
        for (let r = first.r0; r <= first.r1; r++)
          for (let c = first.c0; c <= first.c1; c++) if (!isNumeric(src.sheet.value(r, c))) text = true;
        if (text) categories = lines.shift()!;
      }
      const chart: ChartState = {
        id: sheet.wb.newId("chart"),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        from: null,
        to: null,
        series: lines.map((line, i) => ({
          name: `Series${i + 1}`,
          values: fullAddress({ sheet: src.sheet, rect: line }),
          xValues: categories ? fullAddress({ sheet: src.sheet, rect: categories }) : null,
        })),
      };
      sheet.charts.push(chart);
      s.set({ sheet, chart });
    });
    return new FakeChart(this.context, `${this._path}.add(${JSON.stringify(type)})`, s.resolver);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => {
      const sheet = this._target();
      const chart = sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
      return must(chart ? { sheet, chart } : null, `chart "${name}"`);
    });
  }
}

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

export class FakeChart extends ClientObject<ChartTarget> {
  protected snapshot(t: ChartTarget, prop: string): unknown {
    switch (prop) {
      case "id":
        return t.chart.id;
      case "name":
        return t.chart.name;
      case "chartType":
        return t.chart.type;
      default:
        throw invalidArgument(`Unknown chart property "${prop}"`);
    }
  }
  protected defaultProps(): string[] {
    return ["id", "name", "chartType"];
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.queue("name", [v], (t) => {
      t.sheet.assertEditable();
      if (typeof v !== "string" || v.trim() === "" || v.length > 255)
        throw invalidArgument(`chart name ${v}`);
      t.chart.name = v;
    });
  }
  get chartType(): string {
    return this.get("chartType");
  }
  get title(): FakeChartTitle {
    return this.child(
      "title",
      () => new FakeChartTitle(this.context, `${this._path}.title`, () => this._resolve()),
    );
  }
  get series(): FakeChartSeriesCollection {
    return this.child(
      "series",
      () => new FakeChartSeriesCollection(this.context, `${this._path}.series`, () => this._resolve()),
    );
  }
  /** Places the chart over the cells from `startCell` to `endCell` (both on the chart's sheet). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.queue("setPosition", [startCell, endCell ?? null], (t) => {
      t.sheet.assertEditable();
      const cell = (c: FakeRange | string) => {
        const r = chartRange(this.context, t.sheet, c);
        if (r.sheet !== t.sheet) throw invalidArgument("The chart's position must be on its own sheet.");
        return rectAddress({ r0: r.rect.r0, c0: r.rect.c0, r1: r.rect.r0, c1: r.rect.c0 });
      };
      t.chart.from = cell(startCell);
      t.chart.to = endCell === undefined ? null : cell(endCell);
    });
  }
  delete(): void {
    this.queue("delete", [], (t) => {
      t.sheet.assertEditable();
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}

export class FakeChartTitle extends ClientObject<ChartTarget> {
  protected snapshot(t: ChartTarget, prop: string): unknown {
    if (prop === "text") return t.chart.title;
    throw invalidArgument(`Unknown chart title property "${prop}"`);
  }
  protected defaultProps(): string[] {
    return ["text"];
  }
  get text(): string {
    return this.get("text");
  }
  set text(v: string) {
    this.queue("text", [v], (t) => {
      t.sheet.assertEditable();
      if (typeof v !== "string") throw invalidArgument("A chart title must be text.");
      t.chart.title = v;
    });
  }
}

interface SeriesTarget extends ChartTarget {
  index: number;
}

export class FakeChartSeriesCollection extends ClientCollection<number, FakeChartSeries, ChartTarget> {
  protected itemsOf(t: ChartTarget): number[] {
    return t.chart.series.map((_, i) => i);
  }
  protected proxy(index: number): FakeChartSeries {
    return this.getItemAt(index);
  }
  override getCount(): ClientResult<number> {
    return this.result("getCount", (t) => t.chart.series.length);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      return must(index >= 0 && index < t.chart.series.length ? { ...t, index } : null, `series ${index}`);
    });
  }
  /** A new, empty series (ExcelApi 1.7). */
  add(name?: string): FakeChartSeries {
    const s = slot<SeriesTarget>();
    this.queue(
      "add",
      [name ?? null],
      (t) => {
        t.sheet.assertEditable();
        t.chart.series.push({
          name: name ?? `Series${t.chart.series.length + 1}`,
          values: "",
          xValues: null,
        });
        s.set({ ...t, index: t.chart.series.length - 1 });
      },
      "1.7",
    );
    return new FakeChartSeries(this.context, `${this._path}.add(${JSON.stringify(name ?? "")})`, s.resolver);
  }
}

export class FakeChartSeries extends ClientObject<SeriesTarget> {
  protected snapshot(t: SeriesTarget, prop: string): unknown {
    if (prop === "name") return t.chart.series[t.index].name;
    throw invalidArgument(`Unknown series property "${prop}"`);
  }
  protected defaultProps(): string[] {
    return ["name"];
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.queue("name", [v], (t) => {
      t.sheet.assertEditable();
      t.chart.series[t.index].name = v;
    });
  }
  /** The series' values: one row or one column of cells (ExcelApi 1.7). */
  setValues(source: FakeRange | string): void {
    this.queue(
      "setValues",
      [source],
      (t) => {
        t.sheet.assertEditable();
        const r = chartRange(this.context, t.sheet, source);
        if (rectRows(r.rect) > 1 && rectColumns(r.rect) > 1)
          throw invalidArgument("Series values must be one row or one column.");
        t.chart.series[t.index].values = fullAddress(r);
      },
      "1.7",
    );
  }
  /** The series' categories (ExcelApi 1.7). */
  setXAxisValues(source: FakeRange | string): void {
    this.queue(
      "setXAxisValues",
      [source],
      (t) => {
        t.sheet.assertEditable();
        const r = chartRange(this.context, t.sheet, source);
        if (rectRows(r.rect) > 1 && rectColumns(r.rect) > 1)
          throw invalidArgument("Categories must be one row or one column.");
        t.chart.series[t.index].xValues = fullAddress(r);
      },
      "1.7",
    );
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function displayValue(v: StoredValue | null): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] | null {
  if (isUnbounded(rect)) return null;
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = new Array(rectColumns(rect));
    for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = cell(r, c);
    out.push(row);
  }
  return out;
}

/** Applies a 2-D array (exact shape) or a single value (to every cell) over the range. */
function writeGrid(
  t: RangeTarget,
  input: unknown,
  what: string,
  write: (r: number, c: number, v: unknown) => void,
): void {
  if (isUnbounded(t.rect)) throw invalidArgument(`Cannot set ${what} of an unbounded range.`);
  const rows = rectRows(t.rect);
  const cols = rectColumns(t.rect);
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) write(t.rect.r0 + r, t.rect.c0 + c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${rows}×${cols}).`,
    );
  }
  for (let r = 0; r < rows; r++) {
    const row = input[r] as unknown[];
    for (let c = 0; c < cols; c++) write(t.rect.r0 + r, t.rect.c0 + c, row[c]);
  }
}

function valueType(v: StoredValue | null): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

export class FakeRange extends ClientObject<RangeTarget> {
  protected snapshot(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectColumns(rect);
      case "cellCount":
        return rectRows(rect) * rectColumns(rect);
      case "values":
        return grid(rect, (r, c) => displayValue(sheet.value(r, c)));
      case "text":
        return grid(rect, (r, c) => String(displayValue(sheet.value(r, c))));
      case "numberFormat":
        return grid(rect, (r, c) => sheet.numberFormat(r, c));
      case "formulas":
        return grid(rect, (r, c) => sheet.formula(r, c) ?? displayValue(sheet.values[r]?.[c] ?? null));
      case "valueTypes":
        return grid(rect, (r, c) => valueType(sheet.value(r, c)));
      default:
        throw invalidArgument(`Unknown range property "${prop}"`);
    }
  }

  protected defaultProps(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "numberFormat",
      "formulas",
    ];
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(input: unknown[][]) {
    this.queue("values", [input], (t, sync) => {
      t.sheet.assertEditable();
      writeGrid(t, input, "values", (r, c, v) => t.sheet.writeValue(r, c, v));
      if (t.sheet.wb.enableEvents)
        sync.events.push(this.context.engine.changeEvent(t.sheet, t.rect, "ThisLocalAddin"));
    });
  }

  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(input: unknown[][]) {
    this.queue("formulas", [input], (t, sync) => {
      t.sheet.assertEditable();
      writeGrid(t, input, "formulas", (r, c, v) => t.sheet.writeFormula(r, c, v));
      if (t.sheet.wb.enableEvents)
        sync.events.push(this.context.engine.changeEvent(t.sheet, t.rect, "ThisLocalAddin"));
    });
  }

  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.queue("numberFormat", [input], (t) => {
      t.sheet.assertEditable();
      if (!Array.isArray(input)) {
        if (typeof input !== "string") throw invalidArgument("A number format must be a string.");
        t.sheet.setNumberFormatLayer(t.rect, input);
        return;
      }
      writeGrid(t, input, "numberFormat", (r, c, v) => {
        if (v === null || v === undefined) return;
        if (typeof v !== "string") throw invalidArgument("A number format must be a string.");
        t.sheet.setNumberFormat(r, c, v);
      });
    });
  }

  get format(): FakeRangeFormat {
    return this.child(
      "format",
      () => new FakeRangeFormat(this.context, `${this._path}.format`, () => this._resolve()),
    );
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child(
      "conditionalFormats",
      () =>
        new FakeConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () =>
          this._resolve(),
        ),
    );
  }

  get dataValidation(): FakeDataValidation {
    return this.child(
      "dataValidation",
      () => new FakeDataValidation(this.context, `${this._path}.dataValidation`, () => this._resolve()),
    );
  }

  get worksheet(): FakeWorksheet {
    return this.child(
      "worksheet",
      () => new FakeWorksheet(this.context, `${this._path}.worksheet`, () => this._resolve()?.sheet ?? null),
    );
  }

  merge(across = false): void {
    this.queue("merge", [across], (t) => {
      t.sheet.assertEditable();
      const rects: Rect[] = across
        ? Array.from({ length: rectRows(t.rect) }, (_, i) => ({
            ...t.rect,
            r0: t.rect.r0 + i,
            r1: t.rect.r0 + i,
          }))
        : [t.rect];
      for (const rect of rects) t.sheet.merge(rect);
    });
  }

  /**
   * The merged areas whose top-left cell is in this range (ExcelApi 1.13), as Excel gives them: a null
   * object when there are none (or this range is a null object), and a failed sync when there are more
   * than MAX_MERGED_AREAS.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    // The call itself goes to Excel (and is refused below ExcelApi 1.13); the areas are found at the sync.
    this.context._queue({
      path: this._path,
      name: "getMergedAreasOrNullObject",
      args: [],
      api: "1.13",
      run: () => undefined,
    });
    return new FakeRangeAreas(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const t = this._resolve();
        if (t === null) return null;
        const { r0, c0, r1, c1 } = t.rect;
        const rects = t.sheet.merges.filter((m) => m.r0 >= r0 && m.r0 <= r1 && m.c0 >= c0 && m.c0 <= c1);
        if (rects.length > MAX_MERGED_AREAS) {
          throw new FakeOfficeError("GeneralException", "There are too many merged areas in the range.");
        }
        return rects.length === 0 ? null : { sheet: t.sheet, rects };
      },
      true,
    );
  }

  select(): void {
    this.queue("select", [], (t) => {
      if (t.sheet.visibility !== "Visible")
        throw invalidOperation("Cannot select a range on a hidden sheet.");
      t.sheet.wb.activeSheet = t.sheet;
      t.sheet.wb.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  clear(applyTo: string = "All"): void {
    this.queue("clear", [applyTo], (t) => {
      const { rect, sheet } = t;
      sheet.assertEditable();
      if (applyTo === "All" || applyTo === "Contents") {
        const r1 = Math.min(rect.r1, sheet.values.length - 1);
        for (let r = rect.r0; r <= r1; r++) {
          const row = sheet.values[r];
          if (!row) continue;
          for (let c = rect.c0; c <= Math.min(rect.c1, row.length - 1); c++) sheet.clearCell(r, c);
        }
        for (const key of [...sheet.formulas.keys()]) {
          const r = Math.floor(key / MAX_COLUMNS);
          const c = key % MAX_COLUMNS;
          if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) sheet.clearCell(r, c);
        }
      }
      if (applyTo === "All" || applyTo === "Formats") {
        sheet.setNumberFormatLayer(rect, "General");
        sheet.styles.push({ rect, props: { cleared: true } });
      }
    });
  }
}

/** Range.getMergedAreasOrNullObject fails when the range holds more merged areas than this. */
export const MAX_MERGED_AREAS = 512;

interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

/** Excel.RangeAreas (ExcelApi 1.9): rectangular ranges on one sheet. */
export class FakeRangeAreas extends ClientObject<AreasTarget> {
  protected override api(): string {
    return "1.9";
  }

  protected snapshot(t: AreasTarget, prop: string): unknown {
    const address = (rect: Rect) => `${quoteSheet(t.sheet.name)}!${rectAddress(rect)}`;
    switch (prop) {
      case "address":
        return t.rects.map(address).join(", ");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rectRows(r) * rectColumns(r), 0);
      case "areas/items/address":
        return t.rects.map(address);
      default:
        throw invalidArgument(`Unknown range areas property "${prop}"`);
    }
  }

  protected defaultProps(): string[] {
    return ["address", "areaCount", "cellCount"];
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }

  /** The areas, one Range each; `load("areas/items/address")` on this object fills their addresses too. */
  get areas(): FakeAreaCollection {
    const areas = this.child(
      "areas",
      () => new FakeAreaCollection(this.context, `${this._path}.areas`, () => this._resolve()),
    );
    const loaded = this._loaded["areas/items/address"];
    if (Array.isArray(loaded) && !Object.prototype.hasOwnProperty.call(areas._loaded, "items")) {
      areas._loaded.items = loaded.map((address: string, i) => {
        const range = new FakeRange(this.context, `${this._path}.areas.getItemAt(${i})`, () => {
          const t = this._target();
          return { sheet: t.sheet, rect: t.rects[i] };
        });
        range._loaded.address = address;
        return range;
      });
    }
    return areas;
  }
}

/** RangeAreas.areas: a RangeCollection. */
export class FakeAreaCollection extends ClientCollection<RangeTarget, FakeRange, AreasTarget> {
  protected itemsOf(t: AreasTarget): RangeTarget[] {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }

  protected proxy(item: RangeTarget, index: number): FakeRange {
    return new FakeRange(this.context, `${this._path}.getItemAt(${index})`, () => item);
  }
}

class StyleTarget<T extends { sheet: SheetState; rect: Rect }> extends ClientObject<T> {
  protected snapshot(t: T, prop: string): unknown {
    return t.sheet.styleAt(t.rect.r0, t.rect.c0)[this.key(prop)] ?? null;
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected key(prop: string): string {
    return prop;
  }
  protected setStyle(prop: string, value: unknown, check?: (v: unknown) => unknown): void {
    this.queue(prop, [value], (t) => {
      t.sheet.assertEditable();
      const v = check ? check(value) : value;
      t.sheet.styles.push({ rect: t.rect, props: { [this.key(prop)]: v } });
    });
  }
}

const ALIGN_H = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const ALIGN_V = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function oneOf(list: string[]): (v: unknown) => unknown {
  return (v) => {
    if (typeof v !== "string" || !list.includes(v))
      throw invalidArgument(`Expected one of ${list.join(", ")}: ${String(v)}`);
    return v;
  };
}

export class FakeRangeFormat extends StyleTarget<RangeTarget> {
  protected override snapshot(t: RangeTarget, prop: string): unknown {
    if (prop === "columnWidth") return t.sheet.columnWidths.get(t.rect.c0) ?? 48;
    return super.snapshot(t, prop);
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.queue("columnWidth", [v], (t) => {
      t.sheet.assertEditable();
      if (typeof v !== "number" || !(v >= 0)) throw invalidArgument(`columnWidth ${v}`);
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", v);
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", v, oneOf(ALIGN_H));
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", v, oneOf(ALIGN_V));
  }
  get font(): FakeRangeFont {
    return this.child(
      "font",
      () => new FakeRangeFont(this.context, `${this._path}.font`, () => this._resolve()),
    );
  }
  get fill(): FakeRangeFill {
    return this.child(
      "fill",
      () => new FakeRangeFill(this.context, `${this._path}.fill`, () => this._resolve()),
    );
  }
  get borders(): FakeRangeBorderCollection {
    return this.child(
      "borders",
      () => new FakeRangeBorderCollection(this.context, `${this._path}.borders`, () => this._resolve()),
    );
  }
}

export class FakeRangeFont extends StyleTarget<RangeTarget> {
  protected override key(prop: string): string {
    return `font.${prop}`;
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setStyle("bold", v);
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.setStyle("italic", v);
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.setStyle("size", v, (x) => {
      if (typeof x !== "number" || x < 1 || x > 409) throw invalidArgument(`font size ${String(x)}`);
      return x;
    });
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setStyle("color", v, checkColour);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setStyle("name", v);
  }
}

export class FakeRangeFill extends StyleTarget<RangeTarget> {
  protected override key(prop: string): string {
    return `fill.${prop}`;
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setStyle("color", v, checkColour);
  }
  clear(): void {
    this.queue("clear", [], (t) => t.sheet.styles.push({ rect: t.rect, props: { "fill.color": null } }));
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class FakeRangeBorderCollection extends ClientObject<RangeTarget> {
  protected snapshot(): unknown {
    return null;
  }
  protected defaultProps(): string[] {
    return [];
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalidArgument(`Unknown border ${index}`);
    return new FakeRangeBorder(
      this.context,
      `${this._path}.getItem(${JSON.stringify(index)})`,
      () => this._resolve(),
      index,
    );
  }
}

export class FakeRangeBorder extends StyleTarget<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    resolver: Resolver<RangeTarget>,
    private readonly index: string,
  ) {
    super(context, path, resolver);
  }
  protected override key(prop: string): string {
    return `border.${this.index}.${prop}`;
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.setStyle(
      "style",
      v,
      oneOf(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]),
    );
  }
  get weight(): string {
    return this.get("weight");
  }
  set weight(v: string) {
    this.setStyle("weight", v, oneOf(["Hairline", "Thin", "Medium", "Thick"]));
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setStyle("color", v, checkColour);
  }
}

// ---------------------------------------------------------------- conditional formats

interface CfTarget {
  sheet: SheetState;
  cf: CfState;
}

const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

export class FakeConditionalFormatCollection extends ClientCollection<
  CfState,
  FakeConditionalFormat,
  RangeTarget
> {
  protected override api(): string {
    return "1.6";
  }

  protected itemsOf(t: RangeTarget): CfState[] {
    return t.sheet.conditionalFormats.filter((cf) => rectsIntersect(cf.rect, t.rect));
  }

  protected proxy(cf: CfState): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, `conditionalFormats(${JSON.stringify(cf.id)})`, () => {
      const t = this._target();
      return t.sheet.conditionalFormats.includes(cf) ? { sheet: t.sheet, cf } : null;
    });
  }

  add(type: string): FakeConditionalFormat {
    const s = slot<CfTarget>();
    this.queue("add", [type], (t) => {
      if (!CF_TYPES.includes(type)) throw invalidArgument(`Unknown conditional format type ${type}`);
      if (isUnbounded(t.rect) && type === "DataBar") throw invalidArgument("Unbounded data bar.");
      const cf: CfState = { id: t.sheet.wb.newId("cf"), type, rect: t.rect, stopIfTrue: false };
      if (type === "Custom") cf.custom = { formula: "", fill: null, fontColor: null, bold: null };
      if (type === "DataBar") {
        cf.dataBar = {
          lowerBoundRule: null,
          upperBoundRule: null,
          fillColor: null,
          gradientFill: null,
          borderColor: null,
        };
      }
      // A new rule goes to the top of the sheet's list (highest priority), as in Excel's UI.
      t.sheet.conditionalFormats.unshift(cf);
      s.set({ sheet: t.sheet, cf });
    });
    return new FakeConditionalFormat(this.context, `${this._path}.add(${JSON.stringify(type)})`, s.resolver);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      const cf = this.itemsOf(t)[index];
      if (!cf) throw itemNotFound(`conditional format ${index}`);
      return { sheet: t.sheet, cf };
    });
  }

  clearAll(): void {
    this.queue("clearAll", [], (t) => {
      const keep = t.sheet.conditionalFormats.filter((cf) => !rectsIntersect(cf.rect, t.rect));
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...keep);
    });
  }
}

export class FakeConditionalFormat extends ClientObject<CfTarget> {
  protected override api(): string {
    return "1.6";
  }

  protected snapshot(t: CfTarget, prop: string): unknown {
    switch (prop) {
      case "id":
        return t.cf.id;
      case "type":
        return t.cf.type;
      case "priority":
        return t.sheet.conditionalFormats.indexOf(t.cf);
      case "stopIfTrue":
        return t.cf.stopIfTrue;
      default:
        if (prop.startsWith("custom/")) return this.custom.snapshotOf(t, prop.slice(7));
        throw invalidArgument(`Unknown conditional format property "${prop}"`);
    }
  }

  protected defaultProps(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }

  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  set priority(p: number) {
    this.queue("priority", [p], (t) => {
      const list = t.sheet.conditionalFormats;
      const from = list.indexOf(t.cf);
      list.splice(from, 1);
      let to = p < 0 ? list.length + 1 + p : p;
      to = Math.max(0, Math.min(list.length, to));
      list.splice(to, 0, t.cf);
    });
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.queue("stopIfTrue", [v], (t) => (t.cf.stopIfTrue = v));
  }

  get custom(): FakeCustomConditionalFormat {
    return this.child(
      "custom",
      () => new FakeCustomConditionalFormat(this.context, `${this._path}.custom`, () => this._resolve()),
    );
  }

  get dataBar(): FakeDataBarConditionalFormat {
    return this.child(
      "dataBar",
      () => new FakeDataBarConditionalFormat(this.context, `${this._path}.dataBar`, () => this._resolve()),
    );
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getRange()`, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: t.cf.rect };
    });
  }

  delete(): void {
    this.queue("delete", [], (t) => {
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
    });
  }
}

function customOf(t: CfTarget): NonNullable<CfState["custom"]> {
  if (!t.cf.custom) throw invalidOperation(`The conditional format is of type ${t.cf.type}, not Custom.`);
  return t.cf.custom;
}

function dataBarOf(t: CfTarget): NonNullable<CfState["dataBar"]> {
  if (!t.cf.dataBar) throw invalidOperation(`The conditional format is of type ${t.cf.type}, not DataBar.`);
  return t.cf.dataBar;
}

export class FakeCustomConditionalFormat extends ClientObject<CfTarget> {
  protected snapshot(t: CfTarget, prop: string): unknown {
    return this.snapshotOf(t, prop);
  }
  snapshotOf(t: CfTarget, prop: string): unknown {
    const c = customOf(t);
    switch (prop) {
      case "rule/formula":
        return c.formula;
      case "format/fill/color":
        return c.fill;
      case "format/font/color":
        return c.fontColor;
      default:
        throw invalidArgument(`Unknown property custom/${prop}`);
    }
  }
  protected defaultProps(): string[] {
    return [];
  }
  get rule(): FakeCfRule {
    return this.child(
      "rule",
      () => new FakeCfRule(this.context, `${this._path}.rule`, () => this._resolve()),
    );
  }
  get format(): FakeCfFormat {
    return this.child(
      "format",
      () => new FakeCfFormat(this.context, `${this._path}.format`, () => this._resolve()),
    );
  }
}

export class FakeCfRule extends ClientObject<CfTarget> {
  protected snapshot(t: CfTarget, prop: string): unknown {
    if (prop !== "formula") throw invalidArgument(`Unknown rule property ${prop}`);
    return customOf(t).formula;
  }
  protected defaultProps(): string[] {
    return ["formula"];
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(f: string) {
    this.queue("formula", [f], (t) => {
      if (typeof f !== "string" || f.trim() === "") throw invalidArgument("Empty rule formula.");
      customOf(t).formula = f.startsWith("=") ? f : `=${f}`;
    });
  }
}

export class FakeCfFormat extends ClientObject<CfTarget> {
  protected snapshot(): unknown {
    return null;
  }
  protected defaultProps(): string[] {
    return [];
  }
  get fill(): { color: string } {
    const set = (v: string) => this.queue("fill.color", [v], (t) => (customOf(t).fill = checkColour(v)));
    return {
      get color(): string {
        throw propertyNotLoaded("color");
      },
      set color(v: string) {
        set(v);
      },
    };
  }
  get font(): { color: string; bold: boolean } {
    const setColour = (v: string) =>
      this.queue("font.color", [v], (t) => (customOf(t).fontColor = checkColour(v)));
    const setBold = (v: boolean) => this.queue("font.bold", [v], (t) => (customOf(t).bold = v));
    return {
      get color(): string {
        throw propertyNotLoaded("color");
      },
      set color(v: string) {
        setColour(v);
      },
      get bold(): boolean {
        throw propertyNotLoaded("bold");
      },
      set bold(v: boolean) {
        setBold(v);
      },
    };
  }
}

function checkBarRule(rule: unknown): { type: string; formula?: string } {
  const r = rule as { type?: unknown; formula?: unknown };
  const types = [
    "Invalid",
    "Automatic",
    "LowestValue",
    "HighestValue",
    "Number",
    "Percent",
    "Formula",
    "Percentile",
  ];
  if (!r || typeof r.type !== "string" || !types.includes(r.type))
    throw invalidArgument("Bad data bar rule.");
  return r.formula === undefined ? { type: r.type } : { type: r.type, formula: String(r.formula) };
}

export class FakeDataBarConditionalFormat extends ClientObject<CfTarget> {
  protected snapshot(t: CfTarget, prop: string): unknown {
    const d = dataBarOf(t);
    return (d as unknown as Record<string, unknown>)[prop] ?? null;
  }
  protected defaultProps(): string[] {
    return ["lowerBoundRule", "upperBoundRule"];
  }
  set lowerBoundRule(rule: { type: string; formula?: string }) {
    this.queue("lowerBoundRule", [rule], (t) => (dataBarOf(t).lowerBoundRule = checkBarRule(rule)));
  }
  get lowerBoundRule(): { type: string; formula?: string } {
    return this.get("lowerBoundRule");
  }
  set upperBoundRule(rule: { type: string; formula?: string }) {
    this.queue("upperBoundRule", [rule], (t) => (dataBarOf(t).upperBoundRule = checkBarRule(rule)));
  }
  get upperBoundRule(): { type: string; formula?: string } {
    return this.get("upperBoundRule");
  }
  get positiveFormat(): { fillColor: string; gradientFill: boolean; borderColor: string } {
    const q = (name: string, v: unknown, apply: (d: NonNullable<CfState["dataBar"]>) => void) =>
      this.queue(`positiveFormat.${name}`, [v], (t) => apply(dataBarOf(t)));
    return {
      get fillColor(): string {
        throw propertyNotLoaded("fillColor");
      },
      set fillColor(v: string) {
        q("fillColor", v, (d) => (d.fillColor = checkColour(v)));
      },
      get gradientFill(): boolean {
        throw propertyNotLoaded("gradientFill");
      },
      set gradientFill(v: boolean) {
        q("gradientFill", v, (d) => (d.gradientFill = v));
      },
      get borderColor(): string {
        throw propertyNotLoaded("borderColor");
      },
      set borderColor(v: string) {
        q("borderColor", v, (d) => (d.borderColor = v === "" ? "" : checkColour(v)));
      },
    };
  }
}

// ---------------------------------------------------------------- data validation

export class FakeDataValidation extends ClientObject<RangeTarget> {
  protected override api(): string {
    return "1.8";
  }
  protected snapshot(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.validations.find((x) => rectsIntersect(x.rect, t.rect));
    if (!v) return null;
    return (v as unknown as Record<string, unknown>)[prop] ?? null;
  }
  protected defaultProps(): string[] {
    return ["rule", "errorAlert", "ignoreBlanks"];
  }

  private entry(t: RangeTarget) {
    let v = t.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(t.rect));
    if (!v) {
      // A new validation replaces the parts of older ones it covers (kept simple: drop overlapping ones).
      for (let i = t.sheet.validations.length - 1; i >= 0; i--) {
        if (rectsIntersect(t.sheet.validations[i].rect, t.rect)) t.sheet.validations.splice(i, 1);
      }
      v = { rect: t.rect, rule: {}, errorAlert: null, ignoreBlanks: true };
      t.sheet.validations.push(v);
    }
    return v;
  }

  get rule(): Record<string, unknown> {
    return this.get("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.queue("rule", [rule], (t) => {
      const list = rule?.list as { source?: unknown; inCellDropDown?: unknown } | undefined;
      if (list) {
        const source = list.source;
        if (typeof source !== "string" || source === "") throw invalidArgument("A list needs a source.");
        if (!source.startsWith("=") && source.length > 255) {
          throw invalidArgument("The list source of a data validation cannot exceed 255 characters.");
        }
      }
      this.entry(t).rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this.get("errorAlert");
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.queue("errorAlert", [alert], (t) => {
      if (typeof alert.title === "string" && alert.title.length > 32)
        throw invalidArgument("Error title too long.");
      if (typeof alert.message === "string" && alert.message.length > 255)
        throw invalidArgument("Error message too long.");
      this.entry(t).errorAlert = { ...alert };
    });
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.queue("ignoreBlanks", [v], (t) => (this.entry(t).ignoreBlanks = v));
  }
  clear(): void {
    this.queue("clear", [], (t) => {
      for (let i = t.sheet.validations.length - 1; i >= 0; i--) {
        if (rectsIntersect(t.sheet.validations[i].rect, t.rect)) t.sheet.validations.splice(i, 1);
      }
    });
  }
}

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends ClientCollection<TableState, FakeTable, WorkbookState> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => SheetState | null,
    resolver: Resolver<WorkbookState>,
  ) {
    super(context, path, resolver);
  }

  protected itemsOf(wb: WorkbookState): TableState[] {
    const sheet = this.sheet();
    return sheet ? wb.tables.filter((t) => t.sheet === sheet) : wb.tables;
  }

  protected proxy(table: TableState): FakeTable {
    return new FakeTable(this.context, `tables(${JSON.stringify(table.id)})`, () =>
      this.context.wb.tables.includes(table) ? table : null,
    );
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    const s = slot<TableState>();
    this.queue("add", [address, hasHeaders], (wb) => {
      const parsed = parseAddress(address);
      if (!parsed || isUnbounded(parsed.rect)) throw invalidArgument(`Not a table range: "${address}"`);
      const sheet =
        this.sheet() ?? (parsed.sheet !== undefined ? (wb.findSheet(parsed.sheet) ?? null) : null);
      if (!sheet) throw invalidArgument(`Table address "${address}" names no sheet.`);
      const rect = { ...parsed.rect };
      if (wb.tables.some((t) => t.sheet === sheet && rectsIntersect(t.rect, rect))) {
        throw invalidOperation("A table cannot overlap another table.");
      }
      if (hasHeaders) {
        if (rect.r1 === rect.r0) rect.r1++; // a header-only range gets one empty data row
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const v = sheet.value(rect.r0, c);
          let name =
            v === null || v === "" ? `Column${c - rect.c0 + 1}` : typeof v === "object" ? v.error : String(v);
          const base = name;
          for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
          seen.add(name.toLowerCase());
          if (v === null || typeof v !== "string" || v !== name) {
            sheet.clearCell(rect.r0, c);
            sheet.writeValue(rect.r0, c, `'${name}`);
          }
        }
      }
      let n = wb.tables.length + 1;
      while (wb.nameTaken(`Table${n}`)) n++;
      const table: TableState = {
        id: wb.newId("table"),
        name: `Table${n}`,
        sheet,
        rect,
        style: "TableStyleMedium2",
        showBandedRows: true,
        showHeaders: hasHeaders,
      };
      wb.tables.push(table);
      s.set(table);
    });
    return new FakeTable(this.context, `${this._path}.add(${JSON.stringify(address)})`, s.resolver);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () =>
      must(
        this.context.wb.tables.find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ??
          null,
        `table ${key}`,
      ),
    );
  }
}

export class FakeTable extends ClientObject<TableState> {
  protected snapshot(t: TableState, prop: string): unknown {
    switch (prop) {
      case "id":
        return t.id;
      case "name":
        return t.name;
      case "style":
        return t.style;
      case "showBandedRows":
        return t.showBandedRows;
      case "showHeaders":
        return t.showHeaders;
      case "worksheet/name":
        return t.sheet.name;
      default:
        throw invalidArgument(`Unknown table property "${prop}"`);
    }
  }
  protected defaultProps(): string[] {
    return ["id", "name", "style", "showBandedRows", "showHeaders"];
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.queue("name", [v], (t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || v.length > 255)
        throw invalidArgument(`Invalid table name "${v}"`);
      if (t.sheet.wb.nameTaken(v, t)) throw itemAlreadyExists(`name "${v}"`);
      t.name = v;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.queue("style", [v], (t) => (t.style = v));
  }
  get showBandedRows(): boolean {
    return this.get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this.queue("showBandedRows", [v], (t) => (t.showBandedRows = v));
  }
  get worksheet(): FakeWorksheet {
    const proxy = new FakeWorksheet(
      this.context,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null,
    );
    // Lets `table.load("worksheet/name")` be read back as `table.worksheet.name`.
    if (Object.prototype.hasOwnProperty.call(this._loaded, "worksheet/name")) {
      proxy._loaded.name = this._loaded["worksheet/name"];
    }
    return proxy;
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getRange()`, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
  delete(): void {
    this.queue("delete", [], (t) => t.sheet.wb.tables.splice(t.sheet.wb.tables.indexOf(t), 1));
  }
}

// ---------------------------------------------------------------- names

function checkDefinedName(name: string): void {
  if (
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw invalidArgument(`"${name}" is not a valid name.`);
  }
}

export class FakeNamedItemCollection extends ClientCollection<NameState, FakeNamedItem, WorkbookState> {
  protected itemsOf(wb: WorkbookState): NameState[] {
    return wb.names;
  }

  protected proxy(n: NameState): FakeNamedItem {
    return new FakeNamedItem(this.context, `names(${JSON.stringify(n.name)})`, () =>
      this.context.wb.names.includes(n) ? n : null,
    );
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const s = slot<NameState>();
    this.queue(
      "add",
      [name, reference, comment ?? null],
      (wb) => {
        checkDefinedName(name);
        if (wb.nameTaken(name)) throw itemAlreadyExists(`name "${name}"`);
        let formula: string;
        if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else {
          const t = reference._target();
          const abs = rectAddress(t.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
          formula = `=${quoteSheet(t.sheet.name)}!${abs}`;
        }
        const n: NameState = { name, formula, type: "Range", visible: true, comment: comment ?? "" };
        wb.names.push(n);
        s.set(n);
      },
      "1.4",
    );
    return new FakeNamedItem(this.context, `${this._path}.add(${JSON.stringify(name)})`, s.resolver);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () =>
      must(this.find(name), `name ${name}`),
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.find(name),
      true,
    );
  }

  private find(name: string): NameState | null {
    return this.context.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
}

export class FakeNamedItem extends ClientObject<NameState> {
  protected snapshot(n: NameState, prop: string): unknown {
    switch (prop) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "type":
        return n.type;
      case "value":
        return n.formula.replace(/^=/, "");
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      default:
        throw invalidArgument(`Unknown name property "${prop}"`);
    }
  }
  protected defaultProps(): string[] {
    return ["name", "formula", "type", "value", "visible"];
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get type(): string {
    return this.get("type");
  }
  delete(): void {
    this.queue("delete", [], (n) => {
      const names = this.context.wb.names;
      names.splice(names.indexOf(n), 1);
    });
  }
}
