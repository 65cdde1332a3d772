import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import { fetchJson } from "@/lib/client/fetch-json";

function respondWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function jsonResponse(body: unknown, status: number) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("sends a JSON body with same-origin cookies and returns the parsed answer", async () => {
    const fetchMock = respondWith(jsonResponse({ id: "r1" }, 202));
    await expect(fetchJson<{ id: string }>("/api/x", { method: "POST", json: { a: 1 } })).resolves.toEqual({
      id: "r1",
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/x");
    expect(init?.credentials).toBe("same-origin");
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ accept: "application/json", "content-type": "application/json" });
  });

  it("returns undefined for 204 No Content", async () => {
    respondWith(new Response(null, { status: 204 }));
    await expect(fetchJson("/api/x", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws the API's error body as an ApiError with its field messages", async () => {
    respondWith(
      jsonResponse(
        {
          error: {
            code: "invalid_request",
            message: "Invalid request",
            details: { fields: { "dateRange.from": ["Use a date as YYYY-MM-DD", 7] } },
          },
        },
        400,
      ),
    );
    const error = await fetchJson("/api/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", message: "Invalid request" });
    expect((error as ApiError).fields).toEqual({ "dateRange.from": ["Use a date as YYYY-MM-DD"] });
  });

  it("falls back to the status line when the failure is not the API's JSON", async () => {
    respondWith(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    const error = await fetchJson("/api/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: "http_error", message: "Request failed (502 Bad Gateway)" });
    expect((error as ApiError).fields).toEqual({});
  });
});
