#!/usr/bin/env node
// The npm mirror on our build machines lacks the other-platform binaries of `deno`, so a lock file
// written here misses them and `npm ci` refuses it ("Missing: @deno/… from lock file"). This adds
// platform-guarded entries for them (never installed on linux-x64). Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const deno = lock.packages['node_modules/deno'];
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'], 'linux-arm64-glibc': ['linux', 'arm64'],
  'linux-x64-glibc': ['linux', 'x64'], 'win32-arm64': ['win32', 'arm64'], 'win32-x64': ['win32', 'x64'] };
for (const [name, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@deno/${name}`;
  lock.packages[key] ??= { version: deno.version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [os] };
}
const keys = Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
lock.packages = Object.fromEntries(keys.map((k) => [k, lock.packages[k]]));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
