// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { readFileSync } from 'node:fs';

// One owner per table (docs/architecture.md): src/core/database/table-owners.json maps each module
// directory to its entities and tables. In a module's files, another module's entity may not be
// injected or registered as a repository, typed as Repository<X>, passed to a manager/repository/
// query-builder call (find(X, …), getRepository(X), innerJoin(X, …), insertRows(m, X, …) …), and
// another module's join or underscored table may not be named in SQL text. Go through the owner's
// service or a read model it exports (tasks/queries/). Joins through the owner's entity relations
// (`t.leadAgency`) read the other table for names and are allowed.
// Checked: src/modules/<module>/**. Not checked, on purpose: unit specs (*.spec.ts: they fake
// repositories and build fixtures), and everything outside src/modules — the app level (src/app,
// src/cli.ts: they compose modules), seeds/, bench/, migrations/ and test/ (they write every table
// to build data or check the schema).
const TABLE_OWNERS = JSON.parse(readFileSync(new URL('./src/core/database/table-owners.json', import.meta.url), 'utf8'));
const REPOSITORY_CALLS = [
  'getRepository', 'find', 'findOne', 'findBy', 'findOneBy', 'findAndCount', 'findAndCountBy', 'findOneOrFail', 'findOneByOrFail',
  'count', 'countBy', 'exists', 'existsBy', 'sum', 'average', 'minimum', 'maximum', 'save', 'insert', 'update', 'upsert', 'delete',
  'remove', 'softDelete', 'restore', 'increment', 'decrement', 'preload', 'merge', 'create', 'clear', 'createQueryBuilder',
  'from', 'into', 'relation', 'join', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'insertRows',
];
function tableOwnershipRule(module) {
  const foreign = Object.entries(TABLE_OWNERS).filter(([m]) => m !== module && m !== '$comment');
  const entities = foreign.flatMap(([, o]) => o.entities);
  const tables = foreign.flatMap(([, o]) => o.tables).filter((t) => t.includes('_'));
  const names = `/^(${entities.join('|')})$/`;
  const lists = foreign.map(([m]) => `${m.toUpperCase().replace(/-/g, '_')}_ENTITIES`);
  const message = `${module}/ does not own this table (src/core/database/table-owners.json): use the owner's service or a read model it exports.`;
  return [
    'error',
    { selector: `Decorator CallExpression[callee.name='InjectRepository'] > Identifier[name=${names}]`, message },
    { selector: `CallExpression[callee.property.name='forFeature'] ArrayExpression > Identifier[name=${names}]`, message },
    // A module's own list (src/modules/<m>/<m>.module.ts exports <M>_ENTITIES): another module may not register it.
    ...(lists.length ? [{ selector: `CallExpression[callee.property.name='forFeature'] Identifier[name=/^(${lists.join('|')})$/]`, message }] : []),
    { selector: `TSTypeReference[typeName.name='Repository'] TSTypeReference[typeName.name=${names}]`, message },
    { selector: `CallExpression[callee.property.name=/^(${REPOSITORY_CALLS.join('|')})$/] > Identifier[name=${names}]`, message },
    { selector: `CallExpression[callee.name=/^(${REPOSITORY_CALLS.join('|')})$/] > Identifier[name=${names}]`, message },
    ...(tables.length ? [{ selector: `:matches(Literal[value=/\\b(${tables.join('|')})\\b/], TemplateElement[value.raw=/\\b(${tables.join('|')})\\b/])`, message }] : []),
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'web/vendor/**', 'eslint.config.mjs', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The no-unsafe-* rules (from recommendedTypeChecked) hold in src/. Tests, seeds, migrations and the bench
  // read HTTP bodies (supertest's `res.body` is any), jest's asymmetric matchers and raw query rows everywhere;
  // typing each of those would add casts, not safety, so the rules stay off there.
  {
    files: ['test/**/*.ts', 'seeds/**/*.ts', 'migrations/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // core/ sits below the feature modules: it imports none of them, nor the seeds or the app level. Not even the
  // entities: each module registers its own (forFeature) and DatabaseModule loads them (autoLoadEntities).
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['src/modules/*', 'src/app/*', 'src/api.module', 'src/worker.module', '**/seeds/**', '../../modules/*', '../modules/*'],
              message: 'core/ must not depend on feature modules, seeds or the app level; move the code down or inject it.',
            },
          ],
        },
      ],
    },
  },
  ...Object.keys(TABLE_OWNERS)
    .filter((m) => m !== '$comment')
    .map((module) => ({
      files: [`src/modules/${module}/**/*.ts`],
      ignores: ['src/modules/**/*.spec.ts'],
      rules: { 'no-restricted-syntax': tableOwnershipRule(module) },
    })),
  // A module directory that owns no table may touch none.
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.spec.ts', ...Object.keys(TABLE_OWNERS).map((m) => `src/modules/${m}/**`)],
    rules: { 'no-restricted-syntax': tableOwnershipRule(null) },
  },
  // web/: the browser app, plain ES modules without a build step (no type information).
  {
    files: ['web/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      parserOptions: { projectService: false },
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'history', 'navigator', 'sessionStorage', 'fetch', 'URL', 'URLSearchParams', 'FormData', 'Blob',
          'Node', 'Element', 'HTMLElement', 'HTMLButtonElement', 'CSS', 'Intl', 'confirm', 'setTimeout', 'clearTimeout', 'console'].map((g) => [g, 'readonly']),
      ),
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
