// Runs the built CLI in this process and prints its exit status and peak memory as JSON on the last stdout line.
// Worker threads live in the same process, so maxRSS covers the whole pool (process.resourceUsage() is in KiB).
import { main } from '../../dist/cli/main.js';

const status = await main(['node', 'letter', ...process.argv.slice(2)]);
process.stdout.write(`\n${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = status;
