// npm start: build, then check the example letters. Findings (exit 1) are the point of the demo, not a failure.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
if (run(['esbuild.mjs']) !== 0) process.exit(1);
const status = run(['dist/cli.js', 'examples']);
process.exit(status === 1 ? 0 : status ?? 1);
