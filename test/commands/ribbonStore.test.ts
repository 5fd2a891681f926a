/**
 * The ribbon's Recalculate against the real pane store and the real pipeline (an in-memory .xlsx
 * workbook behind the Host): what the ribbon ran is what the pane shows when it opens.
 */
import {
  registerCommands,
  type CommandEvent,
  type OfficeCommandsApi,
} from "../../src/commands/registerCommands";
import { MemoryHost, haTinhSamplePort } from "../../src/taskpane/__fixtures__/memoryHost";
import { getSnapshot, openTab, resetPaneStore, runRecalculation } from "../../src/taskpane/store";
import type { WorkbookPort } from "../../src/workbook/port";

async function ribbon(host: MemoryHost): Promise<(id: string) => Promise<number>> {
  const handlers = new Map<string, (event?: CommandEvent) => void>();
  const office: OfficeCommandsApi = {
    onReady: async () => undefined,
    actions: { associate: (id, fn) => void handlers.set(id, fn) },
  };
  await registerCommands(office, {
    getHost: () => host,
    runRecalculation,
    openTab,
    logError: () => undefined,
  });
  return (id) =>
    new Promise((resolve) => {
      let calls = 0;
      handlers.get(id)!({
        completed: () => {
          calls++;
          setTimeout(() => resolve(calls), 0);
        },
      });
    });
}

beforeEach(() => resetPaneStore());

it("leaves the ribbon run's outcome in the pane's store, and opens the pane only if it has errors", async () => {
  const host = new MemoryHost({ port: await haTinhSamplePort() });
  const click = await ribbon(host);
  expect(await click("recalculate")).toBe(1);

  const state = getSnapshot();
  expect(state.source).toBe("ribbon");
  expect(state.running).toBe(false);
  expect(state.error).toBeNull();
  expect(state.runs).toBe(1);
  expect(state.outcome?.usable).toBe(true);
  expect(await host.port.sheetNames()).toContain("KQ Xã");
  const hasErrors = state.outcome!.issues.some((i) => i.severity === "error");
  expect(host.paneShown).toBe(hasErrors ? 1 : 0);
  expect(state.tab).toBe(hasErrors ? "issues" : "recalc");
});

it("shows the pane on the issues tab for a workbook with nothing to evaluate", async () => {
  const host = new MemoryHost();
  const click = await ribbon(host);
  await click("recalculate");
  expect(getSnapshot().outcome?.usable).toBe(false);
  expect(getSnapshot().tab).toBe("issues");
  expect(host.paneShown).toBeGreaterThanOrEqual(1);
});

it("keeps a failed ribbon run's error for the pane and shows the pane on the recalculation tab", async () => {
  const broken = new MemoryHost();
  const port = broken.port as WorkbookPort & { readSheets: unknown };
  port.readSheets = async () => {
    throw new Error("Excel is busy");
  };
  const click = await ribbon(broken);
  expect(await click("recalculate")).toBe(1);
  expect((getSnapshot().error as Error).message).toBe("Excel is busy");
  expect(getSnapshot().tab).toBe("recalc");
  expect(broken.paneShown).toBeGreaterThanOrEqual(1);
});

it("opens the reports tab from the ribbon", async () => {
  const host = new MemoryHost();
  const click = await ribbon(host);
  await click("exportReports");
  expect(getSnapshot().tab).toBe("reports");
  expect(host.paneShown).toBe(1);
});
