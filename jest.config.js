// Jest runs in ESM mode (the @actions/* packages are ESM-only); see scripts/test.mjs.
import { availableParallelism } from 'node:os';

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@kiln/core/(errors|log|version)$': '<rootDir>/packages/core/src/$1.ts',
    // A domain's request parser alone, for entries that check inputs before loading the domain.
    '^@kiln/core/(bake|validate|promote|deploy|rollback)/request$':
      '<rootDir>/packages/core/src/$1/$1-request.ts',
    '^@kiln/core/oci/location$': '<rootDir>/packages/core/src/oci/location.ts',
    '^@kiln/core/github/context$': '<rootDir>/packages/core/src/github/context.ts',
    '^@kiln/core/engine$': '<rootDir>/packages/core/src/engine/docker-cli.ts',
    '^@kiln/core/(inputs|util|oci|ledger|bake|validate|github|fleet|config|gates|promote|deploy|rollback|status)$':
      '<rootDir>/packages/core/src/$1/index.ts',
    '^@kiln/local$': '<rootDir>/packages/local/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testEnvironment: 'node',
  // .kiln/ holds state and scratch checkouts; their packages must not shadow the real ones.
  modulePathIgnorePatterns: ['<rootDir>/.kiln/'],
};

export default {
  // Integration suites spend most of their time waiting on the engine and the registries, and
  // each owns its repositories, services and balancer: two at a time even on two cores (jest's
  // default would be one).
  maxWorkers: Math.max(2, availableParallelism()),
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/packages/*/src/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/env/global-setup.mjs',
      globalTeardown: '<rootDir>/test/env/global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/env/global-setup.mjs',
      globalTeardown: '<rootDir>/test/env/global-teardown.mjs',
    },
  ],
};
