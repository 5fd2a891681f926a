/**
 * Form controls that fit 320 px: a Field's grid track and its control may shrink below the control's
 * natural width (a <select> is as wide as its longest option, an <input> 20 characters).
 */
import { makeStyles } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  field: { gridTemplateColumns: "minmax(0, 1fr)", minWidth: 0 },
  control: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  /** SpinButton: its input column may shrink too (Fluent's is 1fr, i.e. at least the input's 20 characters). */
  spin: { width: "100%", minWidth: 0, boxSizing: "border-box", gridTemplateColumns: "minmax(0, 1fr) 24px" },
  spinInput: { minWidth: 0, width: "100%" },
});
