import type { ManifestEntry } from "@/lib/compliance/reports/report-definition";
import type { PopulationSource } from "./population-source";

/** A manifest entry from database aggregates only: count, first and last row by (time, id). */
export async function describePopulation(source: PopulationSource<unknown>): Promise<ManifestEntry> {
  const [rowCount, first, last] = await Promise.all([source.count(), source.edge("asc"), source.edge("desc")]);
  return {
    source: source.source,
    filter: source.filter,
    rowCount,
    first: first && { at: first.at.toISOString(), id: first.id },
    last: last && { at: last.at.toISOString(), id: last.id },
  };
}
