// Who may see an org's agents and their permission boundaries. The Agents page,
// its nav link and GET /api/agents all check this one permission, so the page
// never shows what the API refuses: admins, auditors and keys with read scope.
import type { Permission } from "@/lib/auth/identity";

export const viewAgentsPermission = "reports:read" satisfies Permission;
