import { describe, expect, it } from "vitest";
import { toSlackMessage } from "../../src/platforms/slack/blocks.js";
import { escapeMrkdwn, plainTextFromSlack } from "../../src/platforms/slack/mrkdwn.js";

describe("Slack rendering", () => {
  it("escapes user text so <!channel> cannot ping everyone", () => {
    const message = toSlackMessage({ tone: "info", title: "Team <x>", lines: ["@<!channel> & <@U1>"] });
    expect(message.text).toBe("Team &lt;x&gt;\n@&lt;!channel&gt; &amp; &lt;@U1&gt;");
    expect(JSON.stringify(message.blocks)).not.toContain("<!channel>");
    expect(escapeMrkdwn("a&b<c>d")).toBe("a&amp;b&lt;c&gt;d");
  });

  it("lays a reply out as header, text, fields, monospace table, context and buttons", () => {
    const message = toSlackMessage({
      tone: "info",
      title: "Sales JKT · week 49",
      lines: ["Leads 24 → Prospects 10"],
      fields: [{ label: "Visits", value: "4/5" }],
      table: { columns: ["", "actual"], rows: [["Lead → prospect", "42%"]], align: ["left", "right"] },
      footer: ["Tip: qualify the need."],
      buttons: [{ action: "undo", label: "↩️ Undo" }],
    });
    expect(message.blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "rich_text",
      "context",
      "actions",
    ]);
    expect(JSON.stringify(message.blocks[3])).toContain("Lead → prospect     42%");
    expect(JSON.stringify(message.blocks[5])).toContain('"action_id":"corong:undo"');
  });

  it("reads what a person typed out of Slack's wire format", () => {
    expect(plainTextFromSlack("manager <@U024BE7LH|bob>")).toBe("manager @U024BE7LH");
    expect(plainTextFromSlack("met 2 clients &amp; 1 lead &lt;3")).toBe("met 2 clients & 1 lead <3");
    expect(plainTextFromSlack("see <https://example.com|the deck> in <#C1|sales>")).toBe(
      "see the deck in #sales",
    );
  });
});
