// The baseline for Corong's idle memory and cold start: the least a Slack bot on SQLite needs to run — Bolt with
// its own HTTP receiver, one SQLite file and a /healthz route. Started by bench/run.ts as `node bench/bare-bolt-app.mjs`.
import { App } from "@slack/bolt";
import Database from "better-sqlite3";

const db = new Database(process.env.BARE_DB_PATH ?? ":memory:");
db.pragma("journal_mode = WAL");
db.exec("create table if not exists reports (id integer primary key, user text, text text)");
const insert = db.prepare("insert into reports (user, text) values (?, ?)");
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  tokenVerificationEnabled: false,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      },
    },
  ],
});
app.message(async ({ message }) => {
  insert.run(message.user ?? "", message.text ?? "");
});
await app.start(Number(process.env.PORT ?? 3000));
