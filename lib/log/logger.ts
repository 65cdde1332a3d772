// Structured JSON logs (pino). LOG_LEVEL tunes verbosity (vitest.config.ts makes tests silent).
import pino from "pino";
import { getEnv } from "@/lib/env";

export const logger = pino({
  level: getEnv().LOG_LEVEL,
  base: { service: "attest" },
  redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.passwordHash", "*.apiKey"],
});
