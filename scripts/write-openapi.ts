// Writes the OpenAPI document to a file (default openapi.json) for `redocly lint`
// and for people who want it without running the server: npm run lint:openapi.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

const outFile = process.argv[2] ?? "openapi.json";
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(buildOpenApiDocument().document, null, 2) + "\n");
console.log(`wrote ${outFile}`);
