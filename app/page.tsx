import { redirect } from "next/navigation";

// The product lives under /dashboard; its guard sends signed-out visitors to /login.
export default function HomePage() {
  redirect("/dashboard");
}
