// The benchmark scripts' data set: the demo organizations at a scale (default
// 20: the high-volume agent has 200,000 emails and 1,000,000 audit events),
// seeded once into the benchmark database and reused while it is complete.
import type { Database } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getDemoVolumes } from "@/lib/demo/get-demo-volumes";
import { seedDemo } from "@/lib/demo/seed-demo";

export async function ensureBenchDataset(db: Database, databaseUrl: string, scale: number): Promise<void> {
  await applyMigrations(databaseUrl);
  const volumes = getDemoVolumes(scale);
  const top = await db.email.groupBy({
    by: ["agentId"],
    _count: { _all: true },
    orderBy: { _count: { agentId: "desc" } },
    take: 1,
  });
  const have = top[0]?._count._all ?? 0;
  if (have >= volumes.highVolumeAgentEmails) {
    console.log(`Reusing the data set (top agent has ${have.toLocaleString()} emails).`);
    return;
  }
  console.log(`Seeding the data set at scale ${scale}…`);
  const started = performance.now();
  await seedDemo({
    scale,
    reset: true,
    databaseUrl,
    onProgress: (step, rows, ms) =>
      console.log(`  ${step.padEnd(32)} ${String(rows).padStart(10)} rows  ${(ms / 1000).toFixed(1)} s`),
  });
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
