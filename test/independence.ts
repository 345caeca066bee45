/**
 * Checks that end-to-end tests do not depend on the tests before them: runs tests on their own
 * (`vitest run <file> -t <name>`) and reports those that fail alone. By default a sample — each
 * file's last test and the one in its middle, which rely most on what came before; `--all` runs
 * every one (several minutes). `npm run test:independence [-- --all]`.
 */
import { execFileSync, spawnSync } from "node:child_process";

const all = process.argv.includes("--all");
const listed = execFileSync("npx", ["vitest", "list", "test/e2e"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 })
  .split("\n")
  .map((line) => /^(test\/e2e\/[^ ]+) > (?:.* > )?(.+)$/.exec(line.trim()))
  .flatMap((match) => (match ? [{ file: match[1] as string, name: match[2] as string }] : []));

const byFile = new Map<string, string[]>();
for (const { file, name } of listed) {
  const names = byFile.get(file) ?? [];
  if (!names.includes(name)) names.push(name);
  byFile.set(file, names);
}
const chosen = [...byFile].flatMap(([file, names]) => {
  const picked = all ? names : [...new Set([names[Math.floor(names.length / 2)], names.at(-1)])];
  return picked.flatMap((name) => (name ? [{ file, name }] : []));
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const failures: string[] = [];
for (const [index, { file, name }] of chosen.entries()) {
  const started = Date.now();
  const run = spawnSync("npx", ["vitest", "run", file, "-t", `${escapeRegExp(name)}$`], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const ran = /Tests\s+.*?(\d+) passed/.exec(run.stdout);
  const ok = run.status === 0 && ran !== null;
  process.stdout.write(`${ok ? "ok  " : "FAIL"} ${index + 1}/${chosen.length} ${file} > ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (!ok) failures.push(`${file} > ${name}`);
}
process.stdout.write(
  failures.length ? `\n${failures.length} test(s) fail on their own:\n${failures.join("\n")}\n` : `\nall ${chosen.length} ran on their own\n`,
);
process.exit(failures.length ? 1 : 0);
