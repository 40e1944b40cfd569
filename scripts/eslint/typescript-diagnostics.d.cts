// Types for the CommonJS rule module next to this file, for the TypeScript test that loads it.
import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export = plugin;
