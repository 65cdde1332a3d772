import v8 from "node:v8";

/**
 * `npm start` caps the main thread's old generation (SERVER_HEAP_MB, passed to
 * node as `--max-old-space-size`). V8 flags are process-wide, and that one
 * would override every worker thread's own `resourceLimits` as well; clearing
 * it once the main isolate has been created leaves the cap on the main thread
 * alone, and worker threads started later keep their own limits.
 */
export function clearInheritedHeapLimit(): void {
  v8.setFlagsFromString("--max-old-space-size=0");
}
