// `node --import ./playground/node/register.mjs app.mjs`: lets Node run HarmonyOS-style TypeScript
// unchanged. Node 20 has no TypeScript and no import maps, so two small module hooks do the job
// (see hooks.mjs); the type checker gets the same mapping from tsconfig `paths`
// (playground/tsconfig.json).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
