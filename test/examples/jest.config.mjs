// jest example config, native ESM (run with Node's --experimental-vm-modules, as jest's ESM guide
// says): TypeScript through a 10-line transformer (ts-jest does the same), the kit names mapped.
// Run: NODE_OPTIONS=--experimental-vm-modules npx jest --config test/examples/jest.config.mjs
export default {
  rootDir: new URL('./jest', import.meta.url).pathname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '\\.ts$': new URL('./jest-typescript.cjs', import.meta.url).pathname },
  moduleNameMapper: {
    '^@kit\\.NetworkKit$': 'ohos-websocket/kit',
    '^@kit\\.BasicServicesKit$': 'ohos-websocket/base',
  },
};
