/**
 * Keeping each `context.sync()` under a request budget. Pure.
 *
 * Excel on the web rejects a request over 5 MB (RequestPayloadSizeLimitExceeded). office.js sends
 * every queued command as JSON: its object path, its name and its arguments, so a values write costs
 * about the JSON size of its 2-D array. We estimate that size exactly per cell (UTF-8 bytes of the
 * JSON text, plus the comma), pad each block to a rectangle the way it is sent (null = 5 bytes: "null,"),
 * and add a fixed allowance per command for the path and bookkeeping. The budget (4 MB) leaves a margin
 * under the limit for what the estimate does not see.
 *
 * Values are packed greedily in sheet order: rows go into the current block until the next row would
 * take the current sync over the budget; then the block closes, the sync closes and the next one starts
 * with a new block of the same sheet. A small sheet therefore shares a sync with others, and a big one
 * spans as few syncs as its size needs. Commands of the other phases (formats, rules) are packed the
 * same way, whole commands at a time (packCommands).
 */
import type { ExcelInput } from "./cellValues";

/** Request budget per sync: under Excel on the web's 5 MB limit with a margin. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** Allowance per queued command beyond its arguments (object path, action, ids). */
export const COMMAND_OVERHEAD_BYTES = 400;

/** Cost of one padding cell in a values array: `null,`. */
const NULL_CELL_BYTES = 5;

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Bytes of one values-array element as JSON, with its comma. */
export function cellBytes(v: ExcelInput): number {
  if (v === null) return NULL_CELL_BYTES;
  if (typeof v === "string") return utf8Bytes(JSON.stringify(v)) + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  return String(v).length + 1;
}

/** JSON bytes of any command argument (formats, rules, names…). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Bytes(s);
}

/** One values write: rows [start, end) of a sheet, columns A…(width), as one rectangular array. */
export interface ValueBlock {
  sheet: number;
  start: number;
  end: number;
  width: number;
  /** Estimated request bytes of the write, command overhead included. */
  bytes: number;
}

/** A request that cannot be split small enough (one row over the whole budget). */
export class PayloadTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}

/**
 * Packs the rows of `sheets` (already converted with toExcelInput) into syncs of value blocks, each sync
 * estimated at most `budget` bytes. The first sync starts with `firstSyncBytes` already used (the
 * commands that create the sheets). Rows that hold nothing at the start of a block are skipped; a sheet
 * with no values gives no block.
 */
export function packValueBlocks(
  sheets: readonly (readonly (readonly ExcelInput[])[])[],
  budget = REQUEST_BUDGET_BYTES,
  firstSyncBytes = 0,
): ValueBlock[][] {
  const syncs: ValueBlock[][] = [];
  let current: ValueBlock[] = [];
  let used = firstSyncBytes;

  // The first sync is emitted even without values when it carries `firstSyncBytes` of other commands.
  const closeSync = () => {
    if (current.length > 0 || (syncs.length === 0 && used > 0)) syncs.push(current);
    current = [];
    used = 0;
  };

  sheets.forEach((rows, sheet) => {
    let block: ValueBlock | null = null;
    const closeBlock = () => {
      if (block && block.width > 0) {
        current.push(block);
        used += block.bytes;
      }
      block = null;
    };
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      let len = row.length;
      while (len > 0 && row[len - 1] === null) len--;
      if (block === null && len === 0) continue; // nothing to write yet
      let content = 2; // brackets and the comma after the row
      for (let c = 0; c < len; c++) content += cellBytes(row[c]);
      // A new block: the command's allowance and the array's outer brackets.
      const b: ValueBlock = block ?? { sheet, start: r, end: r, width: 0, bytes: COMMAND_OVERHEAD_BYTES + 2 };
      const rowsBefore = b.end - b.start;
      const width = Math.max(b.width, len);
      const grown =
        b.bytes +
        content +
        NULL_CELL_BYTES * (width - len) +
        NULL_CELL_BYTES * (width - b.width) * rowsBefore;
      if (used + grown > budget) {
        if (block !== null) {
          closeBlock();
          closeSync();
          r--; // start a new block (in a new sync) with this row
          continue;
        }
        if (used > 0) {
          closeSync();
          r--;
          continue;
        }
        throw new PayloadTooLargeError(
          `Row ${r + 1} of sheet #${sheet + 1} alone needs about ${grown} bytes, over the ${budget}-byte budget`,
        );
      }
      b.end = r + 1;
      b.width = width;
      b.bytes = grown;
      block = b;
    }
    closeBlock();
  });
  closeSync();
  return syncs;
}

/** A queued command with its estimated request size. */
export interface Command {
  bytes: number;
  queue(): void;
}

/**
 * Groups commands, in order, into syncs of at most `budget` bytes each (`firstSyncBytes` already used in
 * the first). A command alone over the budget gets a sync of its own (and may well be refused by Excel).
 */
export function packCommands<C extends { bytes: number }>(
  commands: readonly C[],
  budget = REQUEST_BUDGET_BYTES,
  firstSyncBytes = 0,
): C[][] {
  const groups: C[][] = [];
  let current: C[] = [];
  let used = firstSyncBytes;
  for (const command of commands) {
    if (current.length > 0 && used + command.bytes > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(command);
    used += command.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
