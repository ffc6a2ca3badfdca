import { writeFileSync } from "node:fs";
import type { Writable } from "node:stream";
import type { Messenger } from "../../app/ports.js";
import { replyToText } from "../../core/reply.js";

/** The console's Messenger: scheduled messages are printed, and a digest's chart is written next to the database. */
export function createConsoleMessenger(output: Writable, chartDir: string) {
  return {
    async sendDirect(team, member, reply) {
      output.write(`[${team.name} → ${member.displayName}] ${replyToText(reply)}\n`);
    },
    async postToTeam(team, reply, chart) {
      let note = "";
      if (chart) {
        const path = `${chartDir}/${chart.fileName}`;
        writeFileSync(path, chart.png);
        note = `\n(chart: ${path})`;
      }
      output.write(`[${team.name}]\n${replyToText(reply)}${note}\n`);
    },
  } satisfies Messenger;
}
