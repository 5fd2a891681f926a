/**
 * Task pane figures for `npm run bench`:
 * - initialJsGzipKb: the JavaScript taskpane.html loads before the pane can render (the scripts the
 *   page references; import() chunks are loaded later, on demand), gzipped, in KB (target ≤ 350);
 * - firstRenderMs: from navigation start to the pane's tabs on screen, in headless Chromium with
 *   office.js answered by the fake Excel (median of 5 loads after one warm-up).
 */
import { promises as fs, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { buildBundles, launchChromium, openPane, serve } from "../test/browser/harness";

export interface TaskpaneMeasure {
  initialJsGzipKb: number;
  initialJsFiles: number;
  firstRenderMs: number;
  firstRenderRunsMs: number[];
}

/** Scripts taskpane.html loads by itself (not office.js, which comes from Microsoft's CDN). */
async function initialScripts(paneDir: string): Promise<string[]> {
  const html = await fs.readFile(path.join(paneDir, "taskpane.html"), "utf8");
  // The production page is minified: attribute values may be unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(paneDir, src.replace(/^\.?\//, "")));
}

export async function measureTaskpane(): Promise<TaskpaneMeasure> {
  const work = mkdtempSync(path.join(tmpdir(), "ntm-pane-bench-"));
  try {
    const bundles = await buildBundles(work);
    const scripts = await initialScripts(bundles.paneDir);
    let gzipBytes = 0;
    for (const file of scripts) gzipBytes += gzipSync(await fs.readFile(file), { level: 9 }).length;

    const server = await serve(bundles.paneDir);
    const browser = await launchChromium();
    const runs: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const page = await openPane(browser, server.url, bundles, { sheets: [] });
        await page.getByRole("tab").first().waitFor();
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) runs.push(Math.round(ms));
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      initialJsGzipKb: Math.round(gzipBytes / 102.4) / 10,
      initialJsFiles: scripts.length,
      firstRenderMs: sorted[Math.floor(sorted.length / 2)],
      firstRenderRunsMs: runs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
