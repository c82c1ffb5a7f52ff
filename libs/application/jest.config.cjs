const { serverProject } = require('../../jest.preset.cjs');
module.exports = serverProject(__dirname);
