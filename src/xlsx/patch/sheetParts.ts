/**
 * Byte-level work on a worksheet part that may be very large: finding where its cells end, and
 * rebuilding it with a new tail while copying the cells as bytes. The cells are streamed, never held:
 * only the tail (after `</sheetData>`) is kept, as text.
 */
import type { ZipPackage } from "./zipPackage";
import { rootPrefix } from "./xmlText";

export interface SplitSheet {
  /** Namespace prefix of the worksheet's elements ("" or "x:"). */
  prefix: string;
  /** Byte length of everything up to and including `</sheetData>` (or `<sheetData/>`). */
  headBytes: number;
  /** The rest of the part, decoded. */
  tail: string;
}

const LOOKAHEAD = 64 * 1024;

/** Splits a worksheet part after its cells. */
export async function splitSheet(pkg: ZipPackage, part: string): Promise<SplitSheet> {
  let prefix: string | null = null;
  let openTag: Buffer | null = null;
  let closeTag: Buffer | null = null;
  let inCells = false;
  /** Absolute byte offset of window[0]. */
  let offset = 0;
  let window: Buffer = Buffer.alloc(0);
  let headBytes = -1;
  const tail: Buffer[] = [];

  const drop = (n: number) => {
    offset += n;
    window = window.subarray(n);
  };

  for await (const chunk of pkg.byteStream(part)) {
    if (headBytes >= 0) {
      tail.push(chunk);
      continue;
    }
    window = window.length === 0 ? chunk : Buffer.concat([window, chunk]);
    if (prefix === null) {
      const text = window.subarray(0, Math.min(window.length, LOOKAHEAD)).toString("utf8");
      const root = text.search(/<[A-Za-z_]/);
      if (root < 0 || text.indexOf(">", root) < 0) continue;
      prefix = rootPrefix(text);
      openTag = Buffer.from(`<${prefix}sheetData`);
      closeTag = Buffer.from(`</${prefix}sheetData>`);
    }
    if (!inCells) {
      const open = window.indexOf(openTag!);
      if (open < 0) {
        drop(Math.max(0, window.length - (openTag!.length - 1)));
        continue;
      }
      const gt = window.indexOf(0x3e /* > */, open);
      if (gt < 0) {
        drop(open);
        continue;
      }
      if (window[gt - 1] === 0x2f /* / */) {
        // <sheetData/>: no cells; the tail starts right after it.
        headBytes = offset + gt + 1;
        tail.push(window.subarray(gt + 1));
        continue;
      }
      inCells = true;
      drop(gt + 1);
    }
    const at = window.indexOf(closeTag!);
    if (at >= 0) {
      headBytes = offset + at + closeTag!.length;
      tail.push(window.subarray(at + closeTag!.length));
      continue;
    }
    // Keep just enough to find a tag split across chunks.
    drop(Math.max(0, window.length - (closeTag!.length - 1)));
    window = Buffer.from(window);
  }
  if (headBytes < 0 || prefix === null) throw new Error(`The worksheet "${part}" has no <sheetData>`);
  return { prefix, headBytes, tail: Buffer.concat(tail).toString("utf8") };
}

/** The part's bytes up to `headBytes`, then `tail`. */
export async function* withNewTail(
  pkg: ZipPackage,
  part: string,
  headBytes: number,
  tail: string,
): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of pkg.byteStream(part)) {
    if (seen >= headBytes) break;
    const take = Math.min(chunk.length, headBytes - seen);
    yield take === chunk.length ? chunk : chunk.subarray(0, take);
    seen += take;
  }
  yield Buffer.from(tail, "utf8");
}

/** True when a worksheet part holds a formula (`<f>` element) anywhere. */
export async function hasFormulas(pkg: ZipPackage, part: string): Promise<boolean> {
  let carry = "";
  let re: RegExp | null = null;
  for await (const chunk of pkg.byteStream(part)) {
    const text = carry + chunk.toString("latin1");
    if (re === null) {
      const p = rootPrefix(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      re = new RegExp(`<${p}f[\\s/>]`);
    }
    if (re.test(text)) return true;
    carry = text.slice(-16);
  }
  return false;
}
