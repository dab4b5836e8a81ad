#!/usr/bin/env node
// Entry point for `npm start` and `npx gongkai`: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
const code = await runCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
