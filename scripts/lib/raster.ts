/**
 * A tiny anti-aliased rasteriser for icons: shapes are point-membership tests in a unit square
 * (0..1, y pointing down), a pixel's coverage is the share of its 8 × 8 sub-samples inside the shape,
 * and paint is composited "over" what is already there. Slow in general, instant for 128 px icons.
 */
import type { RgbaImage } from "./png";

// Math's functions, bound once: property lookups on Math are slow in some sandboxes (jest), and
// these run for every sub-sample.
const { abs, atan2, ceil, cos, floor, hypot, max, min, round, sin } = Math;

export type Point = readonly [number, number];

export interface Shape {
  contains(x: number, y: number): boolean;
  /** [x0, y0, x1, y1] enclosing the shape, in unit coordinates. */
  bounds: readonly [number, number, number, number];
}

/** "#rrggbb" or "#rrggbbaa". */
export type Colour = string;

const SUB = 8;

function parseColour(c: Colour): [number, number, number, number] {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (!m) throw new Error(`bad colour ${c}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] ? parseInt(m[2], 16) / 255 : 1];
}

export class Canvas {
  /** Premultiplied RGBA in 0..1. */
  private readonly px: Float64Array;

  constructor(readonly size: number) {
    this.px = new Float64Array(size * size * 4);
  }

  /** Length of `n` device pixels in unit coordinates (for strokes that must stay crisp when small). */
  pixels(n: number): number {
    return n / this.size;
  }

  /**
   * Snaps a unit coordinate to the pixel grid: to a pixel edge for fills and even-width strokes, to a
   * pixel centre for odd-width strokes, so that small icons stay sharp.
   */
  snap(v: number, strokePx = 0): number {
    const odd = round(strokePx) % 2 === 1;
    return odd ? (floor(v * this.size) + 0.5) / this.size : round(v * this.size) / this.size;
  }

  /** A stroke width of `unit`, rounded to whole device pixels and at least `minPx`; in unit coordinates. */
  strokeWidth(unit: number, minPx = 1): number {
    return max(minPx, round(unit * this.size)) / this.size;
  }

  fill(shape: Shape, colour: Colour): this {
    const [r, g, b, a] = parseColour(colour);
    const s = this.size;
    const [bx0, by0, bx1, by1] = shape.bounds;
    const x0 = max(0, floor(bx0 * s));
    const y0 = max(0, floor(by0 * s));
    const x1 = min(s, ceil(bx1 * s));
    const y1 = min(s, ceil(by1 * s));
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        let inside = 0;
        for (let j = 0; j < SUB; j++) {
          const y = (py + (j + 0.5) / SUB) / s;
          for (let i = 0; i < SUB; i++) if (shape.contains((px + (i + 0.5) / SUB) / s, y)) inside++;
        }
        if (inside === 0) continue;
        const alpha = (a * inside) / (SUB * SUB);
        const k = (py * s + px) * 4;
        const keep = 1 - alpha;
        this.px[k] = (r / 255) * alpha + this.px[k] * keep;
        this.px[k + 1] = (g / 255) * alpha + this.px[k + 1] * keep;
        this.px[k + 2] = (b / 255) * alpha + this.px[k + 2] * keep;
        this.px[k + 3] = alpha + this.px[k + 3] * keep;
      }
    }
    return this;
  }

  toImage(): RgbaImage {
    const n = this.size * this.size;
    const rgba = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      const a = this.px[i * 4 + 3];
      if (a <= 0) continue;
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = round(min(1, this.px[i * 4 + c] / a) * 255);
      rgba[i * 4 + 3] = round(min(1, a) * 255);
    }
    return { width: this.size, height: this.size, rgba };
  }
}

// ---------- shapes ----------

export function rect(x0: number, y0: number, x1: number, y1: number, radius = 0): Shape {
  const r = min(radius, (x1 - x0) / 2, (y1 - y0) / 2);
  return {
    bounds: [x0, y0, x1, y1],
    contains(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const cx = min(max(x, x0 + r), x1 - r);
      const cy = min(max(y, y0 + r), y1 - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    },
  };
}

export function circle(cx: number, cy: number, r: number): Shape {
  return {
    bounds: [cx - r, cy - r, cx + r, cy + r],
    contains: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r,
  };
}

/** A filled polygon (non-zero winding). */
export function polygon(points: readonly Point[]): Shape {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    bounds: [min(...xs), min(...ys), max(...xs), max(...ys)],
    contains(x, y) {
      let winding = 0;
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i];
        const [bx, by] = points[(i + 1) % points.length];
        const side = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
        if (ay <= y && by > y && side > 0) winding++;
        else if (ay > y && by <= y && side < 0) winding--;
      }
      return winding !== 0;
    },
  };
}

function segmentDistance(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : max(0, min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
  return hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** A stroked polyline with round joins and caps. */
export function stroke(points: readonly Point[], width: number, closed = false): Shape {
  const half = width / 2;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const segments: [Point, Point][] = [];
  for (let i = 0; i + 1 < points.length; i++) segments.push([points[i], points[i + 1]]);
  if (closed && points.length > 2) segments.push([points[points.length - 1], points[0]]);
  return {
    bounds: [min(...xs) - half, min(...ys) - half, max(...xs) + half, max(...ys) + half],
    contains: (x, y) => segments.some(([a, b]) => segmentDistance(x, y, a, b) <= half),
  };
}

const TAU = Math.PI * 2;

/**
 * A stroked circular arc from angle `from` to `to` (degrees, clockwise on screen because y points
 * down; 0° is to the right), with butt ends.
 */
export function arc(cx: number, cy: number, r: number, width: number, from: number, to: number): Shape {
  const half = width / 2;
  const start = (((from % 360) + 360) % 360) * (TAU / 360);
  const sweep = ((to - from) * TAU) / 360;
  return {
    bounds: [cx - r - half, cy - r - half, cx + r + half, cy + r + half],
    contains(x, y) {
      if (abs(hypot(x - cx, y - cy) - r) > half) return false;
      const angle = (((atan2(y - cy, x - cx) - start) % TAU) + TAU) % TAU;
      return angle <= sweep;
    },
  };
}

/** Points in both `a` and `b`. */
export function intersect(a: Shape, b: Shape): Shape {
  const [ax0, ay0, ax1, ay1] = a.bounds;
  const [bx0, by0, bx1, by1] = b.bounds;
  return {
    bounds: [max(ax0, bx0), max(ay0, by0), min(ax1, bx1), min(ay1, by1)],
    contains: (x, y) => a.contains(x, y) && b.contains(x, y),
  };
}

/** Points of `a` that are not in `b`. */
export function minus(a: Shape, b: Shape): Shape {
  return { bounds: a.bounds, contains: (x, y) => a.contains(x, y) && !b.contains(x, y) };
}

/** The point at `deg` degrees on a circle (same angle convention as `arc`). */
export function onCircle(cx: number, cy: number, r: number, deg: number): Point {
  const t = (deg * TAU) / 360;
  return [cx + r * cos(t), cy + r * sin(t)];
}
