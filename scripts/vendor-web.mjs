// Copies the view library's ES module builds from node_modules (preact, preact/hooks, htm: devDependencies pinned in
// package-lock.json) into web/vendor/, with their licences and type declarations. The browser loads them as they
// are: no bundler, and no import map (an import map is an inline script, which the CSP refuses), so the bare
// `import … from "preact"` in the hooks build is rewritten to a relative path here.
// Run after upgrading either package: node scripts/vendor-web.mjs (then commit web/vendor/).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nm = (p) => join(root, 'node_modules', p);
const out = join(root, 'web', 'vendor');
const version = (pkg) => JSON.parse(readFileSync(nm(`${pkg}/package.json`), 'utf8')).version;

/** Copies `from` (under node_modules) to `to` (under web/vendor), replacing each [pattern, replacement]; fails when a pattern is absent. */
function copy(from, to, rewrites = []) {
  let text = readFileSync(nm(from), 'utf8');
  for (const [pattern, replacement] of rewrites) {
    if (!pattern.test(text)) throw new Error(`${from}: ${pattern} not found (the package changed; update scripts/vendor-web.mjs)`);
    text = text.replace(pattern, replacement);
  }
  // The builds end with a sourceMappingURL to a file not vendored.
  text = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  mkdirSync(dirname(join(out, to)), { recursive: true });
  writeFileSync(join(out, to), text);
}

rmSync(out, { recursive: true, force: true });
// preact: the ES module build, and its declarations (index → preact.d.mts next to preact.mjs; jsx/dom beside it).
copy('preact/dist/preact.mjs', 'preact/preact.mjs');
copy('preact/src/index.d.ts', 'preact/preact.d.mts', [[/from '\.\/(jsx|dom)'/g, "from './$1.js'"]]);
copy('preact/src/jsx.d.ts', 'preact/jsx.d.ts', [[/from '\.\/index'/g, "from './preact.mjs'"]]);
copy('preact/src/dom.d.ts', 'preact/dom.d.ts', [[/from '\.\/index'/g, "from './preact.mjs'"]]);
copy('preact/hooks/dist/hooks.mjs', 'preact/hooks.mjs', [[/from\s*"preact"/g, 'from"./preact.mjs"']]);
copy('preact/hooks/src/index.d.ts', 'preact/hooks.d.mts', [[/from '\.\.\/\.\.\/src\/index'/g, "from './preact.mjs'"]]);
copyFileSync(nm('preact/LICENSE'), join(out, 'preact', 'LICENSE'));
// htm: the ES module build (htm.bind(h) gives the tagged template).
copy('htm/dist/htm.mjs', 'htm/htm.mjs');
copy('htm/dist/htm.d.ts', 'htm/htm.d.mts');
copyFileSync(nm('htm/LICENSE'), join(out, 'htm', 'LICENSE'));
writeFileSync(
  join(out, 'README.md'),
  `Vendored by scripts/vendor-web.mjs from node_modules (do not edit): preact ${version('preact')} (MIT), htm ${version('htm')} (Apache-2.0).\n` +
    'Bare imports are rewritten to relative paths (the CSP refuses an import map). See docs/web-ui-library.md.\n',
);
console.log(`web/vendor: preact ${version('preact')}, htm ${version('htm')}`);
