// Runs the shared HarmonyOS-style module (../shared/chat.ts) in Deno, unchanged: deno.json's
// import map points `@kit.NetworkKit` / `@kit.BasicServicesKit` at ohos-websocket's Deno build.
//
//   deno run --config playground/deno/deno.json --allow-net=127.0.0.1 playground/deno/chat.ts \
//     ws://127.0.0.1:8082 deno-user "hello from Deno"
import { webSocket } from '@kit.NetworkKit';
import { BusinessError } from '@kit.BasicServicesKit';
import { visit } from '../shared/chat.ts';
import { planFromArgs } from '../shared/cli.ts';

const plan = planFromArgs(Deno.args);
console.log(`* transport: ${webSocket.capabilities.name}`);
try {
  await visit(plan, (line) => console.log(line));
} catch (err) {
  console.error(`failed: ${(err as BusinessError).code} ${(err as BusinessError).message}`);
  Deno.exitCode = 1;
}
// No Deno.exit(): the process ends by itself once the socket is closed (SPEC §7).
