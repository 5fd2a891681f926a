/**
 * The ribbon's function commands (manifest.xml: ExecuteFunction "recalculate" and "exportReports").
 * They run in the shared runtime, beside the pane, and go through the pane's store: a Recalculate
 * from the ribbon is the same recalculation the pane runs, and the pane shows its outcome when it
 * opens. Everything is passed in, so tests drive it with plain fakes; ./commands.ts wires it to
 * Office, the office.js host and the store.
 */
import type { Host } from "../taskpane/host";
import type { PaneTab, RecalcSource } from "../taskpane/store";
import type { RecalcOutcome } from "../workbook/recalc";

/** The FunctionName of each ExecuteFunction control in manifest.xml. */
export const COMMAND_IDS = ["recalculate", "exportReports"] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** What Office passes to a function command; `completed()` must be called once it is done. */
export interface CommandEvent {
  completed(): void;
}

/** The part of the `Office` global the commands use. */
export interface OfficeCommandsApi {
  onReady(): Promise<unknown>;
  actions: { associate(actionId: string, actionFunction: (event?: CommandEvent) => void): void };
}

export interface CommandDeps {
  /** The office.js host shared with the pane (getOfficeHost). Called when a command runs. */
  getHost(): Host;
  /** The pane store's recalculation: one at a time, outcome and error kept for the pane. */
  runRecalculation(host: Host, source: RecalcSource): Promise<RecalcOutcome | null>;
  /** Selects the pane's tab (seen when the pane is, or becomes, visible). */
  openTab(tab: PaneTab): void;
  /** Where a failure that cannot be shown in the pane goes. Default: console.error. */
  logError?(message: string, error: unknown): void;
}

/**
 * The tab the planner must see after a ribbon recalculation, or null when nothing needs them: the
 * recalculation tab when it failed (the store holds the error), the issues tab when the workbook
 * could not be evaluated or has errors. Warnings alone do not interrupt: they are listed on the
 * KQ Cảnh báo sheet and in the pane.
 */
export function tabNeedingAttention(outcome: RecalcOutcome | null): PaneTab | null {
  if (outcome === null) return "recalc";
  if (!outcome.usable || outcome.issues.some((i) => i.severity === "error")) return "issues";
  return null;
}

export type CommandHandlers = Record<CommandId, (event?: CommandEvent) => Promise<void>>;

export function createCommandHandlers(deps: CommandDeps): CommandHandlers {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));

  const showPane = async (tab: PaneTab, host: Host) => {
    deps.openTab(tab);
    await host.showPane();
  };

  return {
    async recalculate(event) {
      try {
        const host = deps.getHost();
        let tab: PaneTab | null;
        try {
          tab = tabNeedingAttention(await deps.runRecalculation(host, "ribbon"));
        } catch (error) {
          // The store keeps a failure as its state and resolves to null; a rejection is a bug there.
          logError("NTM Planner: the ribbon recalculation failed", error);
          tab = "recalc";
        }
        if (tab !== null) await showPane(tab, host);
      } catch (error) {
        logError("NTM Planner: could not show the pane after the ribbon recalculation", error);
      } finally {
        event?.completed();
      }
    },

    async exportReports(event) {
      try {
        await showPane("reports", deps.getHost());
      } catch (error) {
        logError("NTM Planner: could not open the reports tab", error);
      } finally {
        event?.completed();
      }
    },
  };
}

/** Associates every command with Office once Office is ready. */
export async function registerCommands(office: OfficeCommandsApi, deps: CommandDeps): Promise<void> {
  await office.onReady();
  const handlers = createCommandHandlers(deps);
  for (const id of COMMAND_IDS) {
    office.actions.associate(id, (event) => {
      void handlers[id](event);
    });
  }
}
