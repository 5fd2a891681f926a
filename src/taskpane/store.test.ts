import { HostError } from "./host";
import { MemoryHost } from "./__fixtures__/memoryHost";
import { getSnapshot, isRunning, openTab, resetPaneStore, runRecalculation, subscribe } from "./store";

beforeEach(() => resetPaneStore());

describe("the pane store", () => {
  it("keeps the error of a failed recalculation, resolves to null and is ready for the next one", async () => {
    const host = new MemoryHost();
    host.loadMapping = async () => {
      throw new HostError("busy", "RichApi.Error: busy");
    };
    const seen: boolean[] = [];
    const stop = subscribe(() => seen.push(getSnapshot().running));
    const run = runRecalculation(host, "pane");
    expect(isRunning()).toBe(true);
    await expect(run).resolves.toBeNull();
    stop();
    expect(isRunning()).toBe(false);
    expect(seen[0]).toBe(true);
    expect(seen[seen.length - 1]).toBe(false);
    const state = getSnapshot();
    expect(state).toMatchObject({ running: false, step: null, source: "pane", outcome: null, runs: 1 });
    expect(state.error).toBeInstanceOf(HostError);
    // A pane failure does not pop the pane open: the planner is looking at it.
    expect(host.paneShown).toBe(0);
  });

  it("reports the steps, keeps the outcome of an empty workbook and never claims it usable", async () => {
    const host = new MemoryHost();
    const steps: (string | null)[] = [];
    const stop = subscribe(() => {
      const s = getSnapshot().step;
      if (s && steps[steps.length - 1] !== s) steps.push(s);
    });
    const outcome = await runRecalculation(host, "ribbon");
    stop();
    expect(steps).toEqual(["read", "evaluate", "render"]);
    expect(outcome?.usable).toBe(false);
    expect(getSnapshot()).toMatchObject({ error: null, source: "ribbon", runs: 1 });
    expect(getSnapshot().outcome).toBe(outcome);
  });

  it("switches tabs and notifies only on a change", () => {
    let calls = 0;
    const stop = subscribe(() => calls++);
    openTab("funding");
    openTab("funding");
    stop();
    expect(getSnapshot().tab).toBe("funding");
    expect(calls).toBe(1);
  });
});
