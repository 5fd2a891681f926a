/**
 * A Host for tests: the workbook is a real in-memory .xlsx port (ExcelJS), so the pane runs the real
 * pipeline; preferences, the saved mapping, selections and sheet watches are recorded for assertions.
 * Tests only: the pane never loads ExcelJS.
 */
import { buildHaTinhSample } from "../../cli/sample/haTinhSample";
import type { ColumnMapping } from "../../workbook/read/reader";
import type { WorkbookPort } from "../../workbook/port";
import { buildTemplate } from "../../workbook/template";
import { writeSheets } from "../../workbook/writeSheets";
import { XlsxWorkbookPort } from "../../xlsx/xlsxPort";
import type { Host, HostFeature } from "../host";

export interface Watch {
  sheets: readonly string[];
  onChange: () => void;
  stopped: boolean;
}

export interface MemoryHostOptions {
  port?: WorkbookPort;
  displayLanguage?: string;
  prefersDark?: boolean;
  preferences?: Record<string, string>;
  mapping?: ColumnMapping | null;
}

export class MemoryHost implements Host {
  readonly port: WorkbookPort;
  readonly preferences: Map<string, string>;
  mapping: ColumnMapping | null;
  readonly selections: { sheet: string; cell: string }[] = [];
  readonly savedMappings: (ColumnMapping | null)[] = [];
  readonly watches: Watch[] = [];
  paneShown = 0;
  private readonly language: string;
  private readonly dark: boolean;

  constructor(opts: MemoryHostOptions = {}) {
    this.port = opts.port ?? XlsxWorkbookPort.createEmpty();
    this.language = opts.displayLanguage ?? "vi-VN";
    this.dark = opts.prefersDark ?? false;
    this.preferences = new Map(Object.entries(opts.preferences ?? {}));
    this.mapping = opts.mapping ?? null;
  }

  displayLanguage(): string {
    return this.language;
  }
  prefersDark(): boolean {
    return this.dark;
  }
  getPreference(key: string): string | null {
    return this.preferences.get(key) ?? null;
  }
  setPreference(key: string, value: string): void {
    this.preferences.set(key, value);
  }
  async loadMapping(): Promise<ColumnMapping | null> {
    return this.mapping === null ? null : structuredCloneMapping(this.mapping);
  }
  async saveMapping(mapping: ColumnMapping | null): Promise<void> {
    this.savedMappings.push(mapping);
    this.mapping = mapping === null ? null : structuredCloneMapping(mapping);
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selections.push({ sheet, cell });
  }
  async watchSheets(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>> {
    const watch: Watch = { sheets: [...sheets], onChange, stopped: false };
    this.watches.push(watch);
    return async () => {
      watch.stopped = true;
    };
  }
  supports(_feature: HostFeature): boolean {
    return true;
  }
  async showPane(): Promise<void> {
    this.paneShown++;
  }

  /** The user edits a cell of `sheet`: every live watch on it is told. */
  userEdits(sheet: string): void {
    for (const w of this.watches)
      if (!w.stopped && w.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase())) w.onChange();
  }
}

function structuredCloneMapping(m: ColumnMapping): ColumnMapping {
  return JSON.parse(JSON.stringify(m)) as ColumnMapping;
}

/** The embedded Hà Tĩnh 2022 sample, as `ntm-planner demo` builds it, in a fresh in-memory workbook. */
export async function haTinhSamplePort(): Promise<XlsxWorkbookPort> {
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, buildTemplate(buildHaTinhSample({ year: 2022, lang: "vi" })));
  return port;
}
