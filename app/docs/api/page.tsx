// /docs/api — the API reference, public like the document it renders (GET /api/engine/openapi.json).
import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { getOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <main id="main">
      <ApiReference document={getOpenApiDocument()} />
    </main>
  );
}
