import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

let compiling: Promise<WebAssembly.Module> | undefined;

/**
 * PGlite's WebAssembly (9 MB), compiled once per process. PGlite itself reads and compiles it only
 * once its JavaScript has loaded and set up its file system, late in a start and on the critical
 * path; compiled here, it can begin before anything else loads and goes on beside it.
 */
export function compilePgliteWasm(): Promise<WebAssembly.Module> {
  compiling ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    return WebAssembly.compile(await readFile(path.join(path.dirname(entry), "pglite.wasm")));
  })().catch((error: unknown) => {
    compiling = undefined; // a failed read (too many open files…) is tried again by the next opening
    throw error;
  });
  return compiling;
}
