import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Every TypeScript file under a folder, with what each of its import statements names. */
function importsUnder(folder: string): { file: string; specifier: string; target: string }[] {
  const files = readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  return files.flatMap((relative) => {
    const file = path.join(folder, relative);
    const text = readFileSync(path.join(root, file), "utf8");
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|import\("([^"]+)"\)/gm)].map((match) => match[1] ?? match[2] ?? "");
    return specifiers.map((specifier) => ({
      file,
      specifier,
      // Where a relative import lands, from the project's root; a package by its name.
      target: specifier.startsWith(".") ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier,
    }));
  });
}

const violations = (folder: string, forbidden: (target: string) => boolean) =>
  importsUnder(folder)
    .filter(({ target }) => forbidden(target))
    .map(({ file, specifier }) => `${file} imports ${specifier}`);

/** DESIGN.md's dependency direction: commands → services → domain, services → db. */
describe("the dependency direction", () => {
  it("keeps the domain free of the project's other layers, the database and the chat libraries", () => {
    expect(
      violations(
        "src/domain",
        (target) => /^(src\/(?!domain\/)|commands\/)/.test(target) || /^(drizzle-orm|grammy|@grammyjs\/|postgres|@electric-sql\/)/.test(target),
      ),
    ).toEqual([]);
  });

  it("keeps grammY out of the services", () => {
    expect(violations("src/services", (target) => /^(grammy|@grammyjs\/)/.test(target) || /^(commands|src\/(bot|transports))\//.test(target))).toEqual([]);
  });

  it("keeps the commands off drizzle, the database schema and the transports", () => {
    expect(violations("commands", (target) => /^drizzle-orm/.test(target) || /^src\/(db|transports|scheduler)\//.test(target))).toEqual([]);
  });

  it("finds the imports it checks (a check that reads nothing cannot fail)", () => {
    expect(importsUnder("commands").some(({ target }) => target === "src/services/roster")).toBe(false);
    expect(importsUnder("commands").some(({ target }) => target === "src/services/roster/index.js")).toBe(true);
    expect(importsUnder("src/services").some(({ specifier }) => specifier === "drizzle-orm")).toBe(true);
  });
});

/** A service area is a folder with an index.ts; a command sees the area through it, never its files. */
describe("the service areas", () => {
  const servicesRoot = path.join(root, "src/services");
  const areas = readdirSync(servicesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it("keeps src/services/ to its areas and at most 12 files beside them", () => {
    const rootFiles = readdirSync(servicesRoot, { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(rootFiles.length).toBeLessThanOrEqual(12);
    expect(areas.length).toBeGreaterThan(5);
    expect(areas.filter((area) => !readdirSync(path.join(servicesRoot, area)).includes("index.ts"))).toEqual([]);
  });

  it("lets the commands import an area only through its index.ts", () => {
    const inside = violations("commands", (target) => /^src\/services\/[^/]+\/(?!index\.js$)/.test(target));
    expect(inside).toEqual([]);
    expect(importsUnder("commands").some(({ target }) => target === "src/services/ballots/index.js")).toBe(true);
  });
});

describe("the shape of the source", () => {
  const sourceFiles = (folder: string) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => ({ file: path.join(folder, file), text: readFileSync(path.join(root, folder, file), "utf8") }));

  it("keeps every file of src/ and commands/ within 300 lines (one reason to change each)", () => {
    const files = [...sourceFiles("src"), ...sourceFiles("commands")];
    expect(files.length).toBeGreaterThan(50);
    const long = files.filter(({ text }) => text.split("\n").length > 300).map(({ file, text }) => `${file}: ${text.split("\n").length} lines`);
    expect(long).toEqual([]);
  });

  it("keeps the webhook server free of any platform: a platform brings its route", () => {
    expect(violations("src/transports/http", (target) => /^src\/transports\/(?!http\/|platform\.js$)/.test(target))).toEqual([]);
  });

  it("has no import circles, type-only imports included", () => {
    const edges = new Map<string, string[]>();
    for (const { file, target } of [...importsUnder("src"), ...importsUnder("commands")]) {
      if (!/^(src|commands)\//.test(target)) continue;
      const from = file.replace(/\.ts$/, "");
      edges.set(from, [...(edges.get(from) ?? []), target.replace(/\.js$/, "")]);
    }
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        circles.push([...trail.slice(trail.indexOf(node)), node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, "done");
    };
    for (const node of edges.keys()) visit(node, []);
    expect(edges.size).toBeGreaterThan(100);
    expect(circles).toEqual([]);
  });

  it("exports no types from db/ other than the database's own", () => {
    const exported = sourceFiles("src/db").flatMap(({ file, text }) => [...text.matchAll(/^export type (\w+)/gm)].map((match) => `${file}: ${match[1]}`));
    // The database handle and how to open it; everything the domain names lives in domain/.
    expect(exported.sort()).toEqual(["src/db/client.ts: Database", "src/db/client.ts: DatabaseHandle", "src/db/client.ts: OpenOptions"]);
  });
});
