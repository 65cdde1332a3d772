import v8 from "node:v8";

/**
 * `npm start` sizes the main thread's heap (SERVER_HEAP_MB and
 * SERVER_SEMI_SPACE_MB, passed to node as `--max-old-space-size` and
 * `--max-semi-space-size`). V8 flags are process-wide, and those would
 * override every worker thread's own `resourceLimits` as well; clearing them
 * once the main isolate has been created leaves them on the main thread alone,
 * and worker threads started later keep their own limits.
 */
export function clearInheritedHeapLimits(): void {
  v8.setFlagsFromString("--max-old-space-size=0");
  v8.setFlagsFromString("--max-semi-space-size=0");
}
