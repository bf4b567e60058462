#!/usr/bin/env node
// Entry point: the compiled bundle sets process.exitCode; nothing here calls process.exit.
import { main } from '../dist/nuanxin.js';

await main();
