// /api/auth/*: bodies are capped (413) and malformed JSON is a 400, both in
// the API's error body, before next-auth reads anything.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { boundAuthRequestBody, maxAuthBodyBytes } from "@/lib/auth/handle-auth-request";
import type { ErrorBody } from "@/tests/support/error-body";

const context = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(1024, bytes - sent)).fill(0x61);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("POST /api/auth/* body limits", () => {
  it("answers 413 to a sign-in form larger than the cap", async () => {
    const body = new URLSearchParams({ email: "a@example.test", password: "x".repeat(maxAuthBodyBytes) }).toString();
    const response = await POST(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      }),
      context("callback", "credentials"),
    );

    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });

  it("answers 413 to a streamed body without Content-Length once it passes the cap", async () => {
    const response = await POST(
      new Request("http://localhost/api/auth/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: streamOf(10 * 1024 * 1024),
        duplex: "half",
      } as RequestInit),
      context("session"),
    );

    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });

  it("answers 400 to malformed JSON", async () => {
    const response = await POST(
      new Request("http://localhost/api/auth/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"csrfToken":',
      }),
      context("session"),
    );

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toEqual({ code: "bad_request", message: "The request body is not valid JSON" });
  });
});

describe("boundAuthRequestBody", () => {
  it("hands next-auth the same form a browser posts, with nextUrl", async () => {
    const form = new URLSearchParams({
      csrfToken: "token",
      email: "admin@example.test",
      password: "pa ss&word=ü",
      callbackUrl: "/dashboard",
      json: "true",
    });
    const bounded = await boundAuthRequestBody(
      new Request("http://localhost/api/auth/callback/credentials?x=1", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      }),
    );

    expect(bounded.method).toBe("POST");
    expect(bounded.nextUrl.searchParams.get("x")).toBe("1");
    expect(bounded.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await bounded.text()))).toEqual(Object.fromEntries(form));
  });

  it("passes a JSON session update through unchanged", async () => {
    const payload = { csrfToken: "token", data: { orgId: "org_1" } };
    const bounded = await boundAuthRequestBody(
      new Request("http://localhost/api/auth/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      }),
    );

    expect(await bounded.json()).toEqual(payload);
  });
});
