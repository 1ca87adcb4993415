// Preloaded into Electronegativity (node --import). It fetches translations and Electron's release
// list from the Internet with `got`; our build machines have no Internet access, and on Node 24
// got's retry after a failed request throws an uncaught error that kills the scan. Every request it
// makes fails at once instead, so the scan is deterministic and offline.
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(`${process.cwd()}/package.json`);
const scanner = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [scanner] });
const offline = () => Promise.reject(new Error('offline: Electronegativity runs without network access'));
offline.head = offline;
const stub = new Module(gotPath);
stub.exports = offline;
stub.loaded = true;
require.cache[gotPath] = stub;
