// What a test gets from the org fixture: the org, its three users (who sign in
// with e2ePassword) and its agents. Plain data, shared by the test side and the
// database thread that writes it.
export const e2ePassword = "e2e-password";

export type E2eRole = "admin" | "auditor" | "member";
export type E2eUser = { id: string; email: string; name: string; role: E2eRole; orgId: string; password: string };

export const e2eAgentNames = [
  "Support Triage",
  "Sales Outreach",
  "Recruiting Coordinator",
  "Invoice Processor",
] as const;
export type E2eAgentName = (typeof e2eAgentNames)[number];
export type E2eAgent = { id: string; name: E2eAgentName; emailAddress: string };

export type E2eOrg = {
  id: string;
  slug: string;
  name: string;
  /** The mail domain of the org's agents, e.g. acme.test. */
  domain: string;
  admin: E2eUser;
  auditor: E2eUser;
  member: E2eUser;
  agents: Record<E2eAgentName, E2eAgent>;
};

export type CreateE2eOrgOptions = {
  /** Shown in the org switcher; names need not be unique (slugs are). Default "Acme Robotics". */
  name?: string;
};
