// The Users API in the OpenAPI document: the org's members (read by admins and
// auditors, signed in), adding, re-roling and removing them (admins), and the
// public set-password step of an invitation.
import { z } from "zod";
import type { OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import {
  acceptInvitationSchema,
  addedMemberSchema,
  addMemberSchema,
  changeMemberRoleSchema,
  memberListSchema,
  memberResponseSchema,
  type MemberResponse,
} from "@/lib/users/schemas";

const memberExample: MemberResponse = {
  userId: "cmuser000000000auditor1",
  email: "auditor@acme.test",
  name: "Avery Auditor",
  role: "auditor",
  status: "active",
  joinedAt: "2026-06-01T09:00:00.000Z",
  lastSignInAt: "2026-11-30T08:12:00.000Z",
  invitationExpiresAt: null,
};

const invitedExample: MemberResponse = {
  userId: "cmuser0000000000newbie1",
  email: "newbie@acme.test",
  name: "newbie",
  role: "member",
  status: "invited",
  joinedAt: "2026-12-01T10:00:00.000Z",
  lastSignInAt: null,
  invitationExpiresAt: "2026-12-08T10:00:00.000Z",
};

export function registerUserPaths({ registry, json, errors }: OpenApiBuilder): void {
  const signedOut: ["unauthorized", string] = [
    "unauthorized",
    "Sign in or send an API key as `Authorization: Bearer …`",
  ];
  const adminOnly = errors(signedOut, ["forbidden", "This needs the `org:admin` permission"]);
  const userParams = z.object({ userId: z.string().meta({ example: memberExample.userId }) });

  registry.registerPath({
    method: "get",
    path: "/api/users",
    operationId: "listMembers",
    summary: "List the organization's members",
    description:
      "Every member with role, status (`invited` until the set-password link is used) and last sign-in. Admins and auditors, signed in; members and API keys get 403.",
    tags: ["Users"],
    security: [{ session: [] }],
    responses: {
      200: {
        description: "The members, admins first",
        content: json("GET /users 200", memberListSchema, { members: [memberExample, invitedExample] }),
      },
      ...errors(signedOut, ["forbidden", "This needs the `org:members` permission"]),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/users",
    operationId: "addMember",
    summary: "Add a member",
    description:
      "An email with an account joins at once (`status: active`). An email without one gets an account without a password and a one-time set-password link, valid 7 days, in this answer only (`invitation.url`): pass it on. Audited as `user.created`. 409 when the email is already a member.",
    tags: ["Users"],
    security: [{ session: [] }],
    request: {
      body: {
        required: true,
        content: json("POST /users body", addMemberSchema, { email: "newbie@acme.test", role: "member" }),
      },
    },
    responses: {
      201: {
        description: "Added",
        content: json("POST /users 201", addedMemberSchema, {
          member: invitedExample,
          invitation: {
            url: "https://attest.example.com/invitations/Vh3kQ9xY2mTz7Lw4Rb8Nc1Pd6Fs0Jg5Ha2Ke9Uo3Xi4",
            expiresAt: "2026-12-08T10:00:00.000Z",
          },
        }),
      },
      ...errors(
        ["validation_failed", "The request is invalid"],
        ["conflict", "newbie@acme.test is already a member of this organization"],
      ),
      ...adminOnly,
    },
  });

  registry.registerPath({
    method: "patch",
    path: "/api/users/{userId}",
    operationId: "changeMemberRole",
    summary: "Change a member's role",
    description:
      "Audited as `user.role_changed` (from/to). The organization keeps at least one active admin: demoting the last one is 409, also when two demotions arrive at once. Another org's user is 404.",
    tags: ["Users"],
    security: [{ session: [] }],
    request: {
      params: userParams,
      body: { required: true, content: json("PATCH /users/{userId} body", changeMemberRoleSchema, { role: "admin" }) },
    },
    responses: {
      200: {
        description: "The member as changed",
        content: json("PATCH /users/{userId} 200", z.object({ member: memberResponseSchema }), {
          member: { ...memberExample, role: "admin" },
        }),
      },
      ...errors(
        ["validation_failed", "The request is invalid"],
        ["not_found", "Member not found"],
        ["conflict", "An organization must keep at least one admin: make another member admin first"],
      ),
      ...adminOnly,
    },
  });

  registry.registerPath({
    method: "delete",
    path: "/api/users/{userId}",
    operationId: "removeMember",
    summary: "Remove a member",
    description:
      "The person loses access to this organization at once and their open set-password links here stop working; the account stays (it may belong to other orgs). Audited as `user.removed`. Removing the last active admin is 409.",
    tags: ["Users"],
    security: [{ session: [] }],
    request: { params: userParams },
    responses: {
      204: { description: "Removed" },
      ...errors(
        ["not_found", "Member not found"],
        ["conflict", "An organization must keep at least one admin: make another member admin first"],
      ),
      ...adminOnly,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/invitations/accept",
    operationId: "acceptInvitation",
    summary: "Set a password with an invitation link",
    description:
      "Public, no sign-in: the token (the last segment of the `/invitations/<token>` link) is the credential, and works once. An unknown token is 404; a used, expired or withdrawn one 410. Audited as `user.invitation_accepted`. Then sign in with the email and this password.",
    tags: ["Users"],
    security: [],
    request: {
      body: {
        required: true,
        content: json("POST /invitations/accept body", acceptInvitationSchema, {
          token: "Vh3kQ9xY2mTz7Lw4Rb8Nc1Pd6Fs0Jg5Ha2Ke9Uo3Xi4",
          password: "correct horse battery staple",
        }),
      },
    },
    responses: {
      200: {
        description: "The password is set",
        content: json("POST /invitations/accept 200", z.object({ email: z.string() }), { email: "newbie@acme.test" }),
      },
      ...errors(
        ["validation_failed", "The request is invalid"],
        ["not_found", "Invitation not found"],
        ["gone", "This link was already used, has expired or was withdrawn"],
      ),
    },
  });
}
