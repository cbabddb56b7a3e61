// Four tiers (docs/testing.md): unit specs beside the code, medium (services on a real database, queues faked,
// no HTTP), integration on a real database, e2e against the whole app with real SQLite/PostgreSQL, redis-server and an SMTP listener.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }];
// NestJS 12 ships as ES modules only. Node 20 loads them with require(esm), but jest's own module
// loader only does from Node 24.9; until then swc turns those packages into CommonJS for the tests.
const swcEsm = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }];
const esmOnly = ['@nestjs/(?!cli/|schematics/|throttler/)', 'file-type/', 'strtok3/', 'token-types/', 'uint8array-extras/', '@tokenizer/'];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')}))`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1', '^test/(.*)$': '<rootDir>/test/$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/utils/jest-setup.ts'],
};
module.exports = {
  // The ceiling catches hangs, not speed: on a shared, loaded machine the CPU-heavy unit specs (a 20,001-row
  // workbook, zip bombs) ran past jest's default 5 s. A global option (jest ignores it per project);
  // integration and e2e raise it further in jest-slow-setup.ts.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/seeds/**/*.spec.ts', '<rootDir>/migrations/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'medium', setupFilesAfterEnv: ['<rootDir>/test/utils/jest-slow-setup.ts'], testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'] },
    { ...common, displayName: 'integration', setupFilesAfterEnv: ['<rootDir>/test/utils/jest-slow-setup.ts'], testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', setupFilesAfterEnv: ['<rootDir>/test/utils/jest-slow-setup.ts'], testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
