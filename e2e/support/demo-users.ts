// The demo logins seeded at server start (lib/demo/demo-catalog.ts); DEMO_PASSWORD overrides the password.
export const demoPassword = process.env.DEMO_PASSWORD ?? "demo-password";

export const demoUsers = {
  admin: { email: "admin@acme.test", role: "admin", org: "Acme Robotics" },
  auditor: { email: "auditor@acme.test", role: "auditor", org: "Acme Robotics" },
  member: { email: "member@acme.test", role: "member", org: "Acme Robotics" },
  globexAdmin: { email: "admin@globex.test", role: "admin", org: "Globex" },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];
