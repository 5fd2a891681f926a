/**
 * WorkbookPort over the open workbook through office.js: the same workbook as the .xlsx port
 * (src/xlsx/xlsxPort.ts) writes and reads, so the whole pipeline is shared.
 *
 * Reading. readSheets() loads every named sheet's used range (values and number formats), visibility
 * and merged areas in ONE sync: getItemOrNullObject + getUsedRangeOrNullObject(true) per name, then
 * builds SheetGrids from A1 (cellValues.ts: dates as "yyyy-mm-dd", "" as null; gridFacts.ts: hidden,
 * merges). Should Excel on the web refuse the response as too large (over 5 MB: a national-scale
 * sheet), it falls back to reading in row blocks, one sync each. sheetNames() lists every sheet but
 * NTM_META in tab order; readMeta() reads NTM_META (src/workbook/formats/meta.ts).
 *
 * Writing, in as few syncs as the payload allows (never one per item):
 *  1. state: sheet names, NTM_META, names, tables, runtime.enableEvents (read only);
 *     then every check (planChecks.ts and the ones below) — a refused plan changes nothing;
 *  2. values: events off, screen updating suspended once, the tool's sheets replaced (deleted and
 *     added at the same position) or added, input sheets added, NTM_META rewritten in place, then every
 *     value in row blocks packed under the request budget (blocks.ts), as many syncs as needed; the user
 *     sheets' conditional formats are loaded alongside when the plan has highlights;
 *  3. formats: sheet font, widths, freeze panes, number formats, styles, tables, merges, rules,
 *     validations, page setup (margins, footer), gridlines, visibility, tab colours and, last for each
 *     sheet, protection (sheetCommands.ts), the NTM_ names; packed the same way. The
 *     formulas of the user sheets' Custom rules are loaded alongside;
 *  4. highlights: the tool's old rules deleted from user sheets, the plan's added (rules.ts), events
 *     restored. When no user sheet has a Custom rule, this goes with step 3.
 * Each sync suspends API calculation until the next; runtime.enableEvents is restored to its previous
 * value in the last sync, or in `finally` when something failed. Strings are always written as text
 * (cellValues.ts).
 *
 * Ownership, as in the .xlsx port: only sheets listed in NTM_META are replaced; input sheets are only
 * ever created; on user sheets only the tool's rules change (recognised by their marker,
 * src/workbook/formats/toolRules.ts); with `plan.names`, every NTM_ name is replaced; NTM_META keeps its
 * layout (src/workbook/formats/meta.ts), is very hidden and
 * stays the last sheet. Rewriting NTM_META in place (rather than deleting it) keeps validations that
 * point at its lists valid. Sheets owned before but absent from the plan are left as they are.
 */
import { rangeAddress, quoteSheetName } from "../workbook/a1";
import { checkOwnedSheets, sameSheetName, sheetNameProblem } from "../workbook/planChecks";
import {
  META_SHEET,
  TOOL_NAME_PREFIX,
  type SheetGrid,
  type ToolMeta,
  type WorkbookPort,
  type WritePlan,
} from "../workbook/port";
import type { SheetSpec } from "../workbook/sheetSpec";
import { isOurMetaGrid, metaFromGrid, metaRows } from "../workbook/formats/meta";
import { inlineListFormula, HelperLists } from "../workbook/formats/validationLists";
import { isToolFormula } from "../workbook/formats/toolRules";
import { HostError } from "../taskpane/host";
import {
  COMMAND_OVERHEAD_BYTES,
  jsonBytes,
  packCommands,
  packValueBlocks,
  PayloadTooLargeError,
  REQUEST_BUDGET_BYTES,
  type Command,
} from "./blocks";
import { gridFromRanges, toExcelInput, type ExcelInput, type UsedRangeData } from "./cellValues";
import { factsOf, queueFacts, withMergesIfPossible } from "./gridFacts";
import { ExcelQueue } from "./queue";
import { excelApi } from "./requirements";
import { addRule } from "./rules";
import { boundedRange, checkSpec, formatCommands, valueRows, type Features } from "./sheetCommands";

export interface OfficePortOptions {
  /** Shared with the host so that every Excel.run goes through one queue. */
  queue?: ExcelQueue;
  /** Request budget per sync (default 4 MB). */
  requestBudgetBytes?: number;
  /** Response budget per block when a read is too large for one sync (default 4 MB). */
  responseBudgetBytes?: number;
  now?: () => number;
}

/** What the last write did (for the benchmark and the tests). */
export interface WriteStats {
  syncs: number;
  valueSyncs: number;
  valueBlocks: number;
  formatSyncs: number;
  highlightSyncs: number;
  /** Largest estimated request of a sync. */
  maxEstimatedBytes: number;
}

/** Estimated response bytes per cell when reading in blocks (value and number format, JSON). */
const READ_BYTES_PER_CELL = 64;

function features(): Features {
  return {
    suspendCalculation: excelApi("1.6"),
    freezeAndTabColour: excelApi("1.7"),
    validationAndEvents: excelApi("1.8"),
    pageLayoutAndScreen: excelApi("1.9"),
  };
}

/** The values grid (from A1) of a loaded used range of NTM_META (values, rowIndex, columnIndex). */
function metaValues(used: Excel.Range): SheetGrid["values"] {
  return gridFromRanges(META_SHEET, [
    { values: used.values, rowIndex: used.rowIndex, columnIndex: used.columnIndex },
  ]).values;
}

function checkHighlightRange(range: string, sheet: string): void {
  boundedRange(range, `Highlight on "${sheet}"`);
}

interface CfLoad {
  sheet: string;
  formats: Excel.ConditionalFormatCollection;
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly queue: ExcelQueue;
  private readonly budget: number;
  private readonly responseBudget: number;
  private readonly now: () => number;
  private writes = 0;
  private lastWriteEnd = Number.NEGATIVE_INFINITY;
  /** Statistics of the last write that got past its checks. */
  lastWrite: WriteStats | null = null;

  constructor(opts: OfficePortOptions = {}) {
    this.queue = opts.queue ?? new ExcelQueue();
    this.budget = opts.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
    this.responseBudget = opts.responseBudgetBytes ?? REQUEST_BUDGET_BYTES;
    this.now = opts.now ?? (() => Date.now());
  }

  /** True while a write is running. */
  isWriting(): boolean {
    return this.writes > 0;
  }

  /** When the last write ended (the `now` clock), -Infinity before any. */
  lastWriteEndedAt(): number {
    return this.lastWriteEnd;
  }

  async sheetNames(): Promise<string[]> {
    return this.queue.run("read", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name).filter((n) => n !== META_SHEET);
    });
  }

  async readMeta(): Promise<ToolMeta | null> {
    return this.queue.run("read", async (context) => {
      const used = context.workbook.worksheets.getItemOrNullObject(META_SHEET).getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      await context.sync();
      if (used.isNullObject) return null;
      return metaFromGrid(metaValues(used));
    });
  }

  /**
   * Sheets are found as Excel finds them (case-insensitively); each grid carries the sheet's own name,
   * whether it is hidden and its merged ranges (gridFacts.ts), all from the one sync of the values.
   */
  async readSheets(names: string[]): Promise<SheetGrid[]> {
    try {
      return await this.queue.run("read", (context) =>
        withMergesIfPossible(async (merges) => {
          const entries = names.map((name) => {
            const sheet = context.workbook.worksheets.getItemOrNullObject(name);
            const facts = queueFacts(sheet, merges);
            const used = sheet.getUsedRangeOrNullObject(true);
            used.load("values,numberFormat,rowIndex,columnIndex");
            return { sheet, facts, used };
          });
          await context.sync();
          const grids: SheetGrid[] = [];
          for (const { sheet, facts, used } of entries) {
            if (sheet.isNullObject) continue;
            const cells: SheetGrid = used.isNullObject
              ? { name: sheet.name, values: [], numberFormats: [] }
              : gridFromRanges(sheet.name, [
                  {
                    values: used.values,
                    numberFormat: used.numberFormat,
                    rowIndex: used.rowIndex,
                    columnIndex: used.columnIndex,
                  },
                ]);
            grids.push({ ...cells, ...factsOf(facts) });
          }
          return grids;
        }),
      );
    } catch (err) {
      if (err instanceof HostError && err.code === "tooLarge") return this.readSheetsInBlocks(names);
      throw err;
    }
  }

  /**
   * The used ranges read in row blocks under the response budget, one sync per block. The first block
   * of a sheet assumes READ_BYTES_PER_CELL; later ones are sized from the bytes per cell seen so far
   * (with a 25% margin). A block refused as too large is split in two and read again.
   */
  private async readSheetsInBlocks(names: string[]): Promise<SheetGrid[]> {
    return this.queue.run("read", async (context) => {
      // The sheets' sizes and facts (visibility, merged ranges) in one sync, then the blocks.
      const entries = await withMergesIfPossible(async (merges) => {
        const loads = names.map((name) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          const facts = queueFacts(sheet, merges);
          const used = sheet.getUsedRangeOrNullObject(true);
          used.load("rowIndex,columnIndex,rowCount,columnCount");
          return { sheet, facts, used };
        });
        await context.sync();
        return loads;
      });
      const grids: SheetGrid[] = [];
      for (const { sheet, facts, used } of entries) {
        if (sheet.isNullObject) continue;
        const parts: UsedRangeData[] = [];
        if (!used.isNullObject) {
          const { rowIndex, columnIndex, rowCount, columnCount } = used;
          let bytesPerCell = READ_BYTES_PER_CELL;
          let row = 0;
          while (row < rowCount) {
            const rows = Math.max(
              1,
              Math.min(rowCount - row, Math.floor(this.responseBudget / (columnCount * bytesPerCell * 1.25))),
            );
            const range = sheet.getRange(
              rangeAddress(
                rowIndex + row,
                columnIndex,
                rowIndex + row + rows - 1,
                columnIndex + columnCount - 1,
              ),
            );
            range.load("values,numberFormat");
            try {
              // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per sized block
              await context.sync();
            } catch (err) {
              if ((err as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded" && rows > 1) {
                bytesPerCell *= 2;
                continue;
              }
              throw err;
            }
            const part = {
              values: range.values,
              numberFormat: range.numberFormat,
              rowIndex: rowIndex + row,
              columnIndex,
            };
            parts.push(part);
            bytesPerCell = Math.max(
              1,
              (jsonBytes(part.values) + jsonBytes(part.numberFormat)) / (rows * columnCount),
            );
            row += rows;
          }
        }
        grids.push({ ...gridFromRanges(sheet.name, parts), ...factsOf(facts) });
      }
      return grids;
    });
  }

  async write(plan: WritePlan): Promise<void> {
    await this.queue.run("write", async (context, control) => {
      this.writes++;
      try {
        await this.writeBatch(context, plan, () => control.markChanging());
      } finally {
        this.writes--;
        this.lastWriteEnd = this.now();
      }
    });
  }

  private async writeBatch(
    context: Excel.RequestContext,
    plan: WritePlan,
    markChanging: () => void,
  ): Promise<void> {
    const feats = features();
    const worksheets = context.workbook.worksheets;

    // ---- 1. state (read only)
    worksheets.load("items/name");
    const metaSheet = worksheets.getItemOrNullObject(META_SHEET);
    metaSheet.load("name");
    const metaUsed = metaSheet.getUsedRangeOrNullObject(true);
    metaUsed.load("values,rowIndex,columnIndex,address");
    const names = context.workbook.names;
    names.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name");
    const runtime = feats.validationAndEvents ? context.runtime : null;
    runtime?.load("enableEvents");
    await context.sync();

    const order = worksheets.items.map((s) => s.name);
    const metaGrid = metaSheet.isNullObject ? null : metaUsed.isNullObject ? [] : metaValues(metaUsed);
    const job = this.checkPlan(plan, order, metaGrid);

    // ---- planning (pure): values, formats' helper lists, meta, blocks
    const specs = [...plan.sheets, ...(plan.inputSheets ?? [])];
    const helpers = new HelperLists();
    if (feats.validationAndEvents) {
      for (const spec of specs) {
        for (const v of spec.validations ?? [])
          if (inlineListFormula(v.list) === null) helpers.reference(v.list);
      }
    }
    const rows: ExcelInput[][][] = specs.map(valueRows);
    rows.push(metaRows(plan.meta, helpers.lists).map((row) => row.map(toExcelInput)));
    const preludeCommands = 4 + 3 * specs.length + (job.cfSheets.length > 0 ? job.cfSheets.length : 0);
    let valueSyncs;
    try {
      valueSyncs = packValueBlocks(rows, this.budget, preludeCommands * COMMAND_OVERHEAD_BYTES);
    } catch (err) {
      if (err instanceof PayloadTooLargeError) throw new HostError("tooLarge", err.message, err);
      throw err;
    }

    // ---- from here on the workbook changes
    markChanging();
    const previousEvents = runtime ? runtime.enableEvents : null;
    let eventsOff = false;
    let restored = false;
    const stats: WriteStats = {
      syncs: 1,
      valueSyncs: 0,
      valueBlocks: 0,
      formatSyncs: 0,
      highlightSyncs: 0,
      maxEstimatedBytes: 0,
    };
    this.lastWrite = stats;
    try {
      // 2. values (the prelude goes with the first sync)
      const targets: Excel.Worksheet[] = [];
      let cfLoads: CfLoad[] = [];
      const prelude = (): void => {
        if (feats.pageLayoutAndScreen) context.application.suspendScreenUpdatingUntilNextSync();
        if (runtime) {
          runtime.enableEvents = false;
          eventsOff = true;
        }
        const current = [...order];
        plan.sheets.forEach((spec) => {
          const old = job.replaced.get(spec);
          if (old !== undefined) {
            const position = current.indexOf(old);
            worksheets.getItem(old).delete();
            const ws = worksheets.add(spec.name);
            ws.position = position;
            current[position] = spec.name;
            targets.push(ws);
          } else {
            targets.push(worksheets.add(spec.name));
            current.push(spec.name);
          }
        });
        for (const spec of plan.inputSheets ?? []) {
          targets.push(worksheets.add(spec.name));
          current.push(spec.name);
        }
        if (metaGrid !== null) {
          const meta = worksheets.getItem(META_SHEET);
          if (!metaUsed.isNullObject) meta.getRange(metaUsed.address.replace(/^.*!/, "")).clear("Contents");
          const last = current.length - 1;
          if (current.indexOf(META_SHEET) !== last) meta.position = last;
          targets.push(meta);
        } else {
          const meta = worksheets.add(META_SHEET);
          meta.visibility = "VeryHidden";
          targets.push(meta);
        }
        cfLoads = job.cfSheets.map((sheet) => {
          const formats = worksheets.getItem(sheet).getRange().conditionalFormats;
          formats.load("items/type");
          return { sheet, formats };
        });
      };
      const valueCommands: Command[][] = valueSyncs.map((blocks, i) => {
        const commands: Command[] = blocks.map((b) => ({
          bytes: b.bytes,
          queue: () => {
            const width = b.width;
            const block = rows[b.sheet].slice(b.start, b.end).map((row) => {
              const out = row.length > width ? row.slice(0, width) : row.slice();
              while (out.length < width) out.push(null);
              return out;
            });
            targets[b.sheet].getRange(rangeAddress(b.start, 0, b.end - 1, width - 1)).values = block;
          },
        }));
        stats.valueBlocks += blocks.length;
        return i === 0
          ? [{ bytes: preludeCommands * COMMAND_OVERHEAD_BYTES, queue: prelude }, ...commands]
          : commands;
      });
      await this.runSyncs(context, valueCommands, stats, "valueSyncs", feats);

      // 3. formats (+ the formulas of the user sheets' Custom rules)
      const customs = cfLoads.map(({ sheet, formats }) => ({
        sheet,
        rules: formats.items.filter((cf) => cf.type === "Custom"),
      }));
      const needFormulas = customs.some((c) => c.rules.length > 0);
      const tableNames = [
        ...tables.items
          .filter((t) => !job.replacedNames.has(t.worksheet.name.toLowerCase()))
          .map((t) => t.name),
        ...names.items.map((n) => n.name),
      ];
      const formats: Command[] = [];
      specs.forEach((spec, i) =>
        formats.push(...formatCommands(targets[i], spec, feats, tableNames, helpers)),
      );
      if (plan.names) {
        for (const n of names.items) {
          if (!n.name.startsWith(TOOL_NAME_PREFIX)) continue;
          const name = n.name;
          formats.push({
            bytes: COMMAND_OVERHEAD_BYTES,
            queue: () => context.workbook.names.getItem(name).delete(),
          });
        }
        for (const n of plan.names) {
          const formula = `=${quoteSheetName(n.sheet)}!${n.range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
          formats.push({
            bytes: COMMAND_OVERHEAD_BYTES + jsonBytes([n.name, formula]),
            queue: () => void context.workbook.names.add(n.name, formula),
          });
        }
      }
      const restore: Command = {
        bytes: COMMAND_OVERHEAD_BYTES,
        queue: () => {
          if (runtime && eventsOff && previousEvents !== null) runtime.enableEvents = previousEvents;
        },
      };
      const highlights = (): Command[] => {
        const out: Command[] = [];
        for (const { rules } of customs) {
          const tool = rules.filter((cf) => isToolFormula(cf.custom.rule.formula));
          // Last first: the remaining ones keep their places in the collection.
          for (let k = tool.length - 1; k >= 0; k--) {
            const cf = tool[k];
            out.push({ bytes: COMMAND_OVERHEAD_BYTES, queue: () => cf.delete() });
          }
        }
        for (const h of plan.inputHighlights ?? []) {
          for (const rule of h.rules) {
            out.push({
              bytes: COMMAND_OVERHEAD_BYTES * 4 + jsonBytes(rule),
              queue: () => void addRule(worksheets.getItem(h.sheet).getRange(rule.range), rule, true),
            });
          }
        }
        return out;
      };
      if (plan.inputHighlights && needFormulas) {
        for (const { rules } of customs) {
          for (const cf of rules) {
            formats.push({ bytes: COMMAND_OVERHEAD_BYTES, queue: () => void cf.custom.rule.load("formula") });
          }
        }
      } else if (plan.inputHighlights) {
        formats.push(...highlights());
      }
      const last = !(plan.inputHighlights && needFormulas);
      if (last) formats.push(restore);
      await this.runSyncs(context, packCommands(formats, this.budget), stats, "formatSyncs", feats);
      if (last) restored = true;

      // 4. highlights
      if (!last) {
        await this.runSyncs(
          context,
          packCommands([...highlights(), restore], this.budget),
          stats,
          "highlightSyncs",
          feats,
        );
        restored = true;
      }
    } finally {
      if (eventsOff && !restored && runtime && previousEvents !== null) {
        try {
          runtime.enableEvents = previousEvents;
          await context.sync();
          stats.syncs++;
        } catch {
          // Excel refused even this: the error that brought us here is the one to report.
        }
      }
    }
  }

  /** Runs groups of commands, one sync per group, each with API calculation suspended. */
  private async runSyncs(
    context: Excel.RequestContext,
    groups: Command[][],
    stats: WriteStats,
    phase: "valueSyncs" | "formatSyncs" | "highlightSyncs",
    feats: Features,
  ): Promise<void> {
    for (const group of groups) {
      if (feats.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
      let bytes = 0;
      for (const command of group) {
        command.queue();
        bytes += command.bytes;
      }
      stats.maxEstimatedBytes = Math.max(stats.maxEstimatedBytes, bytes);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload block (blocks.ts)
      await context.sync();
      stats.syncs++;
      stats[phase]++;
    }
  }

  /**
   * Every check before the first change (the .xlsx port's, plus what office.js would refuse halfway).
   * Returns which existing sheet each spec replaces and the user sheets whose rules may change.
   */
  private checkPlan(
    plan: WritePlan,
    order: readonly string[],
    metaGrid: SheetGrid["values"] | null,
  ): { replaced: Map<SheetSpec, string>; replacedNames: Set<string>; cfSheets: string[] } {
    if (metaGrid !== null && !isOurMetaGrid(metaGrid)) {
      throw new Error(
        `The workbook has a sheet "${META_SHEET}" that NTM Planner did not create; refusing to write`,
      );
    }
    const stored = metaGrid === null ? null : metaFromGrid(metaGrid);
    const findSheet = (name: string): { name: string } | undefined => {
      const found = order.find((n) => n === name) ?? order.find((n) => sameSheetName(n, name));
      return found === undefined ? undefined : { name: found };
    };
    const { replaced, seen } = checkOwnedSheets(plan, stored, findSheet, checkSpec);
    for (const spec of plan.inputSheets ?? []) {
      const problem = sheetNameProblem(spec.name);
      if (problem) throw new Error(`Sheet name "${spec.name}" ${problem}`);
      if (sameSheetName(spec.name, META_SHEET))
        throw new Error(`"${META_SHEET}" is reserved for NTM Planner's meta sheet`);
      if (seen.some((s) => sameSheetName(s, spec.name)))
        throw new Error(`The plan writes sheet "${spec.name}" twice`);
      seen.push(spec.name);
      if (findSheet(spec.name))
        throw new Error(`Sheet "${spec.name}" already exists; input sheets are never replaced`);
      checkSpec(spec);
    }
    for (const n of plan.names ?? []) {
      if (!n.name.startsWith(TOOL_NAME_PREFIX))
        throw new Error(`Defined name "${n.name}" must start with ${TOOL_NAME_PREFIX}`);
      if (!seen.some((s) => sameSheetName(s, n.sheet))) {
        throw new Error(`Defined name "${n.name}" must point at a sheet the plan writes`);
      }
      boundedRange(n.range, `Defined name "${n.name}"`);
    }
    if (plan.meta.ownedSheets.some((o) => sameSheetName(o, META_SHEET))) {
      throw new Error(`meta.ownedSheets must not list "${META_SHEET}"`);
    }
    for (const h of plan.inputHighlights ?? []) {
      if (sameSheetName(h.sheet, META_SHEET) || seen.some((s) => sameSheetName(s, h.sheet))) {
        throw new Error(`Highlights must target a user sheet, not "${h.sheet}"`);
      }
      if (!findSheet(h.sheet)) throw new Error(`Highlight sheet "${h.sheet}" does not exist`);
      for (const rule of h.rules) {
        checkHighlightRange(rule.range, h.sheet);
        if (rule.kind === "dataBar") {
          throw new Error(
            `Highlight on "${h.sheet}" (${rule.range}): data bars cannot be added to a user sheet`,
          );
        }
      }
    }
    const replacedSheets = new Map<SheetSpec, string>();
    for (const [spec, sheet] of replaced) replacedSheets.set(spec, sheet.name);
    const written = plan.sheets.map((s) => s.name);
    const cfSheets = plan.inputHighlights
      ? order.filter((n) => n !== META_SHEET && !written.some((w) => sameSheetName(w, n)))
      : [];
    return {
      replaced: replacedSheets,
      replacedNames: new Set([...replacedSheets.values()].map((n) => n.toLowerCase())),
      cfSheets,
    };
  }
}
