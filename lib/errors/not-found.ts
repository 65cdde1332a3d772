// Missing and "not yours" look the same to the caller (404), so tenancy leaks nothing.
import { AppError } from "@/lib/errors/app-error";

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
