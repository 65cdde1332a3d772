// The formats a report is stored and downloaded in. No imports, so the browser's
// download links can share the list with the API's validation.
export const reportFormats = ["json", "csv"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What a download may ask for: a stored format, or the evidence package rendered from them. */
export const downloadFormats = [...reportFormats, "zip"] as const;
export type DownloadFormat = (typeof downloadFormats)[number];
