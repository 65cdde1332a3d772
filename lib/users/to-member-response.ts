import { isRole } from "@/lib/auth/identity";
import type { MemberResponse, MemberStatus } from "@/lib/users/schemas";

export type MemberRow = {
  role: string;
  status: string;
  createdAt: Date;
  user: { id: string; email: string; name: string; lastSignInAt: Date | null };
  openInvitationExpiresAt: Date | null;
};

export function toMemberResponse(row: MemberRow): MemberResponse {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: isRole(row.role) ? row.role : "member",
    status: (row.status === "invited" ? "invited" : "active") satisfies MemberStatus,
    joinedAt: row.createdAt.toISOString(),
    lastSignInAt: row.user.lastSignInAt?.toISOString() ?? null,
    invitationExpiresAt: row.openInvitationExpiresAt?.toISOString() ?? null,
  };
}
