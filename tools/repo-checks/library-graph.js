/**
 * The library graph (libs/README.md), read by .dependency-cruiser.js and checked by
 * library-graph.spec.ts. Each library names the libraries it may import; the table must stay
 * acyclic, so a cycle between libraries cannot be re-introduced by adding an import (the rule
 * refuses the import) nor by editing this table (loading the lint config throws).
 *
 * An entry 'lib' allows the library's public entry points; 'lib/subpath' allows only that
 * declared public subpath (e.g. contracts may read service-kit's framework-free settings, not
 * its NestJS modules).
 */
const LIBRARY_DEPENDENCIES = {
  'events-core': [],
  'service-kit': ['events-core'],
  contracts: ['events-core', 'service-kit/config'],
  'event-platform': ['events-core', 'service-kit'],
  auth: ['contracts', 'event-platform', 'service-kit'],
  replenishment: ['contracts'],
};

/**
 * The public entry points of the libraries, as files: each library's src/index.ts, plus the
 * declared public subpaths (each a folder with an index.ts and an entry in tsconfig.json's
 * paths). Any other file of a library is private to it.
 */
const PUBLIC_SUBPATHS = {
  // reference data with no imports: the browser bundle (apps/web) and framework-free domains
  'contracts/reference': 'libs/contracts/src/reference/index.ts',
  // environment readers and settings schemas without NestJS: settings files and CLI tools
  'service-kit/config': 'libs/service-kit/src/config/index.ts',
};

/** Test support (libs/<lib>/testing/): for specs and test/ only. */
const TESTING_FOLDER = '^libs/[^/]+/testing/';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folder an allowed entry opens: a whole library, or one declared public subpath. */
function allowedFolderPattern(entry) {
  const file = PUBLIC_SUBPATHS[entry];
  if (file) return `^${escape(file.slice(0, file.lastIndexOf('/') + 1))}`;
  return `^libs/${escape(entry)}/`;
}

/** Every public entry file, as path patterns. */
function publicEntryPatterns() {
  return [
    '^libs/[^/]+/src/index\\.ts$',
    ...Object.values(PUBLIC_SUBPATHS).map((file) => `^${escape(file)}$`),
  ];
}

/** The cycle in a dependency table, as a list of names ending where it starts, or null. */
function findCycle(table) {
  const state = new Map();
  const stack = [];
  const visit = (lib) => {
    if (state.get(lib) === 'done') return null;
    if (state.get(lib) === 'open') return [...stack.slice(stack.indexOf(lib)), lib];
    state.set(lib, 'open');
    stack.push(lib);
    for (const entry of table[lib] ?? []) {
      const cycle = visit(entry.split('/')[0]);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(lib, 'done');
    return null;
  };
  for (const lib of Object.keys(table)) {
    const cycle = visit(lib);
    if (cycle) return cycle;
  }
  return null;
}

function assertAcyclic(table) {
  const cycle = findCycle(table);
  if (cycle) throw new Error(`the library graph has a cycle: ${cycle.join(' → ')}`);
}

module.exports = {
  LIBRARY_DEPENDENCIES,
  PUBLIC_SUBPATHS,
  TESTING_FOLDER,
  allowedFolderPattern,
  publicEntryPatterns,
  findCycle,
  assertAcyclic,
};
