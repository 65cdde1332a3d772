// Joins the ids a control's aria-describedby names, leaving out absent ones.
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean).join(" ");
  return present || undefined;
}
