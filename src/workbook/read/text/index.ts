/** Pure parsers for the text planners type in their summary forms (biểu). See docs/READING.md. */
export { parseThresholdText, type ThresholdText } from "./thresholdText";
export {
  lineFacts,
  moneyPerMillion,
  titleFacts,
  type LineFacts,
  type MoneyUnit,
  type Period,
  type PlaceKind,
  type TitleFacts,
  type YearStrength,
} from "./titleFacts";
export {
  isConnectorHeader,
  isFooterLine,
  isNumberingRow,
  numberingToken,
  sectionLabel,
  totalLabel,
  unitLabel,
  type NumberingToken,
  type SectionLabel,
  type TotalLabel,
} from "./rowLabels";
export { parseCount, type Count } from "./countText";
export { markColumnKind, markOf, type Mark, type MarkColumnKind } from "./marks";
