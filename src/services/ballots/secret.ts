import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../config.js";

const SECRET_FILE = "ballot-secret";

/**
 * The secret ballots are sealed under: BALLOT_SECRET, the same on every instance and kept out of
 * the database (docs/ballot-secrecy.md). Without it (a single instance, the console try-out) a
 * random one is made once and kept in DATA_DIR beside the embedded database: a copy of that
 * folder then holds both, which the docs say.
 */
export async function ballotSecret(config: Pick<Config, "ballotSecret" | "dataDir">): Promise<string> {
  if (config.ballotSecret) return config.ballotSecret;
  const file = path.join(config.dataDir, SECRET_FILE);
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": two processes starting at once cannot both write one; the loser reads the winner's.
  try {
    await writeFile(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return (await readFile(file, "utf8")).trim();
  }
}
