import { redirect } from "next/navigation";

// The product lives under /dashboard; the landing page sends each role to its start page
// (signed-out visitors to /login first).
export default function HomePage() {
  redirect("/dashboard/landing");
}
