// The layers of the tree, enforced by lint (issue 15): app → components → lib; lib/policy is pure;
// lib/graph has no React; a feature folder in components/ never imports another feature (what two
// features share lives in components/shared, components/ui, components/shell or components/auth,
// which import no feature; a page in app/ composes features); no import cycles anywhere. `lint-boundaries.test.ts` proves each rule fails on a violation.
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Folders of components/ that every feature may use. */
export const SHARED_COMPONENT_FOLDERS = ['ui', 'shared', 'shell', 'auth'];

/** Feature folders of components/: each may import only itself and the shared folders. */
export const FEATURE_FOLDERS = [
  'audit',
  'desired-state',
  'effective',
  'history',
  'policies',
  'reach',
  'sessions',
  'token-inspector',
];

const featureZones = FEATURE_FOLDERS.map((feature) => ({
  target: `./components/${feature}`,
  from: './components',
  except: [`./${feature}`, ...SHARED_COMPONENT_FOLDERS.map((f) => `./${f}`)],
  message: `A feature does not import another feature: move what both need to components/shared.`,
}));

/** The shared folders sit below every feature: they never import one. */
const sharedZones = SHARED_COMPONENT_FOLDERS.map((shared) => ({
  target: `./components/${shared}`,
  from: FEATURE_FOLDERS.map((feature) => `./components/${feature}`),
  message: `components/${shared} is shared by the features: it imports none of them.`,
}));

const layerZones = [
  {
    target: './lib',
    from: ['./app', './components', './demo-tenant', './cli', './e2e', './scripts'],
    message: 'lib/ is the bottom layer: it imports nothing of the app, the demo tenant or the CLI.',
  },
  {
    target: './components',
    from: ['./app', './demo-tenant', './cli'],
    message: 'components/ import lib/, never app/, the demo tenant or the CLI.',
  },
  {
    target: './lib/policy',
    from: './lib',
    except: ['./policy'],
    message: 'lib/policy is the pure engine: it imports only lib/policy.',
  },
  {
    target: ['./demo-tenant', './cli'],
    from: ['./app', './components'],
    message: 'The demo tenant and the CLI use lib/, never the web app.',
  },
];

const reactImports = ['react', 'react-dom', '@tanstack/react-query', '@azure/msal-react', 'next'];

export const boundaries = [
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript settings let the cycle check parse the files it follows.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Tests may reach across layers (a contract test starts the demo tenant); the code they test may not.
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', 'e2e/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...layerZones, ...sharedZones, ...featureZones] },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: reactImports.map((name) => ({
            name,
            message: 'lib/ has no React or Next: hooks and components live in components/.',
          })),
          patterns: [{ group: ['next/*'], message: 'lib/ has no Next: pages live in app/.' }],
        },
      ],
    },
  },
];
