// A separate process for the seedDemoIfEmpty race test: two of these start at
// once against one empty database, like two servers booting together.
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo-if-empty";

const [url, anchor] = process.argv.slice(2);
seedDemoIfEmpty({ databaseUrl: url, scale: 0.01, anchor }).then(
  (result) => {
    process.stdout.write(`${JSON.stringify({ status: result?.status ?? null })}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
