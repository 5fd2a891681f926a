/**
 * The .xlsx package (an OPC zip) as the patch port sees it: parts read as text or streamed in chunks,
 * parts replaced or added, and everything else carried through untouched.
 *
 * JSZip keeps a loaded part as its compressed bytes; a part we never replace is written back from those
 * bytes without being inflated or deflated again.
 *
 * Speed. JSZip inflates and deflates with pako, in JavaScript, about 5–10 times slower than Node's
 * zlib. For the parts that are large (a 125,000-row sheet is ~150 MB of XML) this module reads the
 * compressed bytes JSZip holds and inflates them with zlib, and hands JSZip parts it has already
 * deflated with zlib (as JSZip's own CompressedObject, the form it gives a loaded part). Both rely on
 * JSZip 3.x internals (`ZipObject._data`, `lib/compressedObject`); when they are not as expected the
 * module falls back to JSZip's public API, which is slower but gives the same bytes.
 */
import { createWriteStream, promises as fs } from "fs";
import * as path from "path";
import { Readable, Writable } from "stream";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";
import { StringDecoder } from "string_decoder";
import JSZip from "jszip";

/* eslint-disable @typescript-eslint/no-require-imports */
interface CompressedObjectLike {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: unknown;
}
type CompressedObjectClass = new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: unknown,
  data: Uint8Array,
) => CompressedObjectLike;

const internals: { CompressedObject: CompressedObjectClass; DEFLATE: { magic: string } } | null = (() => {
  try {
    const CompressedObject = require("jszip/lib/compressedObject") as CompressedObjectClass;
    const DEFLATE = (require("jszip/lib/compressions") as { DEFLATE: { magic: string } }).DEFLATE;
    return typeof CompressedObject === "function" && DEFLATE?.magic === "\x08\x00"
      ? { CompressedObject, DEFLATE }
      : null;
  } catch {
    return null;
  }
})();

const jszipCrc32 = (() => {
  try {
    return require("jszip/lib/crc32") as (data: Uint8Array, crc?: number) => number;
  } catch {
    return null;
  }
})();
/* eslint-enable @typescript-eslint/no-require-imports */

/** CRC-32 continued from `crc` (zlib.crc32 from Node 20.15, else JSZip's own). */
function crc32(data: Uint8Array, crc: number): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, c?: number) => number }).crc32;
  if (native) return native(data, crc);
  if (jszipCrc32) return jszipCrc32(data, crc) >>> 0;
  throw new Error("No CRC-32 implementation available");
}

const DEFLATE_LEVEL = 3;
/** Deflate level 3 instead of JSZip's 6: much faster on sheet XML for a slightly larger file. */
const GENERATE_OPTIONS = {
  type: "nodebuffer",
  streamFiles: true,
  compression: "DEFLATE",
  compressionOptions: { level: DEFLATE_LEVEL },
} as const;

const STREAM_CHUNK = 256 * 1024;

/** A part prepared by ZipPackage.deflate(), not yet in the package. */
export type StagedPart =
  { kind: "raw"; data: Buffer } | { kind: "deflated"; compressed: CompressedObjectLike };

export class ZipPackage {
  private constructor(private readonly zip: JSZip) {}

  static async load(data: Buffer | ArrayBuffer | Uint8Array): Promise<ZipPackage> {
    return new ZipPackage(await JSZip.loadAsync(data));
  }

  has(part: string): boolean {
    const f = this.zip.file(part);
    return f !== null && !f.dir;
  }

  /** Every file part, in zip order. */
  parts(): string[] {
    const out: string[] = [];
    this.zip.forEach((rel, file) => {
      if (!file.dir) out.push(rel);
    });
    return out;
  }

  private file(part: string): JSZip.JSZipObject {
    const f = this.zip.file(part);
    if (!f || f.dir) throw new Error(`The workbook has no part "${part}"`);
    return f;
  }

  /** The compressed form JSZip holds for a part, when it is deflated or stored bytes we can read. */
  private compressed(part: string): CompressedObjectLike | null {
    if (!internals) return null;
    const data = (this.file(part) as unknown as { _data?: unknown })._data;
    if (!(data instanceof internals.CompressedObject)) return null;
    if (!(data.compressedContent instanceof Uint8Array)) return null;
    const magic = data.compression?.magic;
    return magic === "\x08\x00" || magic === "\x00\x00" ? data : null;
  }

  /** The part's bytes, inflated, as a stream of Buffers. */
  byteStream(part: string): AsyncIterable<Buffer> {
    const co = this.compressed(part);
    if (!co) {
      // A part we set ourselves, or one JSZip holds in another form: let JSZip produce the bytes.
      const file = this.file(part);
      return (async function* () {
        yield* chunksOf(await file.async("nodebuffer"));
      })();
    }
    const content = co.compressedContent as Uint8Array;
    const raw = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const source = Readable.from(chunksOf(raw), { objectMode: false });
    return co.compression.magic === "\x00\x00"
      ? source
      : source.pipe(zlib.createInflateRaw({ chunkSize: STREAM_CHUNK }));
  }

  async bytes(part: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.byteStream(part)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async text(part: string): Promise<string> {
    return (await this.bytes(part)).toString("utf8");
  }

  /**
   * Streams a part as UTF-8 text in chunks (each chunk ends on a whole character), so a 150 MB sheet is
   * never held as one string.
   */
  async stream(part: string, onChunk: (text: string) => void): Promise<void> {
    const decoder = new StringDecoder("utf8");
    for await (const chunk of this.byteStream(part)) {
      const text = decoder.write(chunk);
      if (text.length > 0) onChunk(text);
    }
    const rest = decoder.end();
    if (rest.length > 0) onChunk(rest);
  }

  /** Replaces or adds a part; JSZip deflates it when the package is generated. */
  set(part: string, data: Buffer | string): void {
    this.zip.file(part, data, { binary: typeof data !== "string", createFolders: false });
  }

  /**
   * Deflates the bytes of a part-to-be now, with zlib, without storing it yet (see put()). Memory: the
   * compressed bytes only, whatever the size of the chunks that stream through.
   */
  async deflate(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<StagedPart> {
    if (!internals) {
      const all: Buffer[] = [];
      for await (const c of chunks) all.push(c);
      return { kind: "raw", data: Buffer.concat(all) };
    }
    let crc = 0;
    let size = 0;
    const counted = async function* (): AsyncGenerator<Buffer> {
      for await (const c of chunks) {
        if (c.length === 0) continue;
        crc = crc32(c, crc);
        size += c.length;
        yield c;
      }
    };
    const out: Buffer[] = [];
    await pipeline(
      Readable.from(counted()),
      zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: STREAM_CHUNK }),
      collect(out),
    );
    if (size === 0) return { kind: "raw", data: Buffer.alloc(0) };
    const compressed = Buffer.concat(out);
    return {
      kind: "deflated",
      compressed: new internals.CompressedObject(
        compressed.length,
        size,
        crc >>> 0,
        internals.DEFLATE,
        compressed,
      ),
    };
  }

  /** Stores a part deflated by deflate(); JSZip copies its compressed bytes into the package. */
  put(part: string, staged: StagedPart): void {
    if (staged.kind === "raw") this.set(part, staged.data);
    else
      this.zip.file(part, staged.compressed as unknown as Uint8Array, { binary: true, createFolders: false });
  }

  remove(part: string): void {
    this.zip.remove(part);
  }

  private generate(): NodeJS.ReadableStream {
    return this.zip.generateNodeStream(GENERATE_OPTIONS);
  }

  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    // JSZip's stream is an old-style Readable (no async iteration): collect it with a Writable.
    await pipeline(this.generate(), collect(chunks));
    return Buffer.concat(chunks);
  }

  /** Writes next to the target and renames, so a failed save never leaves half a workbook behind. */
  async saveAs(file: string): Promise<void> {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await pipeline(this.generate(), createWriteStream(tmp));
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }
}

/**
 * A Writable that keeps what it is given. Used as the LAST stage of a pipeline: pipeline() resolves
 * when its last stream finishes, and a transform's last chunks (deflate's flush) may come after its own
 * writable side has finished.
 */
function collect(into: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(chunk);
      done();
    },
  });
}

function* chunksOf(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += STREAM_CHUNK) yield buf.subarray(i, i + STREAM_CHUNK);
}

/** The relationships part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return normalisePath(target.slice(1));
  const slash = fromPart.lastIndexOf("/");
  return normalisePath(fromPart.slice(0, slash + 1) + target);
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}
