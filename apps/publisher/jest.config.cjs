const path = require('node:path');
const { webProject } = require('../../jest.preset.cjs');
const base = webProject(__dirname);
// antd renders slowly in jsdom on two cores: a whole-app test may take several seconds.
module.exports = {
  ...base,
  testTimeout: 30_000,
  setupFilesAfterEnv: [
    ...base.setupFilesAfterEnv,
    path.join(__dirname, '../../libs/ui/testing/jest-setup.cjs'),
  ],
};
