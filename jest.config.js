// Three tiers (docs/testing.md): unit specs beside the code, integration on a real database,
// e2e against the whole app with real SQLite/PostgreSQL, redis-server and an SMTP listener.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1', '^test/(.*)$': '<rootDir>/test/$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/utils/jest-setup.ts'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/seeds/**/*.spec.ts', '<rootDir>/migrations/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'integration', setupFilesAfterEnv: ['<rootDir>/test/utils/jest-slow-setup.ts'], testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', setupFilesAfterEnv: ['<rootDir>/test/utils/jest-slow-setup.ts'], testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
