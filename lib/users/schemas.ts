// Input and answers of the Users API (/api/users) and the public set-password step.
import { z } from "zod";
import { roles } from "@/lib/auth/identity";

/** The shortest password a person may set (the first admin's rule too). */
export const minimumPasswordLength = 12;

export const memberStatuses = ["active", "invited"] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("Give a valid email address").max(320),
  role: z.enum(roles, { message: `Choose a role: ${roles.join(", ")}` }),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The new account's name when the email has none yet (default: the email's local part)" }),
});
export type AddMemberInput = z.output<typeof addMemberSchema>;

export const changeMemberRoleSchema = z.object({
  role: z.enum(roles, { message: `Choose a role: ${roles.join(", ")}` }),
});
export type ChangeMemberRoleInput = z.output<typeof changeMemberRoleSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "The link is not a valid invitation link"),
  password: z
    .string()
    .min(minimumPasswordLength, `Use at least ${minimumPasswordLength} characters`)
    .max(1024, "Use at most 1024 characters"),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

export const memberResponseSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    status: z.enum(memberStatuses).meta({ description: "invited: has not set a password from the invitation yet" }),
    joinedAt: z.iso.datetime().meta({ description: "When the membership was created" }),
    lastSignInAt: z.iso.datetime().nullable().meta({ description: "The last successful sign-in; null: never" }),
    invitationExpiresAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: "An invited member's open set-password link expires then; null: none open" }),
  })
  .meta({ id: "Member", description: "A member of the caller's organization." });
export type MemberResponse = z.output<typeof memberResponseSchema>;

export const memberListSchema = z.object({ members: z.array(memberResponseSchema) }).meta({ id: "MemberList" });

export const addedMemberSchema = z
  .object({
    member: memberResponseSchema,
    invitation: z
      .object({
        url: z.string().meta({ description: "The one-time set-password link, shown this once: pass it on" }),
        expiresAt: z.iso.datetime(),
      })
      .nullable()
      .meta({ description: "Set when the email had no account: the new member sets a password through the link" }),
  })
  .meta({ id: "AddedMember" });
export type AddedMemberResponse = z.output<typeof addedMemberSchema>;
