// Every API route answers every method: with its own handler, or the JSON 405
// naming the methods it does take.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { httpMethods, isMethodRejector } from "@/lib/api/reject-other-methods";

const apiDirectory = path.join(process.cwd(), "app/api");
const routeFiles = (readdirSync(apiDirectory, { recursive: true }) as string[])
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.join("app/api", file))
  .sort();

describe("API route methods", () => {
  it("finds the route files", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
  });

  it.each(routeFiles)("%s answers GET, POST, PUT, PATCH and DELETE", async (file) => {
    const route = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    const implemented = httpMethods.filter((method) => !isMethodRejector(route[method]));
    for (const method of httpMethods) {
      expect(typeof route[method], `${file} exports ${method}`).toBe("function");
    }
    expect(implemented.length, `${file} implements a method`).toBeGreaterThan(0);
    for (const method of httpMethods.filter((candidate) => isMethodRejector(route[candidate]))) {
      const handler = route[method] as (request: Request) => Promise<Response>;
      const response = await handler(new Request("http://localhost/api/x", { method }));
      expect(response.status, `${file} ${method}`).toBe(405);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const allow = response.headers.get("allow")?.split(", ") ?? [];
      for (const allowed of implemented) expect(allow).toContain(allowed);
      expect(allow).not.toContain(method);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("method_not_allowed");
      expect(body.error.message).toEqual(expect.any(String));
    }
  });
});
