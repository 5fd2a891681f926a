/**
 * Regenerates the icons in assets/ from scripts/icons.ts:
 *
 *   npx tsc -p scripts && node .tmp/scripts/makeIcons.js [outDir]
 */
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { renderAllIcons } from "./icons";
import { projectRoot } from "./lib/paths";

function main(argv: readonly string[]): void {
  const outDir = argv[0] ? resolve(argv[0]) : join(projectRoot(), "assets");
  mkdirSync(outDir, { recursive: true });
  for (const icon of renderAllIcons()) {
    writeFileSync(join(outDir, icon.file), icon.png);
    console.log(`${join(outDir, icon.file)}  ${icon.size}×${icon.size}  ${icon.png.length} B`);
  }
}

main(process.argv.slice(2));
