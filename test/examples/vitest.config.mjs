// vitest example config: the only thing HarmonyOS code needs is the kit names as aliases.
// Run from the repository root after `npm run build` (`npm test` does both):
//   npx vitest run --config test/examples/vitest.config.mjs
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@kit.NetworkKit': 'ohos-websocket/kit',
      '@kit.BasicServicesKit': 'ohos-websocket/base',
    },
  },
  test: {
    root: fileURLToPath(new URL('./vitest', import.meta.url)),
    include: ['**/*.test.ts'],
  },
});
