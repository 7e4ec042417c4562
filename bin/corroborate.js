#!/usr/bin/env node
// Runs the TypeScript CLI straight from a source checkout: tsx compiles it on
// the fly, so `npx corroborate …` needs no build step.
import { register } from 'tsx/esm/api'

register()
await import(new URL('../src/cli/index.ts', import.meta.url).href)
