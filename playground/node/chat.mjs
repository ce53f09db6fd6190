// Runs the shared HarmonyOS-style module (../shared/chat.ts) in Node, unchanged. register.mjs
// maps the kit names to ohos-websocket and strips the TypeScript types on load:
//
//   node --import ./playground/node/register.mjs playground/node/chat.mjs \
//     ws://127.0.0.1:8082 node-user "hello from Node"
import { webSocket } from '@kit.NetworkKit';
import { visit } from '../shared/chat.ts';
import { planFromArgs } from '../shared/cli.ts';

const plan = planFromArgs(process.argv.slice(2));
console.log(`* transport: ${webSocket.capabilities.name}`);
try {
  await visit(plan, (line) => console.log(line));
} catch (err) {
  console.error(`failed: ${err.code} ${err.message}`);
  process.exitCode = 1;
}
// No process.exit(): the process ends by itself once the socket is closed (SPEC §7).
