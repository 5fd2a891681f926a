import { readFileSync, readdirSync } from "fs";
import { deflateSync } from "zlib";
import { join } from "path";
import { renderAllIcons } from "../../scripts/icons";
import { crc32, decodePng, encodePng, PngError, readPngHeader, type RgbaImage } from "../../scripts/lib/png";

const ASSETS = join(__dirname, "..", "..", "assets");

function pixel(image: RgbaImage, x: number, y: number): [number, number, number, number] {
  const k = (y * image.width + x) * 4;
  return [image.rgba[k], image.rgba[k + 1], image.rgba[k + 2], image.rgba[k + 3]];
}

function asset(name: string): RgbaImage {
  return decodePng(readFileSync(join(ASSETS, name)));
}

describe("the committed icons", () => {
  const rendered = renderAllIcons();

  it("are exactly what scripts/makeIcons draws (regenerate with the command in docs/SIDELOAD.md)", () => {
    expect(
      readdirSync(ASSETS)
        .filter((f) => f.endsWith(".png"))
        .sort(),
    ).toEqual(rendered.map((r) => r.file).sort());
    for (const icon of rendered) {
      const committed = asset(icon.file);
      expect({ file: icon.file, width: committed.width, height: committed.height }).toEqual({
        file: icon.file,
        width: icon.size,
        height: icon.size,
      });
      expect(Buffer.from(committed.rgba).equals(Buffer.from(icon.image.rgba))).toBe(true);
    }
  });

  it("draw a white check mark over a green rice field, on a tile with transparent corners", () => {
    const icon = asset("icon-80.png");
    const [r, g, b, a] = pixel(icon, 34, 40); // on the check mark's elbow (0.43, 0.5)
    expect(Math.min(r, g, b)).toBeGreaterThan(235);
    expect(a).toBe(255);
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    const [fr, fg, fb] = pixel(icon, 40, 76); // the lowest terrace
    expect(fg).toBeGreaterThan(fr);
    expect(fg).toBeGreaterThan(fb);
  });

  it("draw Recalculate as a blue ring with an empty centre", () => {
    const icon = asset("recalc-80.png");
    expect(pixel(icon, 40, 42)[3]).toBe(0);
    const [r, , b, a] = pixel(icon, 64, 42); // right side of the ring (0.8, 0.52)
    expect(a).toBe(255);
    expect(b).toBeGreaterThan(r + 100);
  });

  it("draw the pane as a white sheet with a blue pane on the right", () => {
    const icon = asset("pane-80.png");
    expect(pixel(icon, 20, 20)).toEqual([255, 255, 255, 255]);
    const [r, , b] = pixel(icon, 66, 40);
    expect(b).toBeGreaterThan(r + 100);
    expect(pixel(icon, 2, 40)[3]).toBe(0);
  });

  it("draw the reports as a white page holding green bars", () => {
    const icon = asset("reports-80.png");
    expect(pixel(icon, 30, 20)).toEqual([255, 255, 255, 255]);
    const [r, g, b, a] = pixel(icon, 42, 56); // inside the middle bar
    expect(a).toBe(255);
    expect(g).toBeGreaterThan(r + 50);
    expect(g).toBeGreaterThan(b + 50);
    expect(pixel(icon, 2, 40)[3]).toBe(0);
  });

  it("stay sharp at 16 px: the pane's frame is whole pixels", () => {
    const icon = asset("pane-16.png");
    const alphas = new Set<number>();
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) alphas.add(pixel(icon, x, y)[3]);
    expect([...alphas].sort((p, q) => p - q)).toEqual([0, 255]);
  });
});

describe("png", () => {
  const image: RgbaImage = {
    width: 3,
    height: 2,
    rgba: Uint8Array.from([
      255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4, 250, 251, 252, 253, 9, 8, 7, 6,
    ]),
  };

  it("round-trips RGBA pixels", () => {
    const png = encodePng(image);
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(Array.from(decodePng(png).rgba)).toEqual(Array.from(image.rgba));
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("undoes the Sub, Up, Average and Paeth row filters", () => {
    // One RGB row per filter, 2 pixels wide, built by hand: decoded rows must all be [10,20,30, 40,50,60].
    const row = [10, 20, 30, 40, 50, 60];
    const sub = [1, 10, 20, 30, 30, 30, 30];
    const up = [2, 0, 0, 0, 0, 0, 0];
    const avg = [3, 10 - 5, 20 - 10, 30 - 15, 40 - 25, 50 - 35, 60 - 45];
    const paeth = [4, 0, 0, 0, 0, 0, 0];
    const raw = Buffer.from([0, ...row, ...sub, ...up, ...avg, ...paeth]);
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(2, 0);
    ihdr.writeUInt32BE(5, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
    const decoded = decodePng(png);
    for (let y = 0; y < 5; y++) {
      expect([...pixel(decoded, 0, y), ...pixel(decoded, 1, y)]).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    }
  });

  it("rejects a file that is not a PNG, or whose chunk CRC is wrong", () => {
    expect(() => readPngHeader(Buffer.from("GIF89a........"))).toThrow(PngError);
    const png = encodePng(image);
    png[17] ^= 1;
    expect(() => readPngHeader(png)).toThrow(/bad CRC in IHDR/);
  });
});
