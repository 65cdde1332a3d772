// GET/POST /api/auth/* — next-auth: sign in, sign out, session, CSRF token, org switch (update)
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export { handleAuthRequest as GET, handleAuthRequest as POST };

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
