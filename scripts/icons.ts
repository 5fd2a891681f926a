/**
 * The add-in's icons, drawn as vector shapes in a unit square and rasterised at each size the
 * manifest references. `npm`-free: `scripts/makeIcons.ts` writes them to assets/.
 *
 *   icon-*     the add-in: a rice-terrace field under a check mark (Insert → Add-ins, the group)
 *   recalc-*   Tính lại / Recalculate: a clockwise refresh arrow
 *   pane-*     Mở bảng điều khiển / Open pane: a window with its right-hand pane
 *   reports-*  Xuất báo cáo / Export reports: a page with a folded corner and a bar chart
 */
import { encodePng, type RgbaImage } from "./lib/png";
import {
  arc,
  Canvas,
  intersect,
  minus,
  onCircle,
  polygon,
  rect,
  stroke,
  type Point,
  type Shape,
} from "./lib/raster";

// Math's functions, bound once: property lookups on Math are slow in some sandboxes (jest), and
// these run for every sub-sample.
const { cos, max, min, round, sin } = Math;

const GREEN = "#2e7d32";
const BLUE = "#0f6cbd";
const INK = "#424242";
const PAPER = "#ffffff";

export interface IconSpec {
  /** File name stem: assets/<name>-<size>.png. */
  name: string;
  sizes: readonly number[];
  draw(c: Canvas): void;
}

/** The region between two curves y = top(x) and y = bottom(x), x from 0 to 1. */
function band(top: (x: number) => number, bottom: (x: number) => number): Shape {
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i <= 64; i++) {
    y0 = min(y0, top(i / 64));
    y1 = max(y1, bottom(i / 64));
  }
  return { bounds: [0, y0, 1, y1], contains: (x, y) => y >= top(x) && y <= bottom(x) };
}

function drawAddin(c: Canvas): void {
  const tile = rect(c.snap(0.03), c.snap(0.03), c.snap(0.97), c.snap(0.97), 0.2);
  c.fill(tile, GREEN);
  // Terraced rice field: curved bands, lighter towards the horizon, with dark bunds between. Two
  // bands at 16 px, where three would blur into one.
  const small = c.size <= 16;
  const bund = c.pixels(max(1, round(c.size / 32)));
  const contour = (base: number) => (x: number) => base - 0.07 * cos(Math.PI * (x - 0.5)) + 0.04 * x;
  const tops = small ? [0.66, 0.84] : [0.62, 0.74, 0.86];
  const colours = small ? ["#c5e1a5", "#8bc34a"] : ["#c5e1a5", "#9ccc65", "#7cb342"];
  tops.forEach((base, i) => {
    const next = i + 1 < tops.length ? contour(tops[i + 1]) : () => 1.1;
    c.fill(
      intersect(
        tile,
        band(contour(base), (x) => next(x) - bund),
      ),
      colours[i],
    );
  });
  // The check mark: the locality meets its criteria.
  const w = c.strokeWidth(0.1, 2);
  const check: Point[] = [
    [0.27, 0.35],
    [0.43, 0.5],
    [0.74, 0.19],
  ];
  c.fill(stroke(check, w), PAPER);
}

function drawRecalc(c: Canvas): void {
  const [cx, cy, r] = [0.5, 0.52, 0.3];
  const w = c.strokeWidth(0.11, 2);
  const from = -10;
  const to = 262;
  c.fill(arc(cx, cy, r, w, from, to), BLUE);
  // Arrowhead at the end of the arc, pointing clockwise along the tangent.
  const t = (to * Math.PI) / 180;
  const [px, py] = onCircle(cx, cy, r, to);
  const tangent: Point = [-sin(t), cos(t)];
  const normal: Point = [cos(t), sin(t)];
  const head = max(0.17, c.pixels(3));
  const halfBase = max(0.15, c.pixels(2.75));
  c.fill(
    polygon([
      [px + tangent[0] * head, py + tangent[1] * head],
      [px + normal[0] * halfBase, py + normal[1] * halfBase],
      [px - normal[0] * halfBase, py - normal[1] * halfBase],
    ]),
    BLUE,
  );
}

function drawPane(c: Canvas): void {
  const w = c.strokeWidth(0.07, 1);
  const [x0, y0, x1, y1] = [c.snap(0.08), c.snap(0.16), c.snap(0.92), c.snap(0.84)];
  const radius = c.size <= 16 ? 0 : 0.07;
  const outer = rect(x0, y0, x1, y1, radius);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w, max(0, radius - w));
  c.fill(inner, PAPER);
  // The task pane docked on the right.
  c.fill(intersect(outer, rect(c.snap(0.56), y0, x1, y1)), BLUE);
  c.fill(minus(outer, inner), INK);
  if (c.size >= 32) {
    // Rows of the worksheet beside the pane.
    const line = c.strokeWidth(1 / 32, 1);
    for (const y of [0.36, 0.5, 0.64]) {
      const top = c.snap(y);
      c.fill(rect(c.snap(0.18), top, c.snap(0.47), top + line), "#9e9e9e");
    }
  }
}

function drawReports(c: Canvas): void {
  const w = c.strokeWidth(0.06, 1);
  const wPx = round(w * c.size);
  const at = (x: number, y: number): Point => [c.snap(x, wPx), c.snap(y, wPx)];
  const page: Point[] = [at(0.2, 0.07), at(0.6, 0.07), at(0.82, 0.29), at(0.82, 0.93), at(0.2, 0.93)];
  const fold: Point[] = [at(0.6, 0.07), at(0.6, 0.29), at(0.82, 0.29)];
  c.fill(polygon(page), PAPER);
  c.fill(polygon(fold), "#e0e0e0");
  c.fill(stroke(page, w, true), INK);
  c.fill(stroke(fold, w), INK);
  // A bar chart: the report's figures.
  const base = c.snap(0.8);
  const barWidth = c.strokeWidth(0.11, 2);
  // At 16 px the bars sit on whole pixels with one-pixel gaps; larger sizes use the proportions.
  const xs = c.size <= 16 ? [5 / 16, 8 / 16, 11 / 16] : [0.3, 0.47, 0.64];
  const heights = [0.2, 0.36, 0.28];
  xs.forEach((x, i) => c.fill(rect(c.snap(x), c.snap(0.8 - heights[i]), c.snap(x) + barWidth, base), GREEN));
}

export const ICONS: readonly IconSpec[] = [
  { name: "icon", sizes: [16, 32, 64, 80, 128], draw: drawAddin },
  { name: "recalc", sizes: [16, 32, 80], draw: drawRecalc },
  { name: "pane", sizes: [16, 32, 80], draw: drawPane },
  { name: "reports", sizes: [16, 32, 80], draw: drawReports },
];

export function renderIcon(spec: IconSpec, size: number): RgbaImage {
  const canvas = new Canvas(size);
  spec.draw(canvas);
  return canvas.toImage();
}

/** Every icon file: its name under assets/ and its PNG bytes. */
export function renderAllIcons(): { file: string; size: number; png: Buffer; image: RgbaImage }[] {
  return ICONS.flatMap((spec) =>
    spec.sizes.map((size) => {
      const image = renderIcon(spec, size);
      return { file: `${spec.name}-${size}.png`, size, png: encodePng(image), image };
    }),
  );
}
