import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliActor } from "../src/services/audit.js";
import { importRoster } from "../src/services/roster/import.js";
import { readRosterFile } from "../src/services/roster/file.js";
import { DRIVERS, log, round, scratchDatabase } from "./support.js";

/** Roster import of 1,000 and 10,000 rows (target: < 2 s for 10,000), first import and re-import. */
export async function rosterImport(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), "tdkt-bench-roster-"));
  const figures: Record<string, unknown> = { bench: "roster-import" };
  for (const driver of DRIVERS) {
    for (const size of [1_000, 10_000]) {
      const file = path.join(dir, `roster-${size}.csv`);
      const lines = ["Mã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ,Vai trò"];
      for (let i = 0; i < size; i++) {
        lines.push(`P${i % 40},Phòng số ${i % 40},CB${String(i).padStart(6, "0")},Nguyễn Văn Số ${i},Chuyên viên,${i % 40 === 0 ? "head" : "staff"}`);
      }
      writeFileSync(file, lines.join("\n"));
      const database = await scratchDatabase(driver);
      const context = { clock: () => new Date(), actor: cliActor, source: file };
      const first = performance.now();
      const created = await importRoster(database.db, await readRosterFile(file), context);
      const firstMs = performance.now() - first;
      const again = performance.now();
      const unchanged = await importRoster(database.db, await readRosterFile(file), context);
      const againMs = performance.now() - again;
      await database.close();
      log(
        `${driver}: ${size} rows imported in ${round(firstMs, 0)} ms (${created.created} created); re-import ${round(againMs, 0)} ms (${unchanged.unchanged} unchanged)`,
      );
      figures[`${driver}_${size}_ms`] = round(firstMs, 0);
      figures[`${driver}_${size}_reimport_ms`] = round(againMs, 0);
    }
  }
  figures.target_10000_ms = 2000;
  return figures;
}
