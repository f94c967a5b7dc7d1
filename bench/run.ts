import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run()` and prints its own figures).
 * `npm run bench -- metrics` runs only the files whose name contains "metrics".
 */
async function main() {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches "${filter}"`);
  for (const file of files) {
    console.log(`\n## ${file}`);
    const bench = (await import(join(__dirname, file))) as { run: () => Promise<void> };
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
