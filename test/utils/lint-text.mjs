// Lints source strings with the project's own eslint.config.mjs through the ESLint class, in a Node
// process of its own (jest's module sandbox cannot load an ES-module config). Reads
// [{ code, filePath }] as JSON on stdin and writes, per case, the messages [{ ruleId, message, line }].
// Type information is switched off: the sources are not files of the TypeScript project.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});
const out = [];
for (const { code, filePath } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push((result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify(out));
