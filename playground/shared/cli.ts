/**
 * Command-line arguments → a chat visit, for the Deno and Node scripts (plain TypeScript, no
 * platform API, so it is shared too):
 *   <url> <name> [say] [--wait N] [--until NAME]
 * `--wait N`: say nothing until N members are online; `--until NAME`: leave after NAME speaks
 * (default: once our own line has come back).
 */
import { VisitPlan } from './chat.ts';

export function planFromArgs(args: string[]): VisitPlan {
  const positional: string[] = [];
  let waitForOnline: number | undefined = undefined;
  let until: string | undefined = undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--wait') {
      waitForOnline = Number(args[++i]);
    } else if (args[i] === '--until') {
      until = args[++i];
    } else {
      positional.push(args[i]);
    }
  }
  if (positional.length < 2) {
    throw new Error('usage: chat <ws-url> <name> [text to say] [--wait N] [--until NAME]');
  }
  return { url: positional[0], name: positional[1], say: positional[2], waitForOnline: waitForOnline, until: until };
}
