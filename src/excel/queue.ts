/**
 * The one way into `Excel.run`. The ribbon commands and the task pane share one JavaScript runtime, so
 * every batch goes through one queue: a batch starts only when the previous one has finished, and two
 * clicks never interleave their syncs.
 *
 * Errors from Excel (RichApi errors: an object with a string `code`) become HostErrors a planner can act
 * on (host.error.<code>):
 *  - InvalidOperationInCellEditMode → "cellEditing" (not retried: the user has to finish the edit);
 *  - RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded, RangeExceedsLimit,
 *    OperationCellsExceedLimit → "tooLarge";
 *  - "Wait until the previous call completes", ActivityLimitReached, RequestAborted and other busy
 *    errors → retried with backoff (300 ms, 1 s, 3 s) when that is safe, then "busy". A read is always
 *    safe to repeat; a write only when it failed before its first change was sent (the batch says when
 *    it is about to change the workbook, RunControl.markChanging);
 *  - AccessDenied and protection errors → "readOnly";
 *  - any other RichApi error → "unknown".
 * Other errors (the port refusing a plan, bugs) pass through unchanged.
 */
import { HostError, type HostErrorCode } from "../taskpane/host";

export type RunKind = "read" | "write";

/** Given to each batch: a write calls markChanging() before queuing its first change. */
export interface RunControl {
  markChanging(): void;
  readonly changing: boolean;
}

export interface QueueOptions {
  /** Waits before each retry of a busy batch (default 300 ms, 1 s, 3 s). */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

type Batch<T> = (context: Excel.RequestContext, control: RunControl) => Promise<T>;

const DEFAULT_DELAYS = [300, 1000, 3000];

const BUSY_CODES = new Set(["ActivityLimitReached", "RequestAborted", "ServiceNotAvailable", "Busy"]);
const TOO_LARGE_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

function officeCode(err: unknown): string | null {
  if (typeof err !== "object" || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

function messageOf(err: unknown): string {
  const m = (err as { message?: unknown }).message;
  return typeof m === "string" ? m : String(err);
}

/** The HostErrorCode of a RichApi error, or null when `err` is not one. */
export function hostErrorCode(err: unknown): HostErrorCode | null {
  if (err instanceof HostError) return err.code;
  const code = officeCode(err);
  if (code === null) return null;
  const message = messageOf(err);
  if (code === "InvalidOperationInCellEditMode") return "cellEditing";
  if (TOO_LARGE_CODES.has(code) || /payload size/i.test(message)) return "tooLarge";
  if (BUSY_CODES.has(code) || /wait until the previous call completes|\bbusy\b/i.test(message)) return "busy";
  if (code === "AccessDenied" || /protected|read-only|read only/i.test(message)) return "readOnly";
  return "unknown";
}

/** `err` as a HostError (RichApi errors), or null for anything else. */
export function toHostError(err: unknown): HostError | null {
  if (err instanceof HostError) return err;
  const code = hostErrorCode(err);
  if (code === null) return null;
  const office = officeCode(err);
  return new HostError(code, `${office}: ${messageOf(err)}`, err);
}

function excel(): typeof Excel {
  const g = globalThis as { Excel?: typeof Excel };
  if (!g.Excel) throw new HostError("unknown", "Excel is not available (office.js is not loaded)");
  return g.Excel;
}

export class ExcelQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly delays: readonly number[];
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: QueueOptions = {}) {
    this.delays = opts.retryDelaysMs ?? DEFAULT_DELAYS;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Runs `batch` in its own Excel.run once every earlier batch has settled. `on` runs it on an existing
   * context (an event registration's, to remove it).
   */
  run<T>(kind: RunKind, batch: Batch<T>, on?: Excel.RequestContext): Promise<T> {
    const result = this.tail.then(() => this.attempt(kind, batch, on));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async attempt<T>(kind: RunKind, batch: Batch<T>, on?: Excel.RequestContext): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let changing = false;
      const control: RunControl = {
        markChanging: () => void (changing = true),
        get changing() {
          return changing;
        },
      };
      try {
        const run = (context: Excel.RequestContext) => batch(context, control);
        return on ? await excel().run(on, run) : await excel().run(run);
      } catch (err) {
        const hostError = toHostError(err);
        if (!hostError) throw err;
        const retryable = hostError.code === "busy" && (kind === "read" || !changing);
        if (retryable && attempt < this.delays.length) {
          await this.sleep(this.delays[attempt]);
          continue;
        }
        throw hostError;
      }
    }
  }
}
