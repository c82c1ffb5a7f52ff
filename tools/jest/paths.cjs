// Maps the `@gongkai/*` aliases of tsconfig.base.json for Jest, so the two never disagree.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..', '..');

function pathsToModuleNameMapper() {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const mapper = {};
  for (const [alias, targets] of Object.entries(base.compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = path.join(root, targets[0]);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
