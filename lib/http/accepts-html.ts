// Whether a request comes from a browser that wants a page, rather than from a
// program that wants JSON: browsers name text/html in Accept on every navigation.
export function acceptsHtml(accept: string | null): boolean {
  return (accept ?? "").split(",").some((range) => range.split(";")[0]?.trim().toLowerCase() === "text/html");
}
