import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/domain/roles.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("the manual", () => {
  it("documents every command of the permission table in docs/", () => {
    const docs = readdirSync(path.join(root, "docs"))
      .filter((file) => file.endsWith(".md"))
      .map((file) => readFileSync(path.join(root, "docs", file), "utf8"))
      .join("\n");
    const commands = Object.keys(COMMANDS);
    expect(commands.length).toBeGreaterThan(30);
    expect(commands.filter((command) => !docs.includes(`/${command}`))).toEqual([]);
  });

  it("keeps the README the front door: the two command lines, under 12 KB", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm install && npm test");
    expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
  });
});
