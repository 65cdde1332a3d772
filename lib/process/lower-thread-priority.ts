// Report generation and audit chain verification are background work: their threads run at a lower CPU
// priority than the server's main thread, so on a busy host the API's requests
// get the CPU first and generation takes what is left.
import fs from "node:fs";
import os from "node:os";
import { getEnv } from "@/lib/env";

/** The nice value of report generation threads (REPORT_WORKER_NICE, 0–19; 0 leaves them as they are). */
export function reportThreadNice(): number {
  return getEnv().REPORT_WORKER_NICE;
}

/**
 * Sets the calling thread's nice value. On Linux each thread has its own,
 * addressed by its thread id (read from /proc/thread-self); elsewhere, or if
 * the host refuses, nothing changes and false is returned.
 */
export function lowerThreadPriority(nice = reportThreadNice()): boolean {
  if (nice === 0) return false;
  try {
    const threadId = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    os.setPriority(threadId, nice);
    return true;
  } catch {
    return false;
  }
}
