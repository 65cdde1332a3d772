// GET/POST /api/auth/* — next-auth: sign in, sign out, session, CSRF token, org switch (update)
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

export { handleAuthRequest as GET, handleAuthRequest as POST };
