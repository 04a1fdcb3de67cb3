// One Jest run for the whole workspace. TypeScript and the ESM-only packages that
// @kubernetes/client-node 1.x pulls in are compiled to CommonJS by SWC (docs/adr/0002).
const esmPackages = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'rfc4648',
  'jsonpath-plus',
  'execa',
  '@sindresorhus/merge-streams',
  '@sec-ant/readable-stream',
  'figures',
  'get-stream',
  'human-signals',
  'is-plain-obj',
  'is-stream',
  'is-unicode-supported',
  'npm-run-path',
  'parse-ms',
  'path-key',
  'pretty-ms',
  'strip-final-newline',
  'unicorn-magic',
  'yoctocolors',
  // @octokit/rest and @octokit/auth-app (the GitHub pullRequest and scmProvider generators).
  '@octokit',
  'universal-user-agent',
  'before-after-hook',
  'toad-cache',
  'universal-github-app-jwt',
  'json-with-bigint',
  'content-type',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tools', '<rootDir>/libs', '<rootDir>/services', '<rootDir>/cli', '<rootDir>/e2e'].filter((p) =>
    require('fs').existsSync(p.replace('<rootDir>', __dirname)),
  ),
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    // execa's npm-run-path imports unicorn-magic, whose exports have only `import` conditions, which Jest's
    // CommonJS resolver cannot match; its Node entry is compiled like the other ESM packages above.
    '^unicorn-magic$': '<rootDir>/node_modules/unicorn-magic/node.js',
    '^@flotilla/kube-sim$': '<rootDir>/tools/kube-sim/src/index.ts',
    '^@flotilla/git-server$': '<rootDir>/tools/git-server/src/index.ts',
    '^@flotilla/build$': '<rootDir>/tools/build/src/index.ts',
    '^@flotilla/local-fleet$': '<rootDir>/tools/local-fleet/src/index.ts',
    '^@flotilla/api-types$': '<rootDir>/libs/api-types/src/index.ts',
    '^@flotilla/engine$': '<rootDir>/libs/engine/src/index.ts',
    '^@flotilla/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@flotilla/gotemplate$': '<rootDir>/libs/gotemplate/src/index.ts',
    '^@flotilla/appset$': '<rootDir>/libs/appset/src/index.ts',
    '^@flotilla/notifications$': '<rootDir>/libs/notifications/src/index.ts',
    '^@flotilla/notifications/testing$': '<rootDir>/libs/notifications/src/testing/index.ts',
    '^@flotilla/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@flotilla/clients$': '<rootDir>/libs/clients/src/index.ts',
    '^@flotilla/testing$': '<rootDir>/libs/testing/src/index.ts',
  },
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  testTimeout: 30000,
  // The whole suite runs in one process on CI's two cores; a handle some spec leaves behind (a
  // connection's retry timer) must not turn a finished, reported run into a CI timeout. Subsets
  // run with --detectOpenHandles show none; the summary line is printed before this applies.
  forceExit: true,
};
