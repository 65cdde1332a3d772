// Adds up the JSON reports vitest and Playwright wrote during CI and prints
// one closing line: "Tests: N passed, N failed, N skipped".
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "test-results/ci";
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith(".json")) continue;
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  if (report.stats && "expected" in report.stats) {
    // Playwright
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  } else if ("numPassedTests" in report) {
    // Vitest (jest-compatible)
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}

console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
