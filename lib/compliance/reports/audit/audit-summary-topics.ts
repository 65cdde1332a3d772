// The areas the Audit Summary covers, each a slice of the audit trail.
import {
  allOf,
  anyOf,
  columnDoesNotStartWith,
  columnEquals,
  columnStartsWith,
  type SqlCondition,
} from "@/lib/db/sql-condition";
import type { AuditGroupField } from "../count-audit-events-by";

export type AuditTopic = {
  key: string;
  title: string;
  description: string;
  /** Which of the summary's events the topic counts; its words go in the section description. */
  condition: SqlCondition;
  /** Extra grouped counts besides by action and by actor. */
  extraCounts: Array<{ table: string; by: AuditGroupField[] }>;
};

export const apiKeyActionPrefix = "api_key.";
/** API key actions belong to system configuration whatever their category, so topics never overlap. */
const byCategory = (category: string): Pick<AuditTopic, "condition"> => ({
  condition: allOf(columnEquals("category", category), columnDoesNotStartWith("action", apiKeyActionPrefix)),
});

export const auditTopics: readonly AuditTopic[] = [
  {
    key: "user_administration",
    title: "User creation, deletion and permission changes",
    description: "Users created and removed, and role changes (before/after = from/to role).",
    ...byCategory("user_admin"),
    extraCounts: [{ table: "counts_by_user", by: ["targetId"] }],
  },
  {
    key: "agent_configuration",
    title: "Agent configuration changes",
    description: "Changes to agents' boundaries and settings, each with its before and after values.",
    ...byCategory("agent_config"),
    extraCounts: [{ table: "counts_by_agent", by: ["agentId", "action"] }],
  },
  {
    key: "secret_access",
    title: "Secret access and rotation",
    description:
      "Reads of vault secrets (including denied reads) and rotations, by secret and by actor: the audit events of " +
      "category secrets, and the vault's own access records (vault_access_by_secret, vault_access_by_actor and every " +
      "record in vault_accesses).",
    ...byCategory("secrets"),
    extraCounts: [{ table: "counts_by_secret", by: ["targetId", "action", "outcome"] }],
  },
  {
    key: "dlp_rule_changes",
    title: "DLP rule changes",
    description: "DLP rules created, updated (before/after) and deleted.",
    ...byCategory("dlp"),
    extraCounts: [{ table: "counts_by_rule", by: ["targetId", "action"] }],
  },
  {
    key: "system_configuration",
    title: "System configuration changes",
    description: `Organization settings changed (before/after), and API keys created or revoked ("${apiKeyActionPrefix}*" actions).`,
    condition: anyOf(columnEquals("category", "system_config"), columnStartsWith("action", apiKeyActionPrefix)),
    extraCounts: [{ table: "counts_by_setting", by: ["targetType", "targetId"] }],
  },
  {
    key: "compliance_exports",
    title: "Compliance report activity",
    description:
      "Compliance reports requested, completed, failed, downloaded and deleted, as Attest itself recorded them: " +
      "events pushed in through the ingest API are not counted here, whatever their category (they stay in the " +
      "events section, marked as ingested).",
    // Only Attest writes report activity; an ingested look-alike must not pass for it.
    condition: allOf(byCategory("compliance").condition, columnEquals("source", "attest")),
    extraCounts: [],
  },
];

export const auditSummaryCategories = ["user_admin", "agent_config", "secrets", "dlp", "system_config", "compliance"];
