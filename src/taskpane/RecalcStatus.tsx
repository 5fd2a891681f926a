/**
 * Above every tab: the running recalculation's progress (read → evaluate → render → write) and the
 * last one's error. A polite live region announces each step and the result.
 */
import { Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { RecalcStep } from "../workbook/recalc";
import { usePane } from "./context";
import { ErrorBar } from "./ErrorBar";
import { usePaneState } from "./store";
import { summaryView } from "./viewModel";

export const RECALC_STEPS: readonly RecalcStep[] = ["read", "evaluate", "render", "write"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export function RecalcStatus() {
  const { lang, tr } = usePane();
  const state = usePaneState();
  const styles = useStyles();
  const stepIndex = state.step ? RECALC_STEPS.indexOf(state.step) : -1;
  const stepText =
    stepIndex >= 0
      ? tr("pane.step.progress", {
          n: stepIndex + 1,
          total: RECALC_STEPS.length,
          step: tr(`pane.step.${state.step}`),
        })
      : tr("pane.step.starting");

  let announcement = "";
  if (state.running) announcement = stepText;
  else if (state.runs > 0 && state.error === null && state.outcome) {
    const summary = summaryView(state.outcome, lang, 0);
    announcement = [tr("pane.recalc.done"), summary.headline].filter(Boolean).join(" ");
  }

  const visible = state.running || state.error !== null;
  return (
    <>
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {visible && (
        <div className={styles.root}>
          {state.running && (
            <Field label={tr("pane.recalc.progressLabel")} hint={stepText}>
              <ProgressBar value={(stepIndex + 1) / (RECALC_STEPS.length + 1)} max={1} thickness="large" />
            </Field>
          )}
          {state.error !== null && !state.running && (
            <ErrorBar error={state.error} title={tr("pane.recalc.failed")} />
          )}
        </div>
      )}
    </>
  );
}
