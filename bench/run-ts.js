// Runs a TypeScript script of this repository without building it: `node bench/run-ts.js bench/x.ts`.
// Transpiles on require with @swc/core (as the tests do) and resolves the `src/…` and `test/…` aliases.
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^(src|test)\//.test(request)) request = join(root, request);
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
process.env.TZ = process.env.TZ || 'UTC';
require('reflect-metadata');
// The script sees its own arguments: argv = [node, script, ...args].
process.argv.splice(1, 1);
require(join(process.cwd(), process.argv[1]));
