/**
 * A ListValidation as ExcelJS's data-validation model. Where the list goes (inline, or a helper range on
 * NTM_META) and the lengths Excel accepts are src/workbook/formats/validationLists.ts's.
 */
import type { DataValidation } from "exceljs";
import type { ListValidation } from "../workbook/sheetSpec";
import {
  ERROR_MESSAGE_LIMIT,
  ERROR_TITLE_LIMIT,
  inlineListFormula,
  validationText,
  type HelperLists,
} from "../workbook/formats/validationLists";

/** The ExcelJS model of a ListValidation (list must not be empty). */
export function listValidationModel(v: ListValidation, helpers: HelperLists): DataValidation {
  if (v.list.length === 0) throw new Error(`List validation on ${v.range} has an empty list`);
  const formula = inlineListFormula(v.list) ?? helpers.reference(v.list);
  const errorTitle = validationText(v.errorTitle, ERROR_TITLE_LIMIT);
  const error = validationText(v.error, ERROR_MESSAGE_LIMIT);
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    ...(errorTitle !== undefined ? { errorTitle } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
