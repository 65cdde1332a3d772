// The audit chain verification's baseline: node hashing the same canonical
// bytes, one SHA-256 per event, read from a file (no database, no parsing).
// Prints the count and the last hash.
import { hash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";

const lines = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
let count = 0;
let last = "";
for await (const line of lines) {
  last = hash("sha256", line, "hex");
  count += 1;
}
console.log(JSON.stringify({ count, last }));
