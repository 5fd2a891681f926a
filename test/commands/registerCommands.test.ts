import { readFileSync } from "fs";
import { join } from "path";
import { descendants, parseXml } from "../../scripts/lib/xml";
import {
  COMMAND_IDS,
  registerCommands,
  tabNeedingAttention,
  type CommandDeps,
  type CommandEvent,
  type OfficeCommandsApi,
} from "../../src/commands/registerCommands";
import type { Host } from "../../src/taskpane/host";
import type { PaneTab } from "../../src/taskpane/store";
import type { Issue } from "../../src/domain/types";
import type { RecalcOutcome } from "../../src/workbook/recalc";

/** A plain fake of the `Office` global: onReady resolves when the test says so. */
class FakeOffice implements OfficeCommandsApi {
  readonly handlers = new Map<string, (event?: CommandEvent) => void>();
  private ready!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  actions = {
    associate: (id: string, fn: (event?: CommandEvent) => void) => {
      if (this.handlers.has(id)) throw new Error(`${id} associated twice`);
      this.handlers.set(id, fn);
    },
  };
  onReady(): Promise<unknown> {
    return this.readyPromise;
  }
  becomeReady(): void {
    this.ready();
  }
  /** Clicks a ribbon button: runs the handler and resolves once event.completed() is called. */
  click(id: string): Promise<{ completedCalls: () => number }> {
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`${id} is not registered`);
    let calls = 0;
    return new Promise((resolve, reject) => {
      setTimeout(() => calls === 0 && reject(new Error(`${id}: event.completed() was never called`)), 2000);
      handler({
        completed: () => {
          calls++;
          // Resolve on the next turn so a second, erroneous completed() call is counted too.
          setTimeout(() => resolve({ completedCalls: () => calls }), 0);
        },
      });
    });
  }
}

function issue(severity: Issue["severity"]): Issue {
  return { severity, code: "test", sheet: "Xã", cell: "E7", params: {} };
}

function outcome(issues: Issue[], usable = true): RecalcOutcome {
  return { issues, usable } as unknown as RecalcOutcome;
}

interface Recorder {
  deps: CommandDeps;
  log: string[];
  errors: unknown[];
}

function fakes(run: () => Promise<RecalcOutcome | null>, opts: { showPaneFails?: boolean } = {}): Recorder {
  const log: string[] = [];
  const errors: unknown[] = [];
  const host = {
    showPane: async () => {
      log.push("showPane");
      if (opts.showPaneFails) throw new Error("no pane");
    },
  } as unknown as Host;
  const deps: CommandDeps = {
    getHost: () => host,
    runRecalculation: async (h, source) => {
      if (h !== host) throw new Error("not the shared host");
      log.push(`run:${source}`);
      const result = await run();
      log.push("run:done");
      return result;
    },
    openTab: (tab: PaneTab) => log.push(`tab:${tab}`),
    logError: (message, error) => {
      log.push("logError");
      errors.push(error);
    },
  };
  return { deps, log, errors };
}

async function registered(deps: CommandDeps): Promise<FakeOffice> {
  const office = new FakeOffice();
  const done = registerCommands(office, deps);
  office.becomeReady();
  await done;
  return office;
}

describe("registerCommands", () => {
  it("associates recalculate and exportReports only once Office is ready", async () => {
    const office = new FakeOffice();
    const done = registerCommands(office, fakes(async () => outcome([])).deps);
    await new Promise((r) => setTimeout(r, 0));
    expect(office.handlers.size).toBe(0);
    office.becomeReady();
    await done;
    expect([...office.handlers.keys()].sort()).toEqual(["exportReports", "recalculate"]);
  });

  it("recalculates through the store as a ribbon run and leaves the pane closed when all is well", async () => {
    const f = fakes(async () => outcome([issue("warning"), issue("info")]));
    const office = await registered(f.deps);
    const click = await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "run:done"]);
    expect(click.completedCalls()).toBe(1);
  });

  it("opens the pane on the issues tab when the result has errors, then completes", async () => {
    const f = fakes(async () => outcome([issue("warning"), issue("error")]));
    const office = await registered(f.deps);
    const click = await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "run:done", "tab:issues", "showPane"]);
    expect(click.completedCalls()).toBe(1);
  });

  it("opens the pane on the issues tab when the workbook could not be evaluated", async () => {
    const f = fakes(async () => outcome([], false));
    const office = await registered(f.deps);
    await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "run:done", "tab:issues", "showPane"]);
  });

  it("opens the pane on the recalculation tab when the store reports a failure (null)", async () => {
    const f = fakes(async () => null);
    const office = await registered(f.deps);
    const click = await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "run:done", "tab:recalc", "showPane"]);
    expect(click.completedCalls()).toBe(1);
  });

  it("still shows the pane and completes when the recalculation rejects", async () => {
    const f = fakes(async () => {
      throw new Error("boom");
    });
    const office = await registered(f.deps);
    const click = await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "logError", "tab:recalc", "showPane"]);
    expect((f.errors[0] as Error).message).toBe("boom");
    expect(click.completedCalls()).toBe(1);
  });

  it("completes exactly once even when the pane cannot be shown", async () => {
    const f = fakes(async () => null, { showPaneFails: true });
    const office = await registered(f.deps);
    const click = await office.click("recalculate");
    expect(f.log).toEqual(["run:ribbon", "run:done", "tab:recalc", "showPane", "logError"]);
    expect(click.completedCalls()).toBe(1);
  });

  it("completes only after the recalculation has finished", async () => {
    let finish!: () => void;
    const f = fakes(() => new Promise((resolve) => (finish = () => resolve(outcome([])))));
    const office = await registered(f.deps);
    let completed = false;
    office.handlers.get("recalculate")!({ completed: () => (completed = true) });
    await new Promise((r) => setTimeout(r, 5));
    expect(completed).toBe(false);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(completed).toBe(true);
  });

  it("exportReports opens the pane on its reports tab and completes", async () => {
    const f = fakes(async () => outcome([]));
    const office = await registered(f.deps);
    const click = await office.click("exportReports");
    expect(f.log).toEqual(["tab:reports", "showPane"]);
    expect(click.completedCalls()).toBe(1);
  });

  it("exportReports completes when the pane cannot be shown", async () => {
    const f = fakes(async () => outcome([]), { showPaneFails: true });
    const office = await registered(f.deps);
    const click = await office.click("exportReports");
    expect(f.log).toEqual(["tab:reports", "showPane", "logError"]);
    expect(click.completedCalls()).toBe(1);
  });
});

describe("tabNeedingAttention", () => {
  it("is null for warnings and information only", () => {
    expect(tabNeedingAttention(outcome([issue("warning"), issue("info")]))).toBeNull();
  });
  it("names the issues tab for errors and the recalculation tab for a failure", () => {
    expect(tabNeedingAttention(outcome([issue("error")]))).toBe("issues");
    expect(tabNeedingAttention(null)).toBe("recalc");
  });
});

describe("the manifest's function commands", () => {
  it("are exactly the commands registered", () => {
    const root = parseXml(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8"));
    const names = descendants(root)
      .filter((e) => e.local === "FunctionName")
      .map((e) => e.text.trim())
      .sort();
    expect(names).toEqual([...COMMAND_IDS].sort());
  });
});
