// Flat, type-aware lint for the whole workspace. Module boundaries follow DESIGN.md §2:
// services → clients → platform → api-types/contracts, services → engine → api-types.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries (DESIGN.md §2); specs and harnesses may also use the test tools (kube-sim, git-server).
const depConstraints = [
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:client', 'type:platform', 'type:engine', 'type:api-types', 'type:contracts', 'type:gotemplate', 'type:notifications', 'type:appset'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:platform', 'type:api-types', 'type:contracts'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:api-types', 'type:contracts'] },
  { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:api-types', 'type:gotemplate'] },
  { sourceTag: 'type:gotemplate', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:notifications', onlyDependOnLibsWithTags: ['type:api-types', 'type:gotemplate'] },
  { sourceTag: 'type:appset', onlyDependOnLibsWithTags: ['type:api-types', 'type:gotemplate'] },
  { sourceTag: 'type:api-types', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['type:client', 'type:platform', 'type:api-types', 'type:contracts', 'type:notifications', 'type:engine'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:tool', 'type:api-types', 'type:contracts', 'type:platform'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  // The browser app: API types only (erased at build), never server code.
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:api-types', 'type:contracts'] },
];
const TEST_TOOLS = ['@flotilla/kube-sim', '@flotilla/git-server', '@flotilla/testing'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'libs/contracts/src/gen/**', '**/*.js', '**/*.mjs', 'ui/vite.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Specs and their harnesses read JSON answers loosely; production code may not.
    files: ['**/*.spec.ts', '**/*.harness.ts', '**/*.fixture.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: TEST_TOOLS, depConstraints }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Defaulting and the simulated controllers walk untyped object JSON field by field, as kube's
    // SetDefaults_* and controllers do with unstructured objects.
    files: ['tools/kube-sim/src/admission/**/*.ts', 'tools/kube-sim/src/controllers/workloads/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
