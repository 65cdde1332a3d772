import fs from "node:fs";
import { createDatabaseClient } from "@/lib/db";
import { createBenchKey, request, sleep, startServer, stopServer, descendants } from "../bench-server";
const databaseUrl = "file:./data/bench/attest.db";
async function main() {
  const db = createDatabaseClient(databaseUrl);
  const key = await createBenchKey(db, "org_acme");
  const server = await startServer({ port: 3461, databaseUrl, env: { REPORT_WORKERS: "0" } });
  const list = await request(3461, "GET", "/api/engine/compliance/reports?limit=25", key);
  const id = JSON.parse(list.body).data?.[0]?.id ?? JSON.parse(list.body).reports?.[0]?.id;
  console.log("first", list.status, String(id));
  const cpu = () => descendants(server.pid).map((pid) => { const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return Number(s[11]) + Number(s[12]); }).reduce((a, b) => a + b, 0);
  for (let i = 0; i < 50; i++) await request(3461, "GET", "/api/engine/compliance/reports?limit=25", key);
  const before = cpu(); const t0 = performance.now();
  const n = 300;
  for (let i = 0; i < n; i++) {
    const target = i % 2 ? `/api/engine/compliance/reports/${id}` : "/api/engine/compliance/reports?limit=25";
    const r = await request(3461, "GET", target, key);
    if (r.status !== 200) console.log(r.status);
  }
  const ms = performance.now() - t0; const ticks = cpu() - before;
  console.log(`${n} requests: ${(ms / n).toFixed(1)} ms wall each, ${((ticks * 10) / n).toFixed(1)} ms CPU each`);
  await stopServer(server.child);
  await db.$disconnect();
}
void main();
