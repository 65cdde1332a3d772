// The shape of GET /api/health, for the OpenAPI document.
import { z } from "zod";

export const databaseHealthSchema = z
  .object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgresql"]) })
  .meta({ id: "Health" });
