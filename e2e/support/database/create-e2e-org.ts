// A fresh organization for one browser test: an admin, an auditor and a member
// (who sign in with e2ePassword), four agents and four weeks of their activity
// (write-e2e-activity.ts). Written through Prisma into the run's database,
// whichever provider it is (runs in the database thread, see database-thread.ts).
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Database } from "@/lib/db";
import { activityDays, writeE2eActivity } from "./write-e2e-activity";
import {
  e2eAgentNames,
  e2ePassword,
  type CreateE2eOrgOptions,
  type E2eAgent,
  type E2eAgentName,
  type E2eOrg,
  type E2eRole,
  type E2eUser,
} from "../e2e-org";

const dayMs = 24 * 60 * 60 * 1000;

// The lowest bcrypt cost: every test makes users, and nothing here needs strength.
let passwordHash: Promise<string> | undefined;
function getPasswordHash(): Promise<string> {
  passwordHash ??= bcrypt.hash(e2ePassword, 4);
  return passwordHash;
}

export async function createE2eOrg(db: Database, options: CreateE2eOrgOptions = {}): Promise<E2eOrg> {
  const suffix = randomBytes(5).toString("hex");
  const name = options.name ?? "Acme Robotics";
  const word =
    name
      .split(/\s+/)[0]!
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "") || "org";
  const domain = `${word}.test`;
  const org = await db.organization.create({
    data: { slug: `e2e-${word}-${suffix}`, name },
    select: { id: true, slug: true, name: true },
  });
  const [admin, auditor, member] = await Promise.all(
    (["admin", "auditor", "member"] as const).map((role) => createE2eUser(db, { orgId: org.id, role, domain })),
  );
  const agents = await createAgents(db, org.id, domain);
  const e2eOrg: E2eOrg = { ...org, domain, admin: admin!, auditor: auditor!, member: member!, agents };
  await writeE2eActivity(db, e2eOrg);
  return e2eOrg;
}

/** A user with `role` in `orgId`; the email is unique across runs (users are global, orgs are not). */
async function createE2eUser(db: Database, input: { orgId: string; role: E2eRole; domain?: string }): Promise<E2eUser> {
  const email = `${input.role}-${randomBytes(5).toString("hex")}@${input.domain ?? "e2e.test"}`;
  const name = `E2E ${input.role[0]!.toUpperCase()}${input.role.slice(1)}`;
  const user = await db.user.create({
    data: {
      email,
      name,
      passwordHash: await getPasswordHash(),
      memberships: { create: { orgId: input.orgId, role: input.role } },
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, role: input.role, orgId: input.orgId, password: e2ePassword };
}

async function createAgents(db: Database, orgId: string, domain: string): Promise<Record<E2eAgentName, E2eAgent>> {
  const local = (agentName: string) => agentName.toLowerCase().replace(/\s+/g, "-");
  const agents = e2eAgentNames.map((agentName) => ({
    id: `e2e_agent_${randomUUID()}`,
    name: agentName,
    emailAddress: `${local(agentName)}@${domain}`,
  }));
  await db.agent.createMany({
    data: agents.map((agent) => ({
      ...agent,
      orgId,
      description: `${agent.name} (browser-test fixture)`,
      allowedTools: ["email.send", "crm.lookup"],
      allowedRecipientDomains: [domain, "example.com"],
      dailySendLimit: 200,
      createdAt: new Date(Date.now() - (activityDays + 30) * dayMs),
    })),
  });
  return Object.fromEntries(agents.map((agent) => [agent.name, agent])) as Record<E2eAgentName, E2eAgent>;
}
