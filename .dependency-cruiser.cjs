// Import rules of STYLE.md §1 ("Imports point one way"), checked by `npm run lint:deps`.
// Paths are relative to the repository root; type-only imports count like any other.
const LOCAL = '^(app|components|lib)/';
// Tests are leaves (nothing imports them): integration tests may set up and check state through upper layers.
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, between files or through folders.',
      severity: 'error',
      from: { path: LOCAL },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'lib/domain is pure TypeScript: nothing from the store, the server, the API client, the UI, React or Next.',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: {
        path: ['^(app|components)/', '^lib/(db|server|api|contract|control|ingest|cli|runner|connectors)/', '^node_modules/(@types/)?(react|react-dom|next)/'],
      },
    },
    {
      name: 'contract-on-domain',
      comment: 'lib/contract (DTO types) imports lib/domain only.',
      severity: 'error',
      from: { path: '^lib/contract/' },
      to: { path: LOCAL, pathNot: '^lib/(contract|domain)/' },
    },
    {
      name: 'components-not-store',
      comment: 'Components read through lib/api hooks and lib/contract types, never the store or server code.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/(db|server|control|ingest)/' },
    },
    {
      name: 'db-below-writers',
      comment: 'lib/db sits under the server, lib/control, lib/ingest and lib/api (tests may seed through them).',
      severity: 'error',
      from: { path: '^lib/db/', pathNot: TEST },
      to: { path: '^lib/(server|control|ingest|api)/' },
    },
    {
      name: 'ingest-below-control',
      comment: 'lib/control may use lib/ingest (the run state machine), never the reverse; shared writes live in lib/db/writes.',
      severity: 'error',
      from: { path: '^lib/ingest/', pathNot: TEST },
      to: { path: '^lib/control/' },
    },
    {
      name: 'clients-not-server',
      comment:
        'The CLI, the runner and the connectors reach the store through the HTTP API. ' +
        'lib/cli/token-backends.ts writes tokens on the stopped store by design.',
      severity: 'error',
      from: { path: '^lib/(cli|runner|connectors)/', pathNot: [TEST, '^lib/cli/token-backends\\.ts$'] },
      to: { path: '^lib/(server|control|ingest)/' },
    },
    {
      name: 'clients-not-db',
      comment: 'As above; lib/cli/token-backends.ts and lib/cli/demo.ts open the stopped store by design.',
      severity: 'error',
      from: { path: '^lib/(cli|runner|connectors)/', pathNot: [TEST, '^lib/cli/(token-backends|demo)\\.ts$'] },
      to: { path: '^lib/db/' },
    },
    {
      name: 'api-not-server',
      comment: 'lib/api is the client side of the contract: no request plumbing.',
      severity: 'error',
      from: { path: '^lib/api/' },
      to: { path: '^lib/server/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
