// `npm run lint`, run by `npm test` before the unit tests. Rules that catch defects, not taste: tsc
// (strict, noUnused*, noImplicitReturns, noFallthroughCasesInSwitch) already checks the TypeScript,
// so these are the mistakes it lets through. No type-aware rules: they would need a full program per
// run and the typescript-eslint plugin, for little the tests do not already catch.
import tsParser from '@typescript-eslint/parser';

const defects = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-fallthrough': 'error',
  'no-constant-condition': 'error',
  'no-constant-binary-expression': 'error',
  'no-unsafe-finally': 'error',
  'no-unsafe-negation': 'error',
  'no-unsafe-optional-chaining': 'error',
  'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
  'no-var': 'error',
  'no-empty': ['error', { allowEmptyCatch: true }],
  'no-cond-assign': 'error',
  'no-debugger': 'error',
  'no-dupe-else-if': 'error',
  'no-duplicate-case': 'error',
  'no-self-assign': 'error',
  'no-self-compare': 'error',
  'no-unreachable': 'error',
  'no-unused-labels': 'error',
  'no-sparse-arrays': 'error',
  'no-loss-of-precision': 'error',
  'no-compare-neg-zero': 'error',
  'use-isnan': 'error',
  'valid-typeof': 'error',
  'no-async-promise-executor': 'error',
  'no-useless-catch': 'error',
  'no-empty-pattern': 'error',
  'no-shadow-restricted-names': 'error',
  'no-misleading-character-class': 'error',
  'no-import-assign': 'error',
  'no-global-assign': 'error',
  'no-new-native-nonconstructor': 'error',
  'no-implicit-coercion': ['error', { boolean: false }],
  'no-throw-literal': 'error',
  'require-yield': 'error',
  'getter-return': 'error',
  'no-setter-return': 'error',
};

export default [
  {
    // Built output, and code that is wrong on purpose (rule fixtures, the example API, benchmark checkouts).
    ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', 'bench/real-code/checkouts/**', '.status-hints-cache/**', '**/*.vsix'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
    rules: defects,
  },
  {
    // Scripts, tests and benchmarks are plain JavaScript that tsc does not see: unused names are ESLint's to find.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: { ...defects, 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }] },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js', 'test/e2e/suite/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
];
