/**
 * Auto-recalculation: while on, watches the input sheets and recalculates ~1.5 s after the planner's
 * last change. Changes while a recalculation runs are ignored (its own writes never notify).
 */
import { useEffect, useState } from "react";
import type { RecalcOutcome } from "../workbook/recalc";
import { inputSheetNames } from "../workbook/read/reader";
import type { Host } from "./host";
import { isRunning, runRecalculation } from "./store";

export const AUTO_RECALC_DELAY_MS = 1500;

/** The input sheets of the last outcome, or, before any, the ones the reader would read now. */
async function sheetsToWatch(host: Host, outcome: RecalcOutcome | null): Promise<string[]> {
  if (outcome) return Object.values(outcome.read.roles).filter((n): n is string => !!n);
  const [names, mapping] = await Promise.all([host.port.sheetNames(), host.loadMapping()]);
  return Object.values(inputSheetNames(names, mapping ?? undefined)).filter((n): n is string => !!n);
}

export interface AutoRecalcState {
  /** The sheets being watched (empty while off or before watching starts). */
  watching: string[];
  error: unknown;
}

export function useAutoRecalc(host: Host, enabled: boolean, outcome: RecalcOutcome | null): AutoRecalcState {
  const [state, setState] = useState<AutoRecalcState>({ watching: [], error: null });
  // Re-watch only when the set of sheets changes, not on every new outcome.
  const rolesKey = outcome ? JSON.stringify(Object.values(outcome.read.roles).sort()) : "";

  useEffect(() => {
    if (!enabled) {
      setState({ watching: [], error: null });
      return;
    }
    let cancelled = false;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (isRunning()) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!cancelled && !isRunning()) void runRecalculation(host, "pane");
      }, AUTO_RECALC_DELAY_MS);
    };
    (async () => {
      const sheets = await sheetsToWatch(host, outcome);
      if (cancelled) return;
      const stopWatching = await host.watchSheets(sheets, onChange);
      if (cancelled) {
        await stopWatching();
        return;
      }
      stop = stopWatching;
      setState({ watching: sheets, error: null });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ watching: [], error });
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (stop) {
        const s = stop;
        stop = null;
        s().catch((error: unknown) => setState((prev) => ({ ...prev, error })));
      }
    };
    // `outcome` is read through rolesKey: a new outcome with the same sheets keeps the watch.
  }, [host, enabled, rolesKey]);

  return state;
}
