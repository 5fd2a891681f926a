import { HostError } from "../taskpane/host";
import { installFakeOffice, INJECTED_ERRORS, type FakeExcelHandle } from "../../test/fakeExcel";
import { ExcelQueue, hostErrorCode, toHostError } from "./queue";

const richApi = (code: string, message = "") =>
  Object.assign(new Error(message), { name: "RichApi.Error", code });

describe("hostErrorCode", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", "cellEditing"],
    ["RequestPayloadSizeLimitExceeded", "", "tooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "", "tooLarge"],
    ["GeneralException", "The request payload size has exceeded the limit.", "tooLarge"],
    ["GeneralException", "Wait until the previous call completes.", "busy"],
    ["ActivityLimitReached", "Activity limit has been reached.", "busy"],
    ["AccessDenied", "You cannot perform the requested operation.", "readOnly"],
    ["InvalidOperation", "The cell or chart you're trying to change is on a protected sheet.", "readOnly"],
    ["ItemNotFound", "The requested resource doesn't exist.", "unknown"],
  ])("maps %s (%s) to %s", (code, message, expected) => {
    expect(hostErrorCode(richApi(code, message))).toBe(expected);
  });

  it("leaves errors that are not Excel's alone", () => {
    expect(hostErrorCode(new Error('Sheet "KQ Xã" exists and was not created by NTM Planner'))).toBeNull();
    expect(toHostError(new TypeError("bug"))).toBeNull();
    const mine = new HostError("busy", "x");
    expect(toHostError(mine)).toBe(mine);
  });

  it("keeps Excel's error as the cause", () => {
    const err = richApi("AccessDenied", "protected");
    const mapped = toHostError(err)!;
    expect(mapped).toBeInstanceOf(HostError);
    expect(mapped.cause).toBe(err);
  });
});

describe("ExcelQueue", () => {
  let fake: FakeExcelHandle;
  const noWait = { retryDelaysMs: [1, 1, 1], sleep: () => Promise.resolve() };

  beforeEach(() => (fake = installFakeOffice()));
  afterEach(() => fake.uninstall());

  it("runs concurrent batches one after the other, in the order they were asked for", async () => {
    const queue = new ExcelQueue(noWait);
    const log: string[] = [];
    const batch = (name: string) =>
      queue.run("read", async (context) => {
        log.push(`${name} start`);
        context.workbook.worksheets.load("items/name");
        await context.sync();
        await context.sync();
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([batch("a"), batch("b"), batch("c")]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
    expect(fake.maxConcurrentRuns).toBe(1);
  });

  it("keeps going after a batch fails", async () => {
    const queue = new ExcelQueue(noWait);
    const failing = queue.run("read", async () => {
      throw new Error("boom");
    });
    const next = queue.run("read", async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });

  it("retries a read while Excel is busy, then succeeds", async () => {
    const queue = new ExcelQueue(noWait);
    fake.failNextSync("busy", 2);
    await expect(queue.run("read", async (context) => context.sync())).resolves.toBeUndefined();
    expect(fake.syncCount).toBe(3);
  });

  it("gives up with 'busy' after the retries", async () => {
    const queue = new ExcelQueue(noWait);
    fake.failNextSync("activityLimit", 4);
    await expect(queue.run("read", async (context) => context.sync())).rejects.toMatchObject({
      code: "busy",
    });
    expect(fake.syncCount).toBe(4);
  });

  it("retries a write only when it failed before its first change", async () => {
    const queue = new ExcelQueue(noWait);
    fake.failNextSync("busy");
    let attempts = 0;
    await queue.run("write", async (context, control) => {
      attempts++;
      await context.sync(); // reading state
      control.markChanging();
      await context.sync();
    });
    expect(attempts).toBe(2);

    fake.failSync(2, "busy");
    attempts = 0;
    await expect(
      queue.run("write", async (context, control) => {
        attempts++;
        await context.sync();
        control.markChanging();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "busy" });
    expect(attempts).toBe(1);
  });

  it("does not retry when the user is editing a cell", async () => {
    const queue = new ExcelQueue(noWait);
    fake.setCellEditing(true);
    await expect(queue.run("read", async (context) => context.sync())).rejects.toMatchObject({
      code: "cellEditing",
    });
    expect(fake.syncCount).toBe(1);
  });

  it("waits between retries as configured", async () => {
    const waits: number[] = [];
    const queue = new ExcelQueue({ retryDelaysMs: [10, 20], sleep: async (ms) => void waits.push(ms) });
    fake.failNextSync(INJECTED_ERRORS.busy(), 3);
    await expect(queue.run("read", async (context) => context.sync())).rejects.toBeInstanceOf(HostError);
    expect(waits).toEqual([10, 20]);
  });
});
