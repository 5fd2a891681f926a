/**
 * @jest-environment jsdom
 *
 * Saving a file from the pane in Excel on the web: offered only there (Office.context.platform), done
 * with a Blob link the browser downloads, the link removed and its URL revoked afterwards.
 */
import { OfficeHost } from "../../src/excel/officeHost";

type Globals = { Office?: unknown };

function withPlatform(platform: string): OfficeHost {
  (globalThis as Globals).Office = {
    context: { platform, requirements: { isSetSupported: () => true } },
  };
  return new OfficeHost({ storage: null });
}

const created: Blob[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created.length = 0;
  revoked.length = 0;
  URL.createObjectURL = (blob: Blob) => {
    created.push(blob);
    return `blob:ntm/${created.length}`;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});

afterEach(() => {
  delete (globalThis as Globals).Office;
  jest.useRealTimers();
});

it("offers downloads in Excel on the web only", () => {
  expect(withPlatform("OfficeOnline").supports("download")).toBe(true);
  expect(withPlatform("PC").supports("download")).toBe(false);
  expect(withPlatform("Mac").supports("download")).toBe(false);
});

it("downloads the bytes under their name through a link it then removes", () => {
  jest.useFakeTimers();
  const clicks: { href: string; download: string; attached: boolean }[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
  });
  const bytes = Uint8Array.from([0x50, 0x4b, 3, 4, 9]);

  withPlatform("OfficeOnline").downloadFile("BaoCao_NTM_Ha-Tinh_2026-11-27.zip", bytes, "application/zip");

  expect(clicks).toEqual([
    { href: "blob:ntm/1", download: "BaoCao_NTM_Ha-Tinh_2026-11-27.zip", attached: true },
  ]);
  expect(created[0].type).toBe("application/zip");
  expect(created[0].size).toBe(bytes.length);
  expect(document.querySelectorAll("a")).toHaveLength(0);
  expect(revoked).toEqual([]);
  jest.advanceTimersByTime(60_000);
  expect(revoked).toEqual(["blob:ntm/1"]);
  click.mockRestore();
});
