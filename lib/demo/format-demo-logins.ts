// The demo sign-ins as printed after seeding. A password set through
// DEMO_PASSWORD is not echoed into logs; the default one is public anyway.
import { demoOrganizations, demoUsers } from "@/lib/demo/demo-catalog";
import { getEnv } from "@/lib/env";

export function formatDemoLogins(passwordFromEnv = getEnv().DEMO_PASSWORD): string {
  const lines = demoUsers
    .filter((user) => user.isDemoLogin)
    .map((user) => {
      const roles = user.memberships
        .filter((m) => m.removedDaysAgo === undefined)
        .map((m) => `${m.role} of ${demoOrganizations.find((o) => o.key === m.org)?.name ?? m.org}`)
        .join(", ");
      return `  ${user.email.padEnd(20)} ${roles}`;
    });
  const password = passwordFromEnv ? "the value of DEMO_PASSWORD" : '"demo-password"';
  return ["Demo logins (password: " + password + "):", ...lines].join("\n");
}
