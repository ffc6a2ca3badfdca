import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { Messenger } from "../../app/ports.js";
import { replyToText } from "../../core/reply.js";

/** The console's Messenger: scheduled messages are printed, and a digest's chart is written to `chartDir`. */
export function createConsoleMessenger(output: Writable, chartDir: string) {
  return {
    async sendDirect(team, member, reply) {
      output.write(`[${team.name} → ${member.displayName}] ${replyToText(reply)}\n`);
    },
    async postToTeam(team, reply) {
      output.write(`[${team.name}]\n${replyToText(reply)}\n`);
    },
    async postChart(team, chart) {
      const path = join(chartDir, chart.fileName);
      writeFileSync(path, chart.png);
      output.write(`[${team.name}] chart: ${path}\n`);
    },
  } satisfies Messenger;
}
