#!/usr/bin/env node
// Entry of `dist/cli.js` (the `crosscheck` command). The logic lives in cli/app.ts.
import { main } from './cli/app';

process.exitCode = main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
});
