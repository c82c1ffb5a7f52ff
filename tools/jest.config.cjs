const { serverProject } = require('../jest.preset.cjs');
module.exports = serverProject(__dirname, { testMatch: ['<rootDir>/workspace/**/*.spec.ts'] });
