/**
 * Host over office.js: what the task pane and the ribbon commands need from Excel (src/taskpane/host.ts).
 * One per JavaScript runtime (getOfficeHost), so the pane and the ribbon share one Excel.run queue.
 *
 * - displayLanguage: Office.context.displayLanguage; prefersDark: the perceived brightness of the theme's
 *   body background (Office.context.officeTheme, absent in some hosts: then light).
 * - Preferences in localStorage (per user and machine), falling back to memory where storage is
 *   unavailable (private windows, some webviews).
 * - The column mapping in the document settings (key "ntmPlanner.mapping", a JSON string), saved with
 *   saveAsync, so it travels with the workbook.
 * - watchSheets: worksheets.onChanged (ExcelApi 1.9; below it nothing is watched, and the returned
 *   stop function does nothing). With ExcelApi 1.14 the event says who changed
 *   the cells and the add-in's own writes (triggerSource "ThisLocalAddin") are ignored; below it, events
 *   are ignored while the port writes and for a short grace period after (the port also turns events
 *   off while it writes, where ExcelApi 1.8 allows).
 * - supports: createWorkbook needs ExcelApi 1.8, changeTriggerSource ExcelApi 1.14; download is Excel on
 *   the web (Office.context.platform "OfficeOnline"), where the pane is a browser page and an
 *   <a download> link saves a file; desktop webviews ignore or block it.
 * - showPane: Office.addin.showAsTaskpane (SharedRuntime 1.1); elsewhere nothing to do.
 * - createWorkbook: Excel.createWorkbook(base64) through the queue, as a write (never retried once
 *   sent: a retry could open the workbook twice); Excel's errors become HostErrors.
 * - addCharts: native charts on report sheets (charts.ts), through the queue.
 * - downloadFile: a Blob URL clicked through a hidden <a download>, revoked a minute later.
 */
import type { ColumnMapping } from "../workbook/read/reader";
import { HostError, type Host, type HostFeature } from "../taskpane/host";
import type { ChartSpec } from "../workbook/reports/types";
import { addCharts } from "./charts";
import { OfficeWorkbookPort } from "./officePort";
import { ExcelQueue } from "./queue";
import { isSetSupported } from "./requirements";

export const MAPPING_SETTING = "ntmPlanner.mapping";
const PREFERENCE_PREFIX = "ntmPlanner.";
/** How long after its own write the host still ignores change events (without triggerSource). */
export const WRITE_GRACE_MS = 1500;

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OfficeHostOptions {
  queue?: ExcelQueue;
  /** Default: localStorage when usable. */
  storage?: KeyValueStore | null;
  now?: () => number;
  graceMs?: number;
}

function office(): typeof Office {
  const o = (globalThis as { Office?: typeof Office }).Office;
  if (!o) throw new HostError("unknown", "Office is not available (office.js is not loaded)");
  return o;
}

function excel(): typeof Excel {
  const e = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!e) throw new HostError("unknown", "Excel is not available (office.js is not loaded)");
  return e;
}

/** Excel on the web (Office.context.platform), where the pane is a browser page. */
function isOfficeOnline(): boolean {
  try {
    return String(office().context.platform) === "OfficeOnline";
  } catch {
    return false;
  }
}

/** Perceived brightness (0–255) of "#RRGGBB" or "#RGB"; null for anything else. */
export function brightness(colour: string): number | null {
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return (r * 299 + g * 587 + b * 114) / 1000;
}

function defaultStorage(): KeyValueStore | null {
  try {
    const s = (globalThis as { localStorage?: KeyValueStore }).localStorage;
    if (!s) return null;
    const probe = `${PREFERENCE_PREFIX}probe`;
    s.setItem(probe, "1");
    return s;
  } catch {
    return null;
  }
}

function isMapping(value: unknown): value is ColumnMapping {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  return ["sheets", "headerRows", "columns"].every(
    (k) => m[k] === undefined || (typeof m[k] === "object" && m[k] !== null && !Array.isArray(m[k])),
  );
}

export class OfficeHost implements Host {
  readonly port: OfficeWorkbookPort;
  private readonly queue: ExcelQueue;
  private readonly storage: KeyValueStore | null;
  private readonly memory = new Map<string, string>();
  private readonly now: () => number;
  private readonly graceMs: number;

  constructor(opts: OfficeHostOptions = {}) {
    this.queue = opts.queue ?? new ExcelQueue();
    this.now = opts.now ?? (() => Date.now());
    this.port = new OfficeWorkbookPort({ queue: this.queue, now: this.now });
    this.storage = opts.storage === undefined ? defaultStorage() : opts.storage;
    this.graceMs = opts.graceMs ?? WRITE_GRACE_MS;
  }

  displayLanguage(): string {
    return office().context.displayLanguage || "vi-VN";
  }

  prefersDark(): boolean {
    const background = office().context.officeTheme?.bodyBackgroundColor;
    const b = background ? brightness(background) : null;
    return b !== null && b < 128;
  }

  getPreference(key: string): string | null {
    try {
      if (this.storage) return this.storage.getItem(PREFERENCE_PREFIX + key);
    } catch {
      // storage went away: memory below
    }
    return this.memory.get(key) ?? null;
  }

  setPreference(key: string, value: string): void {
    this.memory.set(key, value);
    try {
      this.storage?.setItem(PREFERENCE_PREFIX + key, value);
    } catch {
      // quota or privacy mode: kept in memory for this session
    }
  }

  async loadMapping(): Promise<ColumnMapping | null> {
    const raw: unknown = office().context.document.settings.get(MAPPING_SETTING);
    if (typeof raw !== "string") return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isMapping(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  async saveMapping(mapping: ColumnMapping | null): Promise<void> {
    const settings = office().context.document.settings;
    if (mapping === null) settings.remove(MAPPING_SETTING);
    else settings.set(MAPPING_SETTING, JSON.stringify(mapping));
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (String(result.status) === "failed") {
          const message = result.error?.message ?? "the document settings could not be saved";
          const code = /read-only|read only|permission|denied/i.test(message) ? "readOnly" : "unknown";
          reject(new HostError(code, message, result.error));
        } else resolve();
      });
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.queue.run("read", async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async watchSheets(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>> {
    if (!isSetSupported("ExcelApi", "1.9")) return async () => undefined;
    const wanted = new Set(sheets.map((s) => s.toLowerCase()));
    const withTrigger = this.supports("changeTriggerSource");
    const namesById = new Map<string, string>();
    const refresh = () =>
      this.queue.run("read", async (context) => {
        const items = context.workbook.worksheets;
        items.load("items/id,items/name");
        await context.sync();
        namesById.clear();
        for (const ws of items.items) namesById.set(ws.id, ws.name);
      });

    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (withTrigger) {
        if (args.triggerSource === "ThisLocalAddin") return;
      } else if (this.port.isWriting() || this.now() - this.port.lastWriteEndedAt() < this.graceMs) {
        return;
      }
      if (!namesById.has(args.worksheetId)) {
        try {
          await refresh();
        } catch {
          return; // Excel busy: the next change will tell again
        }
      }
      const name = namesById.get(args.worksheetId);
      if (name !== undefined && wanted.has(name.toLowerCase())) onChange();
    };

    const registration = await this.queue.run("read", async (context) => {
      const items = context.workbook.worksheets;
      items.load("items/id,items/name");
      const result = items.onChanged.add(handler);
      await context.sync();
      for (const ws of items.items) namesById.set(ws.id, ws.name);
      return result;
    });
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      await this.queue.run(
        "read",
        async (context) => {
          registration.remove();
          await context.sync();
        },
        registration.context as Excel.RequestContext,
      );
    };
  }

  supports(feature: HostFeature): boolean {
    switch (feature) {
      case "createWorkbook":
        return isSetSupported("ExcelApi", "1.8");
      case "changeTriggerSource":
        return isSetSupported("ExcelApi", "1.14");
      case "download":
        return (
          isOfficeOnline() && typeof document !== "undefined" && typeof URL.createObjectURL === "function"
        );
    }
  }

  async createWorkbook(base64: string): Promise<void> {
    await this.queue.run("write", async (_context, control) => {
      control.markChanging();
      await excel().createWorkbook(base64);
    });
  }

  addCharts(charts: readonly ChartSpec[]): Promise<number> {
    return addCharts(this.queue, charts);
  }

  downloadFile(name: string, bytes: Uint8Array, mimeType: string): void {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }

  async showPane(): Promise<void> {
    if (!isSetSupported("SharedRuntime", "1.1")) return;
    await office().addin.showAsTaskpane();
  }
}

const HOST_KEY = "__ntmPlannerOfficeHost";

/** The runtime's one OfficeHost (kept on globalThis, so the pane and ribbon bundles share it). */
export function getOfficeHost(): Host {
  const g = globalThis as { [HOST_KEY]?: OfficeHost };
  return (g[HOST_KEY] ??= new OfficeHost());
}
