import { existsSync } from "fs";
import { dirname, join } from "path";

/**
 * The project root: the nearest folder above `from` holding package.json. Works both from the
 * sources (scripts/, under ts-jest) and from the compiled copies (.tmp/scripts/).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}
