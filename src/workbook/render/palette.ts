/** The result colours, in one place (Excel's own "good / bad / neutral" cell-style colours plus grey). */
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
