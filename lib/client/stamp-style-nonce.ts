// Some libraries add <style> elements from script without a way to pass them
// a nonce (Scalar's toasts and Vue's custom-element styles), and the
// Content-Security-Policy applies a <style> only with this page's nonce. While
// installed, every <style> created through document.createElement carries it:
// only scripts the policy already trusts can call it, while <style> markup
// injected into the page stays blocked. Returns the function that uninstalls it.
export function stampStyleNonce(nonce: string): () => void {
  const createElement = document.createElement;
  document.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (tagName.toLowerCase() === "style") element.setAttribute("nonce", nonce);
    return element;
  } as typeof document.createElement;
  return () => {
    document.createElement = createElement;
  };
}
