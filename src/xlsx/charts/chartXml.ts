/**
 * A DrawingML chart part (`xl/charts/chartN.xml`, root c:chartSpace) for a pie, a horizontal bar or a
 * vertical column chart, built from resolved data: every series and the categories carry both their
 * formula and a cache of the current cell values. Pure; the same input gives the same bytes.
 *
 * Element order follows the schema (ECMA-376 Part 1, dml-chart.xsd): CT_ChartSpace (date1904, lang,
 * roundedCorners, chart, spPr, txPr), CT_Chart (title, autoTitleDeleted, plotArea, legend,
 * plotVisOnly, dispBlanksAs), CT_PieSer / CT_BarSer (idx, order, tx, spPr, [invertIfNegative], dPt*,
 * dLbls, cat, val), CT_DLbls (numFmt, spPr, txPr, dLblPos, showLegendKey, showVal, showCatName,
 * showSerName, showPercent, showBubbleSize, [showLeaderLines]), CT_BarChart (barDir, grouping,
 * varyColors, ser*, dLbls, gapWidth, overlap, axId×2), axes (axId, scaling, delete, axPos,
 * majorGridlines, numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses, …).
 */
import { escapeAttr, escapeText } from "../patch/xmlText";

export const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export type ChartKind = "pie" | "bar" | "column";

export interface CategoryData {
  formula: string;
  /** One entry per cell of the range; null for an empty cell. */
  labels: (string | null)[];
}

export interface SeriesData {
  name: string;
  formula: string;
  /** One entry per cell of the range; null for an empty or non-numeric cell. */
  values: (number | null)[];
  /** Number format of the values (the first numeric cell's), "General" when none. */
  formatCode: string;
}

export interface ChartData {
  kind: ChartKind;
  title: string;
  categories: CategoryData;
  series: SeriesData[];
  /** Language tag for the chart's text ("vi-VN"). */
  lang: string;
}

/** Office's default accent colours, then darker and lighter variants: distinct on screen and in print. */
export const PALETTE = [
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "264478",
  "9E480E",
  "636363",
  "997300",
  "255E91",
  "43682B",
  "698ED0",
  "F1975A",
  "B7B7B7",
  "FFCD33",
] as const;

const TEXT_COLOUR = "404040";
const LINE_COLOUR = "D9D9D9";

function val(local: string, v: string | number): string {
  return `<c:${local} val="${escapeAttr(String(v))}"/>`;
}

function solid(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
}

function line(rgb: string, widthEmu: number): string {
  return `<a:ln w="${widthEmu}">${solid(rgb)}</a:ln>`;
}

const NO_LINE = "<a:ln><a:noFill/></a:ln>";

/** Text properties (c:txPr) with one default run property. */
function txPr(sizeHundredths: number, bold: boolean, lang: string): string {
  return (
    "<c:txPr><a:bodyPr/><a:lstStyle/>" +
    `<a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="${bold ? 1 : 0}">${solid(TEXT_COLOUR)}</a:defRPr></a:pPr>` +
    `<a:endParaRPr lang="${escapeAttr(lang)}"/></a:p></c:txPr>`
  );
}

/** Formats a number for a cache point: the shortest text that reads back as the same double. */
export function cacheNumber(n: number): string {
  return String(n);
}

function strCache(labels: readonly (string | null)[]): string {
  let pts = "";
  labels.forEach((label, i) => {
    if (label !== null) pts += `<c:pt idx="${i}"><c:v>${escapeText(label)}</c:v></c:pt>`;
  });
  return `<c:strCache>${val("ptCount", labels.length)}${pts}</c:strCache>`;
}

function numCache(values: readonly (number | null)[], formatCode: string): string {
  let pts = "";
  values.forEach((v, i) => {
    if (v !== null) pts += `<c:pt idx="${i}"><c:v>${cacheNumber(v)}</c:v></c:pt>`;
  });
  return (
    `<c:numCache><c:formatCode>${escapeText(formatCode)}</c:formatCode>${val("ptCount", values.length)}` +
    `${pts}</c:numCache>`
  );
}

function cat(c: CategoryData): string {
  return `<c:cat><c:strRef><c:f>${escapeText(c.formula)}</c:f>${strCache(c.labels)}</c:strRef></c:cat>`;
}

function valRef(s: SeriesData): string {
  return `<c:val><c:numRef><c:f>${escapeText(s.formula)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>`;
}

function serTx(name: string): string {
  return `<c:tx><c:v>${escapeText(name)}</c:v></c:tx>`;
}

interface LabelFlags {
  numFmt?: string;
  pos?: string;
  showVal: boolean;
  showPercent: boolean;
  leaderLines?: boolean;
}

function dLbls(flags: LabelFlags, lang: string): string {
  return (
    "<c:dLbls>" +
    (flags.numFmt ? `<c:numFmt formatCode="${escapeAttr(flags.numFmt)}" sourceLinked="0"/>` : "") +
    `<c:spPr><a:noFill/>${NO_LINE}</c:spPr>` +
    txPr(900, false, lang) +
    (flags.pos ? val("dLblPos", flags.pos) : "") +
    val("showLegendKey", 0) +
    val("showVal", flags.showVal ? 1 : 0) +
    val("showCatName", 0) +
    val("showSerName", 0) +
    val("showPercent", flags.showPercent ? 1 : 0) +
    val("showBubbleSize", 0) +
    (flags.leaderLines === undefined ? "" : val("showLeaderLines", flags.leaderLines ? 1 : 0)) +
    "</c:dLbls>"
  );
}

function title(text: string, lang: string): string {
  return (
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>" +
    `<a:pPr><a:defRPr sz="1400" b="1">${solid(TEXT_COLOUR)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="${escapeAttr(lang)}" sz="1400" b="1">${solid(TEXT_COLOUR)}</a:rPr>` +
    `<a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

function pieChart(d: ChartData): string {
  const s = d.series[0];
  let points = "";
  for (let i = 0; i < s.values.length; i++) {
    points +=
      `<c:dPt>${val("idx", i)}${val("bubble3D", 0)}` +
      `<c:spPr>${solid(PALETTE[i % PALETTE.length])}${line("FFFFFF", 12700)}</c:spPr></c:dPt>`;
  }
  const ser =
    `<c:ser>${val("idx", 0)}${val("order", 0)}${serTx(s.name)}${points}` +
    dLbls({ numFmt: "0.0%", pos: "bestFit", showVal: false, showPercent: true, leaderLines: true }, d.lang) +
    `${cat(d.categories)}${valRef(s)}</c:ser>`;
  return `<c:pieChart>${val("varyColors", 1)}${ser}${val("firstSliceAng", 0)}</c:pieChart>`;
}

const CAT_AX_ID = 510_001;
const VAL_AX_ID = 510_002;

function barChart(d: ChartData): string {
  const horizontal = d.kind === "bar";
  const labelled = d.series.length === 1;
  let sers = "";
  d.series.forEach((s, i) => {
    sers +=
      `<c:ser>${val("idx", i)}${val("order", i)}${serTx(s.name)}` +
      `<c:spPr>${solid(PALETTE[i % PALETTE.length])}${NO_LINE}</c:spPr>${val("invertIfNegative", 0)}` +
      (labelled ? dLbls({ pos: "outEnd", showVal: true, showPercent: false }, d.lang) : "") +
      `${cat(d.categories)}${valRef(s)}</c:ser>`;
  });
  const chart =
    `<c:barChart>${val("barDir", horizontal ? "bar" : "col")}${val("grouping", "clustered")}` +
    `${val("varyColors", 0)}${sers}${val("gapWidth", 80)}${val("axId", CAT_AX_ID)}${val("axId", VAL_AX_ID)}</c:barChart>`;
  const axisLine = `<c:spPr>${line(LINE_COLOUR, 9525)}</c:spPr>`;
  // Horizontal bars list the first category at the top, as the rows of the sheet read; the value axis
  // then crosses at the last category to stay at the bottom.
  const catAx =
    `<c:catAx>${val("axId", CAT_AX_ID)}<c:scaling>${val("orientation", horizontal ? "maxMin" : "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "l" : "b")}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}` +
    `${val("tickLblPos", "nextTo")}${axisLine}${txPr(900, false, d.lang)}${val("crossAx", VAL_AX_ID)}` +
    `${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}` +
    `${val("noMultiLvlLbl", 0)}</c:catAx>`;
  const valAx =
    `<c:valAx>${val("axId", VAL_AX_ID)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "b" : "l")}` +
    `<c:majorGridlines><c:spPr>${line(LINE_COLOUR, 9525)}</c:spPr></c:majorGridlines>` +
    // Linked to the cells' format (Excel reads it from the source); the code is the first series' format,
    // for viewers that take it as written.
    `<c:numFmt formatCode="${escapeAttr(d.series[0].formatCode)}" sourceLinked="1"/>` +
    `${val("majorTickMark", "none")}${val("minorTickMark", "none")}` +
    `${val("tickLblPos", "nextTo")}<c:spPr>${NO_LINE}</c:spPr>${txPr(900, false, d.lang)}${val("crossAx", CAT_AX_ID)}` +
    `${val("crosses", horizontal ? "max" : "autoZero")}${val("crossBetween", "between")}</c:valAx>`;
  return chart + catAx + valAx;
}

/** The chart part's XML. */
export function chartXml(d: ChartData): string {
  if (d.series.length === 0) throw new Error("A chart needs at least one series");
  const plot = d.kind === "pie" ? pieChart(d) : barChart(d);
  const hasTitle = d.title.trim().length > 0;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val("date1904", 0)}${val("lang", d.lang)}${val("roundedCorners", 0)}` +
    "<c:chart>" +
    (hasTitle ? title(d.title, d.lang) : "") +
    val("autoTitleDeleted", hasTitle ? 0 : 1) +
    `<c:plotArea><c:layout/>${plot}<c:spPr><a:noFill/>${NO_LINE}</c:spPr></c:plotArea>` +
    `<c:legend>${val("legendPos", d.kind === "pie" ? "r" : "b")}${val("overlay", 0)}${txPr(900, false, d.lang)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}` +
    "</c:chart>" +
    `<c:spPr>${solid("FFFFFF")}${line(LINE_COLOUR, 9525)}</c:spPr>` +
    txPr(1000, false, d.lang) +
    "</c:chartSpace>"
  );
}
