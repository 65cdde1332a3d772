// Structured JSON logs (pino). LOG_LEVEL tunes verbosity; tests default to silent.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "attest" },
  redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.passwordHash", "*.apiKey"],
});
