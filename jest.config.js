/**
 * Two projects: `node` for everything but the task pane UI, `jsdom` for React components.
 * ts-jest transpiles only (isolatedModules); `npm test` type-checks the whole tree first with tsc.
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/taskpane/'],
    },
    {
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/test/taskpane/**/*.test.ts?(x)'],
    },
  ],
};
