/**
 * Just enough PNG for our icons and the manifest checker: encode 8-bit RGBA, decode what we encode
 * (and any non-interlaced 8-bit RGBA / RGB PNG), and read the header of any PNG. Built-ins only
 * (zlib), no image library.
 */
import { deflateSync, inflateSync } from "zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  interlace: number;
}

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, rows top to bottom, straight (not premultiplied) alpha. */
  rgba: Uint8Array;
}

export class PngError extends Error {
  override name = "PngError";
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA. Rows use filter 0 (none): deterministic, and icons are tiny. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, rgba } = image;
  if (rgba.length !== width * height * 4) throw new PngError(`expected ${width * height * 4} bytes`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

interface Chunk {
  type: string;
  data: Buffer;
}

function* chunks(buf: Buffer): Generator<Chunk> {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE))
    throw new PngError("not a PNG file (bad signature)");
  let at = 8;
  while (at < buf.length) {
    if (at + 12 > buf.length) throw new PngError("truncated chunk");
    const length = buf.readUInt32BE(at);
    const type = buf.toString("ascii", at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buf.length) throw new PngError(`truncated ${type} chunk`);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== buf.readUInt32BE(at + 8 + length)) {
      throw new PngError(`bad CRC in ${type} chunk`);
    }
    yield { type, data };
    if (type === "IEND") return;
    at = end;
  }
  throw new PngError("no IEND chunk");
}

/** Reads and checks the signature and the IHDR chunk (which must come first). */
export function readPngHeader(buf: Buffer): PngHeader {
  const first = chunks(buf).next();
  if (first.done || first.value.type !== "IHDR" || first.value.data.length !== 13) {
    throw new PngError("the first chunk is not a valid IHDR");
  }
  const d = first.value.data;
  const header = {
    width: d.readUInt32BE(0),
    height: d.readUInt32BE(4),
    bitDepth: d[8],
    colorType: d[9],
    interlace: d[12],
  };
  if (header.width === 0 || header.height === 0) throw new PngError("zero width or height");
  return header;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGBA or RGB PNG into RGBA, undoing all five row filters. */
export function decodePng(buf: Buffer): RgbaImage {
  const header = readPngHeader(buf);
  if (header.bitDepth !== 8 || (header.colorType !== 6 && header.colorType !== 2) || header.interlace !== 0) {
    throw new PngError("only non-interlaced 8-bit RGB/RGBA PNGs are decoded");
  }
  const idat: Buffer[] = [];
  for (const c of chunks(buf)) if (c.type === "IDAT") idat.push(c.data);
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = header.colorType === 6 ? 4 : 3;
  const stride = header.width * bpp;
  if (raw.length !== (stride + 1) * header.height) throw new PngError("image data has the wrong length");
  const pixels = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[out + x - bpp] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= bpp && y > 0 ? pixels[out - stride + x - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new PngError(`unknown row filter ${filter}`);
      pixels[out + x] = (line[x] + predictor) & 0xff;
    }
  }
  if (bpp === 4) return { width: header.width, height: header.height, rgba: pixels };
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    rgba[j] = pixels[i];
    rgba[j + 1] = pixels[i + 1];
    rgba[j + 2] = pixels[i + 2];
    rgba[j + 3] = 255;
  }
  return { width: header.width, height: header.height, rgba };
}
