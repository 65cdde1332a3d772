// Saves the org's privacy profile (admins), audited with the fields that changed.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { describeActor } from "@/lib/auth/identity";
import { privacyProfileSelect, toPrivacyProfileResponse } from "./get-privacy-profile";
import { clockOf, privacyDatabaseOf, type PrivacyContext } from "./privacy-context";
import type { PrivacyProfileBody, PrivacyProfileResponse } from "./schemas";

export async function updatePrivacyProfile(
  ctx: PrivacyContext,
  body: PrivacyProfileBody,
): Promise<PrivacyProfileResponse> {
  const { identity } = ctx;
  const actor = describeActor(identity);
  const now = clockOf(ctx).now();
  const saved = await privacyDatabaseOf(ctx).$transaction(async (tx) => {
    // The chain first, before any read: on SQLite also the write lock (see lockAuditChain).
    await lockAuditChain(tx, identity.orgId);
    const before = await tx.privacyProfile.findUnique({
      where: { orgId: identity.orgId },
      select: privacyProfileSelect,
    });
    const data = { ...body, updatedAt: now, updatedByLabel: actor.actorLabel };
    const after = await tx.privacyProfile.upsert({
      where: { orgId: identity.orgId },
      create: { orgId: identity.orgId, ...data },
      update: data,
      select: privacyProfileSelect,
    });
    const changed = (Object.keys(body) as (keyof PrivacyProfileBody)[]).filter(
      (field) => (before?.[field] ?? null) !== after[field],
    );
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        ip: ctx.ip ?? null,
        action: "privacy_profile.updated",
        category: "compliance",
        targetType: "privacy_profile",
        targetId: identity.orgId,
        metadata: { changed, before: before ? pickFields(before) : null, after: pickFields(after) },
      },
      tx,
    );
    return after;
  }, chainTransactionOptions);
  return toPrivacyProfileResponse(saved);
}

function pickFields(profile: PrivacyProfileBody): PrivacyProfileBody {
  return {
    controllerName: profile.controllerName,
    controllerContact: profile.controllerContact,
    dpoContact: profile.dpoContact,
    supervisoryAuthorityName: profile.supervisoryAuthorityName,
    supervisoryAuthorityUrl: profile.supervisoryAuthorityUrl,
  };
}
