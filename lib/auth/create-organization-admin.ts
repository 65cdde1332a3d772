// Creates an organization and its first admin (`npm run create-admin`): how a
// real deployment, which gets no demo, gets its first sign-in. Refuses an email
// that already has an account rather than resetting someone's password.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { minimumPasswordLength } from "@/lib/users/schemas";

export const minimumAdminPasswordLength = minimumPasswordLength;

const inputSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  orgName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(minimumAdminPasswordLength).max(1024),
});

export type CreateOrganizationAdminInput = z.input<typeof inputSchema>;

function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

export async function createOrganizationAdmin(
  input: CreateOrganizationAdminInput,
): Promise<{ orgId: string; userId: string; slug: string }> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  const { email, orgName, password } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with the email ${email} already exists`);
  }
  const passwordHash = await bcrypt.hash(password, 12);
  let slug = slugFor(orgName);
  for (let suffix = 2; await db.organization.findUnique({ where: { slug }, select: { id: true } }); suffix += 1) {
    slug = `${slugFor(orgName)}-${suffix}`;
  }
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: orgName, slug }, select: { id: true } });
    const user = await tx.user.create({
      data: { email, name: parsed.data.name ?? email.split("@")[0]!, passwordHash },
      select: { id: true },
    });
    await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "admin" } });
    return { orgId: org.id, userId: user.id, slug };
  });
}
