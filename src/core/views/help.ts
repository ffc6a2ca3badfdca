import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";

/** The commands, with the prefix the platform uses ("/sales ", "/", or none). */
export function helpView(t: Texts, commandPrefix: string): Reply {
  return { tone: "info", title: t.helpTitle, lines: t.help(commandPrefix) };
}
