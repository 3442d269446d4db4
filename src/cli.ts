#!/usr/bin/env node
// Entry of `dist/cli.js` (the `crosscheck` command). The logic lives in cli/app.ts.
import { runCli } from './cli/app';

void runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
}).then((code) => {
  process.exitCode = code;
});
