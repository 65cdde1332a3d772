// The caller's org's privacy profile; empty fields until an admin saves one.
import type { PrivacyProfileResponse } from "./schemas";
import { privacyDatabaseOf, type PrivacyContext } from "./privacy-context";

export const privacyProfileSelect = {
  controllerName: true,
  controllerContact: true,
  dpoContact: true,
  supervisoryAuthorityName: true,
  supervisoryAuthorityUrl: true,
  updatedAt: true,
  updatedByLabel: true,
} as const;

export async function getPrivacyProfile(ctx: PrivacyContext): Promise<PrivacyProfileResponse> {
  const profile = await privacyDatabaseOf(ctx).privacyProfile.findUnique({
    where: { orgId: ctx.identity.orgId },
    select: privacyProfileSelect,
  });
  return toPrivacyProfileResponse(profile);
}

export function toPrivacyProfileResponse(
  profile: {
    controllerName: string;
    controllerContact: string;
    dpoContact: string | null;
    supervisoryAuthorityName: string;
    supervisoryAuthorityUrl: string | null;
    updatedAt: Date;
    updatedByLabel: string;
  } | null,
): PrivacyProfileResponse {
  if (!profile) {
    return {
      controllerName: "",
      controllerContact: "",
      dpoContact: null,
      supervisoryAuthorityName: "",
      supervisoryAuthorityUrl: null,
      updatedAt: null,
      updatedBy: null,
    };
  }
  const { updatedAt, updatedByLabel, ...fields } = profile;
  return { ...fields, updatedAt: updatedAt.toISOString(), updatedBy: updatedByLabel };
}
