/**
 * The pane's state outside React: the last recalculation (its outcome or its error), the step of
 * the one running, and the open tab. A ribbon command in the shared runtime runs a recalculation
 * through this store; the pane, when it opens, shows what happened (useSyncExternalStore).
 */
import { useSyncExternalStore } from "react";
import type { RecalcOutcome, RecalcStep } from "../workbook/recalc";
import { recalculateWorkbook } from "./actions";
import type { Host } from "./host";

export type PaneTab = "setup" | "recalc" | "issues" | "funding" | "reports";
export const PANE_TABS: readonly PaneTab[] = ["setup", "recalc", "issues", "funding", "reports"];

export type RecalcSource = "pane" | "ribbon";

export interface PaneState {
  tab: PaneTab;
  /** True while a recalculation runs. */
  running: boolean;
  /** The step the running recalculation reached (null when none runs). */
  step: RecalcStep | null;
  /** Who started the running or the last recalculation. */
  source: RecalcSource | null;
  /** The last successful recalculation (kept when a later one fails). */
  outcome: RecalcOutcome | null;
  /** The error of the last recalculation, or null when it succeeded. Shown in the user's language. */
  error: unknown;
  /** Counts finished recalculations (success or failure), so views can tell a new result apart. */
  runs: number;
}

const INITIAL: PaneState = {
  tab: "recalc",
  running: false,
  step: null,
  source: null,
  outcome: null,
  error: null,
  runs: 0,
};

let state: PaneState = INITIAL;
let running: Promise<RecalcOutcome | null> | null = null;
const listeners = new Set<() => void>();

function setState(patch: Partial<PaneState>): void {
  state = { ...state, ...patch };
  for (const l of [...listeners]) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): PaneState {
  return state;
}

/** The store's state in a component; re-renders on every change. */
export function usePaneState(): PaneState {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export function openTab(tab: PaneTab): void {
  if (state.tab !== tab) setState({ tab });
}

/**
 * Reads the workbook with its saved mapping, evaluates and writes the results. Never two at once: a
 * call while one runs returns the running one. Resolves to the outcome, or to null when it failed;
 * the error stays in the store for the pane to show above every tab (it is never only logged). The
 * ribbon command (src/commands) opens the pane on the tab that needs attention.
 */
export function runRecalculation(host: Host, source: RecalcSource): Promise<RecalcOutcome | null> {
  if (running) return running;
  setState({ running: true, step: null, source, error: null });
  const run = (async (): Promise<RecalcOutcome | null> => {
    try {
      const outcome = await recalculateWorkbook(host, { onProgress: (step) => setState({ step }) });
      setState({ outcome, error: null });
      return outcome;
    } catch (err) {
      setState({ error: err ?? new Error(String(err)) });
      return null;
    } finally {
      running = null;
      setState({ running: false, step: null, runs: state.runs + 1 });
    }
  })();
  running = run;
  return run;
}

/** True while a recalculation runs (for the auto-recalculation, which skips changes meanwhile). */
export function isRunning(): boolean {
  return running !== null;
}

/** Back to the initial state (tests; a new document in the same runtime). */
export function resetPaneStore(): void {
  running = null;
  state = INITIAL;
  for (const l of [...listeners]) l();
}
