// Query keys of the privacy pages, per org so a switch of organization never shows another org's data.
export const privacyQueryKeys = {
  profile: (orgId: string) => ["privacy-profile", orgId] as const,
  requests: (orgId: string) => ["data-subject-requests", orgId] as const,
};
