// One plain HTTP request to the bench's server on loopback, its answer read
// whole. No imports from the app: the ping thread loads it on its own.
import http from "node:http";

export function request(
  port: number,
  method: string,
  pathname: string,
  apiKey?: string,
  body?: string | Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    if (body) headers["content-type"] = "application/json";
    // A new TCP connection per request: the case that starves first, and no
    // race with the server closing an idle keep-alive socket.
    const req = http.request({ host: "127.0.0.1", port, method, path: pathname, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}
