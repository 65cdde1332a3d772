// Zod compiles object parsers with `new Function()` when it may; the
// Content-Security-Policy forbids eval in the browser, and even zod's probe for
// it is reported as a violation. In the browser every schema is interpreted
// instead (the server keeps the compiled fast path).
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
