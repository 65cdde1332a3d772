"use client";
// Hands the report-type catalogue from the server page to every component
// below it: it is fixed for a deployment, so it arrives with the page (no
// loading state) rather than through a query.
import { createContext, useContext, type ReactNode } from "react";
import {
  findReportTypeOption,
  type ReportTypeCatalogue,
  type ReportTypeOption,
} from "@/components/compliance/report-type-options";

const ReportTypeCatalogueContext = createContext<ReportTypeCatalogue | null>(null);

export function ReportTypeCatalogueProvider({
  catalogue,
  children,
}: {
  catalogue: ReportTypeCatalogue;
  children: ReactNode;
}) {
  return <ReportTypeCatalogueContext.Provider value={catalogue}>{children}</ReportTypeCatalogueContext.Provider>;
}

export function useReportTypeCatalogue(): ReportTypeCatalogue {
  const catalogue = useContext(ReportTypeCatalogueContext);
  if (!catalogue) throw new Error("useReportTypeCatalogue needs a ReportTypeCatalogueProvider above it");
  return catalogue;
}

export function useReportTypeOption(type: string): ReportTypeOption | undefined {
  return findReportTypeOption(useReportTypeCatalogue(), type);
}
