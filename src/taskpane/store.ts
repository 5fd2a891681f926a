/**
 * The pane's state outside React: the last recalculation (its outcome or its error), the step of
 * the one running, the open tab, and the report export (its progress, result or error). A ribbon command in the shared runtime runs a recalculation
 * through this store; the pane, when it opens, shows what happened (useSyncExternalStore).
 */
import { useSyncExternalStore } from "react";
import type { RecalcOutcome, RecalcStep } from "../workbook/recalc";
import { recalculateWorkbook } from "./actions";
import type { Host } from "./host";
import {
  downloadReportsZip,
  exportReports,
  type ExportProgress,
  type ExportResult,
  type ReportRequest,
} from "./reports";

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
  /** The report export: kept here so that it survives switching tabs. */
  reports: ReportExportState;
}

/** "export": new workbooks or sheets (exportReports); "zip": one zip downloaded. */
export type ReportExportKind = "export" | "zip";

export interface ReportExportState {
  /** The export running, or null. */
  running: ReportExportKind | null;
  /** Where the running export stands. */
  progress: ExportProgress | null;
  /** What the last export produced (kept when a later one fails). */
  result: ExportResult | null;
  /** The error of the last export, or null. */
  error: unknown;
}

const NO_EXPORT: ReportExportState = { running: null, progress: null, result: null, error: null };

const INITIAL: PaneState = {
  tab: "recalc",
  running: false,
  step: null,
  source: null,
  outcome: null,
  error: null,
  runs: 0,
  reports: NO_EXPORT,
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

let exporting: Promise<ExportResult | null> | null = null;

function setReports(patch: Partial<ReportExportState>): void {
  setState({ reports: { ...state.reports, ...patch } });
}

/**
 * Makes the reports `req` asks for (`kind` "export": new workbooks or sheets; "zip": one download).
 * One export at a time: a call while one runs returns the running one. Resolves to the result, or
 * to null when it failed; the error stays in the store for the Reports tab to show.
 */
export function runReportExport(
  host: Host,
  kind: ReportExportKind,
  req: ReportRequest,
): Promise<ExportResult | null> {
  if (exporting) return exporting;
  setReports({ running: kind, progress: null, error: null });
  const run = (async (): Promise<ExportResult | null> => {
    try {
      const onProgress = (progress: ExportProgress) => setReports({ progress });
      const result =
        kind === "zip"
          ? await downloadReportsZip(host, req, onProgress)
          : await exportReports(host, req, onProgress);
      setReports({ result, error: null });
      return result;
    } catch (err) {
      setReports({ error: err ?? new Error(String(err)) });
      return null;
    } finally {
      exporting = null;
      setReports({ running: null, progress: null });
    }
  })();
  exporting = run;
  return run;
}

/** Forgets the last export's error (the planner dismissed it). */
export function dismissReportError(): void {
  if (state.reports.error !== null) setReports({ error: null });
}

/** True while a recalculation runs (for the auto-recalculation, which skips changes meanwhile). */
export function isRunning(): boolean {
  return running !== null;
}

/** Back to the initial state (tests; a new document in the same runtime). */
export function resetPaneStore(): void {
  running = null;
  exporting = null;
  state = INITIAL;
  for (const l of [...listeners]) l();
}
