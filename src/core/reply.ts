/**
 * What the bot says, independent of where it is said. Each platform renders it (Block Kit, Telegram HTML,
 * the terminal); `replyToText` is the plain rendering every platform also uses as its fallback.
 */
export interface Reply {
  tone: "success" | "info" | "error";
  /** A short heading ("Sales JKT · week 49 (30 Nov – 6 Dec)"). */
  title?: string;
  /** Paragraphs, each one line on a phone. */
  lines: string[];
  /** Label/value pairs, e.g. "Visits" → "4/5". */
  fields?: ReplyField[];
  /** A monospace table (the funnel, the per-rep digest). */
  table?: ReplyTable;
  /** Lines after the table: the weakest stage, a tip. */
  footer?: string[];
  buttons?: ReplyButton[];
  /** A chart to show with the answer (the trend): a Slack file, a Telegram photo, a PNG path in the console. */
  image?: ReplyImage;
  /** A file to take away (an export): a Slack file, a Telegram document, a path in the console. */
  file?: ReplyFile;
  /** True when nothing should be posted at all (chatter in a team channel). */
  silent?: boolean;
  /**
   * Individual reps' figures, for the asker alone. Where an answer would be read by the whole team (a Telegram
   * group) it goes to the asker's private chat instead, and the group hears `sent` — or `unreachable` when the
   * asker has never opened a private chat with the bot. Slack answers commands ephemerally already.
   */
  privately?: { sent: string; unreachable: string };
}

export interface ReplyImage {
  png: Uint8Array;
  fileName: string;
  title: string;
}

export interface ReplyFile {
  bytes: Uint8Array;
  fileName: string;
  title: string;
}

export interface ReplyField {
  label: string;
  value: string;
}

export interface ReplyTable {
  columns: string[];
  rows: string[][];
  /** Per column; numbers read best right-aligned. */
  align?: ("left" | "right")[];
}

export interface ReplyButton {
  /** Stable action id the platform sends back ("undo", "add:visits"). */
  action: string;
  label: string;
}

export const SILENT: Reply = Object.freeze({ tone: "info", lines: [], silent: true }) as Reply;

/** Lays a table out in fixed-width columns. */
export function tableToText(table: ReplyTable): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, col) => Math.max(...all.map((row) => [...(row[col] ?? "")].length)));
  return all
    .map((row) =>
      row
        .map((cell, col) => {
          const pad = " ".repeat((widths[col] ?? 0) - [...cell].length);
          return table.align?.[col] === "right" ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The whole reply as plain text, in reading order. */
export function replyToText(reply: Reply): string {
  if (reply.silent) return "";
  const parts: string[] = [];
  if (reply.title) parts.push(reply.title);
  parts.push(...reply.lines);
  if (reply.fields?.length) parts.push(reply.fields.map((f) => `${f.label}: ${f.value}`).join(" · "));
  if (reply.table) parts.push(tableToText(reply.table));
  if (reply.footer?.length) parts.push(...reply.footer);
  return parts.join("\n");
}
