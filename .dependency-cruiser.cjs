/**
 * The import rules of LEC (issue #16; docs/ARCHITECTURE.md "Dependency order"), checked by
 * `npm run lint:deps` in CI. Specs are left out: a test may reach across layers to build its world.
 *
 * Layers, low to high: the kernel (shared < db < event-store < http < graphql), the feature
 * modules in MODULE_ORDER, then the composition root (src/composition/, src/app.ts, main.ts,
 * system.ts) and the scripts. A folder imports only folders below it, so there is no cycle between
 * folders, and the kernel knows no feature.
 */
const KERNEL_ORDER = ['shared', 'db', 'event-store', 'http', 'graphql'];

/** Each module may import the ones before it, never one after it. */
const MODULE_ORDER = [
  'chain', // unit kinds, levels, datasets, provinces; the register and round locks
  'access', // viewer, policy (scope), the GraphQL context and event metadata
  'org-units',
  'accounts',
  'rounds',
  'pupils', // the register (with offline idempotency)
  'notices',
  'spot-checks',
  'confirmation',
  'province-targets',
  'revocation-requests',
  'cdc-basic-data',
  'other-schools',
  'cross-checks',
  'imports',
  'changes-since-confirmation',
  'review-lists',
  'budget',
  'figures',
  'open-data',
  'reports',
  'figures-audit',
  'tasks', // gathers every module's tasks for the caller
  'demo', // seeds: uses the commands of every module
];

const notSpec = '\\.spec\\.ts$';
const alternatives = (names) => `(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')})`;
const top = '^src/(composition/|scripts/|app\\.ts$|main\\.ts$|system\\.ts$)';

const kernelRules = KERNEL_ORDER.map((layer, i) => ({
  name: `kernel-${layer}`,
  comment: `src/${layer}/ is kernel: it imports no module, nothing of the composition root, and no kernel layer above it`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: notSpec },
  to: {
    path: [
      '^src/modules/',
      top,
      ...(i < KERNEL_ORDER.length - 1 ? [`^src/${alternatives(KERNEL_ORDER.slice(i + 1))}/`] : []),
    ],
  },
}));

const moduleRules = MODULE_ORDER.map((mod, i) => ({
  name: `module-${mod}`,
  comment: `modules/${mod} may import only the kernel and the modules before it in MODULE_ORDER`,
  severity: 'error',
  from: { path: `^src/modules/${mod}/`, pathNot: notSpec },
  to: {
    path: [
      top,
      ...(i < MODULE_ORDER.length - 1 ? [`^src/modules/${alternatives(MODULE_ORDER.slice(i + 1))}/`] : []),
    ],
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycle between files',
      severity: 'error',
      from: { path: '^src/', pathNot: notSpec },
      to: { circular: true },
    },
    {
      name: 'module-listed',
      comment: 'every module folder has its place in MODULE_ORDER (.dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: `^src/modules/(?!${alternatives(MODULE_ORDER)}/)`, pathNot: notSpec },
      to: {},
    },
    ...kernelRules,
    ...moduleRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|client)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
