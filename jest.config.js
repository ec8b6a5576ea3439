/** Tests split by suffix: *.unit.spec.ts (pure), *.int.spec.ts (database), *.e2e.spec.ts (HTTP). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.unit.spec.ts', '<rootDir>/test/**/*.unit.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: [
        '<rootDir>/src/**/*.int.spec.ts',
        '<rootDir>/test/**/*.int.spec.ts',
        '<rootDir>/test/**/*.e2e.spec.ts',
      ],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
