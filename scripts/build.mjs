// `npm run build`: the bundle `npm start` and the image run (dist/bundle/main.mjs).
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist/bundle");

// Chunk names carry a hash: without this, every build would leave the previous one's chunks.
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts", "src/services/documents/document-worker.ts"],
  bundle: true,
  // The transports and the file libraries load on demand, each a chunk of its own.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outdir,
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
  // What a start loads (grammY, drizzle, zod, Fluent, postgres.js…) is bundled: resolving and
  // reading a few hundred files of node_modules was a sixth of a start. Left out: PGlite (its
  // WebAssembly and data files sit beside its code), the logger and the scheduler's cron (they
  // find worker files by their own path, as the Deno shim under the i18n plugin finds itself), and the file libraries, loaded only when a file is made.
  external: ["@electric-sql/pglite", "@deno/shim-deno", "pino", "node-cron", "exceljs", "docx", "mammoth", "jszip", "qrcode", "esbuild", "tsx"],
  // Bundled packages may check a class by its name (node-fetch takes only a signal whose
  // constructor is named AbortSignal): renaming to avoid collisions would break them.
  keepNames: true,
  // Bundled CommonJS packages call require() for Node's modules.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
