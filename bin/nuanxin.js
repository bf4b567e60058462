#!/usr/bin/env node
// Kept for `node bin/nuanxin.js …` in older scripts; the entry point is bin/nuanxin.cjs.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./nuanxin.cjs');
