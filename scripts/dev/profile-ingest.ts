// Dev tool: pushes ingest batches through the route handler in-process (no
// HTTP server) against DATABASE_URL and prints each batch's time, for CPU
// profiling with `node --cpu-prof`.
// Usage: DATABASE_URL=… node --conditions=react-server --import tsx scripts/dev/profile-ingest.ts audit-events|emails [batches]
import { POST } from "@/app/api/engine/ingest/[kind]/route";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { db } from "@/lib/db";
import { buildIngestBatch, recordSpacingMs, type IngestBenchKind } from "../bench/build-ingest-batch";

async function main() {
  const kind = (process.argv[2] ?? "audit-events") as IngestBenchKind;
  const batches = Number(process.argv[3] ?? 10);
  const org = await db.organization.findFirstOrThrow({ where: { name: "Acme Robotics" }, select: { id: true } });
  const agents = await db.agent.findMany({ where: { orgId: org.id }, select: { id: true }, take: 3 });
  const { key, prefix, hashedKey } = generateApiKey();
  await db.apiKey.create({
    data: { orgId: org.id, name: "profile-ingest", prefix, hashedKey, scopes: "events:write" },
  });
  const tag = Date.now().toString(36);
  const firstAt = Date.now();
  for (let round = 0; round < batches; round++) {
    const body = buildIngestBatch(
      kind,
      `${tag}-${round}`,
      agents.map((agent) => agent.id),
      1000,
      firstAt + round * 1000 * recordSpacingMs,
    );
    const request = new Request(`http://localhost/api/engine/ingest/${kind}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body,
    });
    const started = performance.now();
    const response = await POST(request, { params: Promise.resolve({ kind }) });
    const ms = performance.now() - started;
    if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
    console.log(`${kind} batch ${round}: ${ms.toFixed(0)} ms (${(body.length / 1e6).toFixed(2)} MB)`);
  }
  await db.$disconnect();
  // The route leaves handles open (the process did not end on its own), and
  // --cpu-prof writes its profile only when the process exits.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
