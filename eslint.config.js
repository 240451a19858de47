// Lint: TypeScript recommended rules plus the architecture's boundaries (docs/architecture.md):
// which stage may import which, and printing only in src/cli and src/report.
import tseslint from 'typescript-eslint';

// Tests are exempt: they may load trees through the loader whatever stage they test.
const stage = (name, forbidden) => ({
  files: [`src/${name}/**/*.ts`],
  ignores: ['src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/*`, `../${f}/*`, `../../${f}/*`],
          message: `src/${name} may not import src/${f} (see docs/architecture.md)`,
        })),
      },
    ],
  },
});

const noPrinting = {
  'no-console': 'error',
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'exit', message: 'Only src/cli ends the process' },
    { object: 'process', property: 'stdout', message: 'Only src/cli and src/report print' },
    { object: 'process', property: 'stderr', message: 'Only src/cli and src/report print' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/**', 'scripts/**', 'test/helpers/*.mjs', 'test/summary-reporter.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/cli/**', 'src/report/**', 'src/**/*.test.ts'], rules: noPrinting },
  stage('model', ['parse', 'engine', 'evidence', 'diagnose', 'report', 'cli']),
  stage('parse', ['engine', 'evidence', 'diagnose', 'report', 'cli']),
  stage('engine', ['parse', 'evidence', 'diagnose', 'report', 'cli']),
  stage('evidence', ['parse', 'engine', 'diagnose', 'report', 'cli']),
  stage('diagnose', ['parse', 'report', 'cli']),
  stage('report', ['cli']),
);
