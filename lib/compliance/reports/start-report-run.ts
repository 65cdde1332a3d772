// The state one report build shares between its sections: the scope resolved
// once (org, time window, agent filter, generation instant), the org's agent
// names, the manifest entries by source, and the progress tracker.
import type { BuildContext, ManifestEntry, ReportOutput } from "@/lib/compliance/reports/report-definition";
import type { Database } from "@/lib/db";
import type { AgentFilter } from "./build-agent-filter";
import type { TimeWindow } from "./build-time-window";
import { createProgressTracker, type ProgressTracker } from "./create-progress-tracker";
import { describePopulation } from "./describe-population";
import type { AgentDirectory } from "./load-agent-directory";
import type { PopulationSource } from "./population-source";

export type ReportRun = {
  ctx: BuildContext;
  db: Database;
  orgId: string;
  output: ReportOutput;
  agents: AgentDirectory;
  agentFilter: AgentFilter;
  window: TimeWindow;
  /** When generation began; nothing newer is read. */
  asOf: Date;
  progress: ProgressTracker;
  /** The manifest entry of each population, by its source name. */
  manifestOf(source: PopulationSource<unknown>): ManifestEntry;
};

/**
 * Describes every population with database aggregates, writes the manifest
 * (before any section, as the contract requires) and returns the run.
 */
export async function startReportRun(
  base: Omit<ReportRun, "progress" | "manifestOf">,
  populations: ReadonlyArray<PopulationSource<unknown>>,
): Promise<ReportRun> {
  const entries: ManifestEntry[] = [];
  for (const population of populations) {
    base.ctx.checkpoint();
    entries.push(await describePopulation(population));
  }
  await base.output.writeManifest(entries);
  const bySource = new Map(entries.map((entry) => [entry.source, entry]));
  const totalRows = entries.reduce((sum, entry) => sum + entry.rowCount, 0);
  return {
    ...base,
    progress: createProgressTracker(base.output, totalRows),
    manifestOf(source) {
      const entry = bySource.get(source.source);
      if (!entry) throw new Error(`Population ${source.source} is not in the manifest`);
      return entry;
    },
  };
}
