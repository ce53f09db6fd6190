// A jest transformer that strips TypeScript types and keeps ES modules (what ts-jest's
// `useESM` does, without type checking: `tsc` does that).
const ts = require('typescript');

module.exports = {
  process(source, fileName) {
    const { outputText } = ts.transpileModule(source, {
      fileName,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    });
    return { code: outputText };
  },
};
