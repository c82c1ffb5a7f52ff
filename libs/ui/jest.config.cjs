const path = require('node:path');
const { webProject } = require('../../jest.preset.cjs');
const base = webProject(__dirname);
module.exports = {
  ...base,
  setupFilesAfterEnv: [...base.setupFilesAfterEnv, path.join(__dirname, 'testing/jest-setup.cjs')],
};
