/**
 * Fixes for ExcelJS 4.4's conditional-format round trip, applied once to its internal xform classes.
 *
 * NTM Planner loads the user's whole workbook and writes it back, so every conditional format on a
 * user sheet must come out as it went in. Unpatched, ExcelJS 4.4:
 *  1. drops rules it has no renderer for (beginsWith, endsWith, notContainsText, duplicateValues,
 *     uniqueValues) and leaves an empty <conditionalFormatting/>, which Excel "repairs" (exceljs#2178);
 *     it also forgets attributes it does not model (text, stopIfTrue, equalAverage, stdDev…);
 *  2. crashes on write (exceljs#1751, #2311) or silently drops the rule when a sheet has an
 *     Excel 2010 rule kept in the x14 extension (<x14:cfRule type="expression"><xm:f>…</xm:f><x14:dxf>),
 *     which is where Excel stores rules whose formula refers to another sheet;
 *  3. parses a cfvo value as a float, so a cfvo holding a formula or cell reference becomes NaN;
 *  4. writes the x14 half of a data bar only for non-gradient bars, leaving gradient bars that were
 *     loaded from Excel with an <x14:id> that points nowhere;
 *  5. resets the workbook's default font (font 0, used by every cell without a style of its own) to
 *     Calibri 11, so a Times New Roman 13 template changes look on every unstyled cell;
 *  6. expands every data validation range into one entry per cell when loading, so a drop-down over
 *     two whole columns (B1:C1048576, common in templates) costs 2 million entries, ~5 s to load and
 *     ~15 s to save, and one over a whole sheet never finishes.
 *
 * The patches keep the raw XML attributes of every loaded rule and write them back unchanged (with the
 * dxfId and priority that ExcelJS recomputes), parse and write x14 formula rules in the extension
 * where Excel put them, keep non-numeric cfvo values as text, and write the x14 half of every data bar
 * as Excel does. Rules created in code (NTM Planner's own) have no raw attributes and go through
 * ExcelJS's normal path.
 *
 * For (5) the default font read from the file is kept on the workbook (defaultFont()) and written back as
 * font 0. For (6) a loaded validation keeps its ranges as written ("B1:C1048576" stays one entry); ExcelJS's
 * writer already accepts range keys.
 *
 * Only Node's `exceljs/lib` build is patched; the browser bundle (dist/) is not, and the task pane
 * never uses this port.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  closeNode(): void;
  leafNode(name: string, attributes?: Record<string, unknown> | null, text?: unknown): void;
}
interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
type XformClass = { prototype: any; new (...args: any[]): any; [key: string]: any };

const XFORM = "exceljs/lib/xlsx/xform";
const CfRuleXform: XformClass = require(`${XFORM}/sheet/cf/cf-rule-xform`);
const CfvoXform: XformClass = require(`${XFORM}/sheet/cf/cfvo-xform`);
const CfRuleExtXform: XformClass = require(`${XFORM}/sheet/cf-ext/cf-rule-ext-xform`);
const CfvoExtXform: XformClass = require(`${XFORM}/sheet/cf-ext/cfvo-ext-xform`);
const DatabarExtXform: XformClass = require(`${XFORM}/sheet/cf-ext/databar-ext-xform`);
const FExtXform: XformClass = require(`${XFORM}/sheet/cf-ext/f-ext-xform`);
const DxfXform: XformClass = require(`${XFORM}/style/dxf-xform`);
const DataValidationsXform: XformClass = require(`${XFORM}/sheet/data-validations-xform`);
const StylesXform: XformClass = require(`${XFORM}/style/styles-xform`);
const XLSX: XformClass = require("exceljs/lib/xlsx/xlsx");

/** Where a loaded rule keeps the attributes of its <cfRule> / <x14:cfRule> element. */
export const RAW_ATTRIBUTES = "ntmRawAttributes";
/** Set on rules that live only in the x14 extension (formula rules Excel wrote there). */
export const EXT_ONLY = "ntmExtOnly";

/** Rule types with children ExcelJS models fully; every other loaded type is written back generically. */
const STRUCTURED_TYPES = new Set(["dataBar", "colorScale", "iconSet"]);
/** x14 rule types ExcelJS reads itself. */
const EXT_STRUCTURED_TYPES = new Set(["dataBar", "iconSet"]);

const PATCHED = Symbol.for("ntm-planner.exceljs-patched");

/** A cfvo value: a number when the text is one, otherwise the text itself (a formula or reference). */
function cfvoValue(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

class DxfExtXform extends DxfXform {
  get tag(): string {
    return "x14:dxf";
  }
}

function patchMainRules(): void {
  const createNewModel = CfRuleXform.prototype.createNewModel;
  CfRuleXform.prototype.createNewModel = function (node: SaxNode) {
    const model = createNewModel.call(this, node);
    model[RAW_ATTRIBUTES] = { ...node.attributes };
    return model;
  };

  const render = CfRuleXform.prototype.render;
  CfRuleXform.prototype.render = function (xmlStream: XmlStream, model: any) {
    const raw: Record<string, string> | undefined = model[RAW_ATTRIBUTES];
    if (!raw || STRUCTURED_TYPES.has(raw.type)) {
      render.call(this, xmlStream, model);
      return;
    }
    xmlStream.openNode("cfRule", { ...raw, dxfId: model.dxfId, priority: model.priority });
    for (const formula of model.formulae ?? []) this.formulaXform.render(xmlStream, formula);
    xmlStream.closeNode();
  };

  const isPrimitive = CfRuleXform.isPrimitive;
  CfRuleXform.isPrimitive = (rule: any) => !rule[EXT_ONLY] && isPrimitive(rule);

  CfvoXform.prototype.parseOpen = function (node: SaxNode) {
    this.model = { type: node.attributes.type, value: cfvoValue(node.attributes.val) };
  };
}

function patchExtRules(): void {
  const constructorMap = (xform: any) => {
    if (!xform.map["xm:f"]) {
      xform.map["xm:f"] = new FExtXform();
      xform.map["x14:dxf"] = new DxfExtXform();
    }
  };

  const createNewModel = CfRuleExtXform.prototype.createNewModel;
  CfRuleExtXform.prototype.createNewModel = function (node: SaxNode) {
    constructorMap(this);
    const model = createNewModel.call(this, node);
    model[RAW_ATTRIBUTES] = { ...node.attributes };
    if (!EXT_STRUCTURED_TYPES.has(node.attributes.type)) model[EXT_ONLY] = true;
    return model;
  };

  // CompositeXform.parseOpen looks children up in this.map before createNewModel runs, so the map
  // must know xm:f and x14:dxf from the start.
  const parseOpen = CfRuleExtXform.prototype.parseOpen;
  CfRuleExtXform.prototype.parseOpen = function (node: SaxNode) {
    constructorMap(this);
    return parseOpen.call(this, node);
  };

  const onParserClose = CfRuleExtXform.prototype.onParserClose;
  CfRuleExtXform.prototype.onParserClose = function (name: string, parser: any) {
    if (name === "xm:f") {
      (this.model.formulae ??= []).push(parser.model);
    } else if (name === "x14:dxf") {
      this.model.style = parser.model;
    } else {
      onParserClose.call(this, name, parser);
    }
  };

  const isExt = CfRuleExtXform.isExt;
  CfRuleExtXform.isExt = (rule: any) => Boolean(rule[EXT_ONLY]) || isExt(rule);

  const render = CfRuleExtXform.prototype.render;
  CfRuleExtXform.prototype.render = function (xmlStream: XmlStream, model: any) {
    if (!model[EXT_ONLY]) {
      render.call(this, xmlStream, model);
      return;
    }
    constructorMap(this);
    const raw: Record<string, string> = model[RAW_ATTRIBUTES] ?? { type: model.type };
    xmlStream.openNode("x14:cfRule", { ...raw, priority: model.priority, id: model.x14Id });
    for (const formula of model.formulae ?? []) this.map["xm:f"].render(xmlStream, formula);
    if (model.style) this.map["x14:dxf"].render(xmlStream, model.style);
    xmlStream.closeNode();
  };

  // Excel writes the x14 half for every data bar; ExcelJS only for non-gradient ones.
  DatabarExtXform.isExt = () => true;

  const onCfvoClose = CfvoExtXform.prototype.onParserClose;
  CfvoExtXform.prototype.onParserClose = function (name: string, parser: any) {
    if (name === "xm:f") {
      this.model.value = cfvoValue(parser.model) ?? 0;
    } else {
      onCfvoClose.call(this, name, parser);
    }
  };
}

function patchDataValidations(): void {
  const parseClose = DataValidationsXform.prototype.parseClose;
  DataValidationsXform.prototype.parseClose = function (name: string) {
    if (name !== "dataValidation") return parseClose.call(this, name);
    const dv = this._dataValidation;
    if (!dv.formulae || !dv.formulae.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const address of String(this._address ?? "").split(/\s+/)) {
      if (address) this.model[address.replace(/\$/g, "")] = dv;
    }
    return true;
  };
}

const DEFAULT_FONT = Symbol.for("ntm-planner.default-font");
/** The font ExcelJS gives a workbook it creates (and, unpatched, every workbook it saves). */
export const EXCELJS_DEFAULT_FONT = {
  size: 11,
  color: { theme: 1 },
  name: "Calibri",
  family: 2,
  scheme: "minor",
};

/** The default font of a workbook: as loaded from its file, or ExcelJS's own for a new workbook. */
export function defaultFont(wb: object): Record<string, unknown> {
  return (wb as Record<symbol, Record<string, unknown> | undefined>)[DEFAULT_FONT] ?? EXCELJS_DEFAULT_FONT;
}

/** Set while a workbook is being prepared for writing: the font to write as font 0. */
let fontForNextStyles: unknown;

function patchDefaultFont(): void {
  const reconcile = XLSX.prototype.reconcile;
  XLSX.prototype.reconcile = function (model: any, options: unknown) {
    const font = model?.styles?.model?.fonts?.[0];
    if (font && typeof font === "object") this.workbook[DEFAULT_FONT] = font;
    return reconcile.call(this, model, options);
  };

  const prepareModel = XLSX.prototype.prepareModel;
  XLSX.prototype.prepareModel = function (model: unknown, options: unknown) {
    fontForNextStyles = this.workbook[DEFAULT_FONT];
    try {
      return prepareModel.call(this, model, options);
    } finally {
      fontForNextStyles = undefined;
    }
  };

  const init = StylesXform.prototype.init;
  StylesXform.prototype.init = function () {
    init.call(this);
    this[DEFAULT_FONT] = fontForNextStyles;
  };

  // The first font a style manager adds is always the default one (both call sites check for it).
  const addFont = StylesXform.prototype._addFont;
  StylesXform.prototype._addFont = function (font: unknown) {
    const first = this.model.fonts.length === 0 && this[DEFAULT_FONT];
    return addFont.call(this, first || font);
  };
}

/** Applies the patches once per process (idempotent). */
export function applyExcelJsPatches(): void {
  const holder = CfRuleXform as unknown as Record<symbol, boolean>;
  if (holder[PATCHED]) return;
  holder[PATCHED] = true;
  patchMainRules();
  patchExtRules();
  patchDataValidations();
  patchDefaultFont();
}

applyExcelJsPatches();
