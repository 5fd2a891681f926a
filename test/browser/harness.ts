/**
 * Drives the task pane in headless Debian Chromium (playwright-core, never a downloaded browser):
 * builds the production bundle and the office.js stand-in with webpack, serves them over http, and
 * answers the office.js CDN request with the stand-in backed by the fake Excel. Shared by the
 * end-to-end test and `npm run bench` (taskpane.firstRenderMs).
 */
import { existsSync, promises as fs } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { SheetSpec } from "../../src/workbook/sheetSpec";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The repository root (this file runs from test/browser under jest and from dist/test/browser in the bench). */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${__dirname}`);
  }
}

export interface Bundles {
  /** Folder with taskpane.html and its scripts (the production build). */
  paneDir: string;
  /** The office.js stand-in, one script. */
  stubJs: string;
}

function runWebpack(config: object): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as (c: object) => {
    run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: object): string }) => void): void;
    close(cb: () => void): void;
  };
  const compiler = webpack(config);
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** Builds the pane exactly as `npm run build` does (into `outDir`/pane) and the office.js stand-in. */
export async function buildBundles(outDir: string): Promise<Bundles> {
  const root = repoRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const paneConfig = (require(path.join(root, "webpack.config.js")) as (e: object, a: object) => object)(
    {},
    { mode: "production" },
  ) as { output: object; devtool?: unknown; context?: string };
  const paneDir = path.join(outDir, "pane");
  const stubDir = path.join(outDir, "stub");
  await runWebpack({
    ...paneConfig,
    context: root,
    devtool: false,
    output: { ...paneConfig.output, path: paneDir },
  });
  await runWebpack({
    mode: "production",
    context: root,
    devtool: false,
    target: "web",
    entry: { officeStub: path.join(root, "test/browser/officeStub.ts") },
    output: { path: stubDir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(root, "tsconfig.json"),
              compilerOptions: { module: "esnext", target: "ES2020", sourceMap: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  return { paneDir, stubJs: await fs.readFile(path.join(stubDir, "officeStub.js"), "utf8") };
}

/** A static http server for `dir` on a free port. */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
    ".xml": "application/xml",
    ".map": "application/json",
  };
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ""));
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export interface PaneSetup {
  sheets: SheetSpec[];
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  width?: number;
  height?: number;
}

/**
 * Opens taskpane.html with office.js answered by the stand-in holding `setup.sheets`. Any other
 * request to the internet is refused, so the test proves the pane needs nothing from outside.
 */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  bundles: Bundles,
  setup: PaneSetup,
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: setup.width ?? 320, height: setup.height ?? 720 },
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  ERRORS.set(page, errors);
  const prelude = `window.__NTM_E2E__ = ${JSON.stringify({
    sheets: setup.sheets,
    displayLanguage: setup.displayLanguage,
    bodyBackgroundColor: setup.bodyBackgroundColor,
  })};\n`;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: prelude + bundles.stubJs });
    if (url.startsWith(baseUrl)) return route.continue();
    return route.abort();
  });
  await page.goto(`${baseUrl}/taskpane.html`);
  return page;
}

/** Uncaught errors seen on the page so far. */
export function pageErrors(page: Page): string[] {
  return ERRORS.get(page) ?? [];
}

const ERRORS = new WeakMap<Page, string[]>();
