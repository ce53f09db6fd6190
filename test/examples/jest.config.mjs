// jest example config, native ESM (run with Node's --experimental-vm-modules, as jest's ESM guide
// says): TypeScript through a 10-line transformer (ts-jest does the same), the kit names mapped.
// Run from the repository root after `npm run build` (`npm test` does both):
//   NODE_OPTIONS=--experimental-vm-modules npx jest --config test/examples/jest.config.mjs
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  rootDir: here('./jest'),
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '\\.ts$': here('./jest-typescript.cjs') },
  moduleNameMapper: {
    '^@kit\\.NetworkKit$': 'ohos-websocket/kit',
    '^@kit\\.BasicServicesKit$': 'ohos-websocket/base',
  },
};
