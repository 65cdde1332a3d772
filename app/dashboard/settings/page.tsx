import { redirect } from "next/navigation";

// Settings opens on its first section (API keys; Report retention beside it).
export default function SettingsPage() {
  redirect("/dashboard/settings/api-keys");
}
