// Any method on an unknown /api/* path — the JSON 404 instead of the HTML not-found page.
// Next prefers every exact and dynamic route over this catch-all.
import { withPublicRoute } from "@/lib/api/with-route";
import { AppError } from "@/lib/errors/app-error";

const notFound = withPublicRoute<{ path: string[] }>(async ({ request }) => {
  throw new AppError("not_found", `No API route at ${new URL(request.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
