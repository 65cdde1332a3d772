// Report threads run at a lower CPU priority than the main thread: on Linux
// each thread has its own nice value, so only the calling thread changes.
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { reportThreadNice } from "@/lib/process/lower-thread-priority";

const linux = fs.existsSync("/proc/thread-self/stat");

/** Field 19 of /proc/<…>/stat is the nice value; the command name before it may hold spaces. */
function niceOf(statFile: string): number {
  const stat = fs.readFileSync(statFile, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

/** Runs lowerThreadPriority in a fresh worker thread (from source, via tsx) and returns that thread's nice value. */
function niceInWorker(env: Record<string, string>): Promise<number> {
  const source = `
    const { parentPort } = require("node:worker_threads");
    const fs = require("node:fs");
    require("tsx/cjs/api").require("./lib/process/lower-thread-priority.ts", __filename).lowerThreadPriority();
    const stat = fs.readFileSync("/proc/thread-self/stat", "utf8");
    parentPort.postMessage(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, env: { ...process.env, ...env } });
    worker.once("message", (nice: number) => resolve(nice));
    worker.once("error", reject);
  });
}

const saved = process.env.REPORT_WORKER_NICE;
afterEach(() => {
  if (saved === undefined) delete process.env.REPORT_WORKER_NICE;
  else process.env.REPORT_WORKER_NICE = saved;
});

describe("reportThreadNice", () => {
  it("is 10 unless REPORT_WORKER_NICE sets 0–19, and refuses anything else by name", () => {
    delete process.env.REPORT_WORKER_NICE;
    expect(reportThreadNice()).toBe(10);
    process.env.REPORT_WORKER_NICE = "0";
    expect(reportThreadNice()).toBe(0);
    process.env.REPORT_WORKER_NICE = "19";
    expect(reportThreadNice()).toBe(19);
    for (const bad of ["-5", "20", "high", "2.5"]) {
      process.env.REPORT_WORKER_NICE = bad;
      expect(() => reportThreadNice()).toThrow(/REPORT_WORKER_NICE must be an integer from 0 to 19/);
    }
  });
});

describe.runIf(linux)("lowerThreadPriority", () => {
  it("lowers the calling thread only, not the process's main thread", async () => {
    const mainBefore = niceOf("/proc/thread-self/stat");
    expect(await niceInWorker({ REPORT_WORKER_NICE: "" })).toBe(10);
    expect(await niceInWorker({ REPORT_WORKER_NICE: "15" })).toBe(15);
    expect(niceOf("/proc/thread-self/stat")).toBe(mainBefore);
  });

  it("leaves the thread alone when REPORT_WORKER_NICE is 0", async () => {
    expect(await niceInWorker({ REPORT_WORKER_NICE: "0" })).toBe(niceOf("/proc/thread-self/stat"));
  });
});
