// Jest transform for Vite's `?raw` imports of text files (the desk shows docs/ledger-workbook.md):
// the module is the file's text, as Vite gives it.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
