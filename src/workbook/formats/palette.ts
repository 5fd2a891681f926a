/**
 * The result colours, in one place (Excel's own "good / bad / neutral" cell-style colours plus grey),
 * and the one check of a colour written as "RRGGBB". Pure; every port and renderer takes them from here.
 */
import type { HighlightStyle } from "../sheetSpec";

export interface HighlightColours {
  fill: string; // RRGGBB
  font: string; // RRGGBB
}

export const HIGHLIGHT_PALETTE: Record<HighlightStyle, HighlightColours> = {
  met: { fill: "C6EFCE", font: "006100" },
  notMet: { fill: "FFC7CE", font: "9C0006" },
  near: { fill: "FFEB9C", font: "9C5700" },
  unknown: { fill: "EDEDED", font: "595959" },
};

/** Colour of data bars for shares. */
export const DATA_BAR_COLOUR = "5B9BD5";

/**
 * "RRGGBB" in upper case for "rrggbb", "RRGGBB" or "#RRGGBB"; throws for anything else. Each port adds
 * its own prefix ("FF" for an ARGB in .xlsx files, "#" for office.js).
 */
export function rgbHex(rgb: string): string {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Not an RRGGBB colour: "${rgb}"`);
  return hex;
}
