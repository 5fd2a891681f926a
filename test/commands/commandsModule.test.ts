/** The side-effect module the pane's entry imports: it registers the commands with the Office global. */
type OfficeGlobal = { Office?: unknown };

afterEach(() => {
  delete (globalThis as OfficeGlobal).Office;
  jest.restoreAllMocks();
});

function load(): Promise<void> {
  return jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
}

it("registers recalculate and exportReports with Office when loaded", async () => {
  const associated: string[] = [];
  (globalThis as OfficeGlobal).Office = {
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    actions: { associate: (id: string) => associated.push(id) },
  };
  await load();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(associated.sort()).toEqual(["exportReports", "recalculate"]);
});

it("registers nothing, and says so, when office.js is not loaded", async () => {
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await expect(load()).resolves.toBeUndefined();
  expect(error).toHaveBeenCalledWith(expect.stringMatching(/office\.js is not loaded/));
});
