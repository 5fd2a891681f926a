/**
 * The children of CT_Worksheet in schema order (ECMA-376 Part 1, sml.xsd; drawingHF from
 * ISO/IEC 29500). Edits that insert an element into a worksheet put it before the first existing
 * element that must follow it; this is the one list they all read.
 */
export const WORKSHEET_CHILDREN = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_CHILDREN)[number];

/** Local names of the worksheet children that come after `child` in the schema. */
export function childrenAfter(child: WorksheetChild): ReadonlySet<string> {
  return new Set(WORKSHEET_CHILDREN.slice(WORKSHEET_CHILDREN.indexOf(child) + 1));
}
