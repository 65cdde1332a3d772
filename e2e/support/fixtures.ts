// The browser tests' fixtures, in the manner of epic-stack's: each test that
// asks for `org` gets a fresh organization (admin, auditor, member, agents and a
// month of activity) written straight into the run's database, and `signInAs`
// puts a session cookie for one of its users into the browser context, so a
// test starts signed in without going through the form. Everything a test
// created is deleted after it, pass or fail. The sign-in spec still uses the form.
import { test as base, expect, type BrowserContext } from "@playwright/test";
import type { DatabaseOperations } from "./database/database-operations";
import { startDatabaseThread } from "./database/start-database-thread";
import type { CreateE2eOrgOptions, E2eOrg, E2eRole, E2eUser } from "./e2e-org";
import { readE2eRun } from "./e2e-run";
import { mintSessionCookie } from "./mint-session-cookie";

export { expect } from "@playwright/test";
export type { E2eOrg, E2eUser } from "./e2e-org";

type SignInOptions = {
  /** Another browser context than the test's own (e.g. a second person). */
  context?: BrowserContext;
  /** The org the session acts in; default the user's own. */
  orgId?: string;
};

type TestFixtures = {
  /** Makes another org for this test (deleted after it). */
  createOrg: (options?: CreateE2eOrgOptions) => Promise<E2eOrg>;
  /** This test's own org. */
  org: E2eOrg;
  /** Gives `user` a `role` in `org` as well (a person in two orgs). */
  addMembership: (user: E2eUser, org: E2eOrg, role: E2eRole) => Promise<void>;
  /** Signs `user` in by cookie; the next navigation is signed in. */
  signInAs: (user: E2eUser, options?: SignInOptions) => Promise<void>;
  /**
   * Every Content-Security-Policy violation the test's pages reported. Automatic:
   * a test whose pages broke the policy fails after it, so the whole suite runs
   * under the CSP. A test that provokes one on purpose empties the list.
   */
  cspViolations: string[];
};

type WorkerFixtures = {
  /** Writes to the run's database, for states the UI cannot make on demand. */
  database: DatabaseOperations;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern, hence `{}`;
  // the second is named `provide`, not Playwright's usual `use`, which React's hook rule would flag.
  database: [
    async ({}, provide) => {
      const thread = startDatabaseThread(readE2eRun().databaseUrl);
      await provide(thread.operations);
      await thread.close();
    },
    { scope: "worker" },
  ],
  createOrg: async ({ database }, provide) => {
    const created: E2eOrg[] = [];
    await provide(async (options) => {
      const org = await database.createOrg(options);
      created.push(org);
      return org;
    });
    for (const org of created.reverse()) await database.deleteOrg(org);
  },
  // The browser context (built from contextOptions) thereby depends on createOrg, so it closes
  // before the test's orgs are deleted: a page still polling the server while its org
  // disappears would make requests fail half-way (errors in the server log).
  contextOptions: async ({ contextOptions, createOrg }, provide) => {
    void createOrg;
    await provide(contextOptions);
  },
  org: async ({ createOrg }, provide) => {
    await provide(await createOrg());
  },
  addMembership: async ({ database }, provide) => {
    await provide((user, org, role) => database.addMembership(user.id, org.id, role));
  },
  cspViolations: [
    async ({ context }, provide) => {
      const violations: string[] = [];
      // Chromium logs each blocked script, style or connection as a console error naming the policy;
      // the DOM event also catches what a page reports without logging.
      context.on("console", (message) => {
        if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
          violations.push(`${message.location().url}: ${message.text()}`);
        }
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(
            `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`,
          );
        });
      });
      await provide(violations);
      expect(violations, "the pages broke the Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ context, baseURL }, provide) => {
    if (!baseURL) throw new Error("signInAs needs use.baseURL (playwright.config.ts sets it)");
    await provide(async (user, options = {}) => {
      const cookie = await mintSessionCookie(user, options.orgId ?? user.orgId, readE2eRun().authSecret);
      await (options.context ?? context).addCookies([{ ...cookie, url: baseURL }]);
    });
  },
});
