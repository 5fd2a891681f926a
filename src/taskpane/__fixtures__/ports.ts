/** WorkbookPort wrappers for pane tests: hold a read until released, fail, edit grids, count reads. */
import type { SheetGrid, ToolMeta, WorkbookPort, WritePlan } from "../../workbook/port";

export class WrappedPort implements WorkbookPort {
  reads = 0;
  writes = 0;
  /** When set, the next readSheets waits for release(). */
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  /** Thrown by readSheets (once per assignment) when set. */
  failWith: unknown = null;
  /** Applied to the grids readSheets returns. */
  editGrids: ((grids: SheetGrid[]) => SheetGrid[]) | null = null;

  constructor(readonly inner: WorkbookPort) {}

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    const open = this.open;
    this.gate = null;
    this.open = null;
    open?.();
  }

  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }

  async readSheets(names: string[]): Promise<SheetGrid[]> {
    this.reads++;
    if (this.gate) await this.gate;
    if (this.failWith !== null) {
      const err = this.failWith;
      this.failWith = null;
      throw err;
    }
    const grids = await this.inner.readSheets(names);
    return this.editGrids ? this.editGrids(grids) : grids;
  }

  readMeta(): Promise<ToolMeta | null> {
    return this.inner.readMeta();
  }

  write(plan: WritePlan): Promise<void> {
    this.writes++;
    return this.inner.write(plan);
  }
}
