import { html, raw } from "hono/html";
import type { Reply } from "../core/reply.js";

export type Html = ReturnType<typeof html>;

/** `code` spans as the chat writes them, escaped first: the only markup a reply's text carries. */
export function inlineText(text: string): Html {
  const parts = text.split("`");
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`))}`;
}

/**
 * A chat reply as a block of the page: the same words and table the chat shows for the same figures, so the page
 * and the command agree by construction.
 */
export function replyToHtml(reply: Reply, headingLevel: 2 | 3 = 2): Html {
  const heading = reply.title
    ? headingLevel === 2
      ? html`<h2>${reply.title}</h2>`
      : html`<h3>${reply.title}</h3>`
    : "";
  const table = reply.table;
  return html`<section class="reply">
    ${heading}${reply.lines.map((line) => html`<p>${inlineText(line)}</p>`)}
    ${
      reply.fields?.length
        ? html`<p>${reply.fields.map((f, i) => html`${i > 0 ? " · " : ""}${f.label}: <strong>${f.value}</strong>`)}</p>`
        : ""
    }
    ${
      table
        ? html`<div class="scroll"><table>
            <thead><tr>${table.columns.map((c, i) => html`<th class="${table.align?.[i] === "right" ? "num" : ""}">${c}</th>`)}</tr></thead>
            <tbody>${table.rows.map(
              (row) =>
                html`<tr>${row.map((cell, i) => html`<td class="${table.align?.[i] === "right" ? "num" : ""}">${cell}</td>`)}</tr>`,
            )}</tbody></table></div>`
        : ""
    }
    ${(reply.footer ?? []).map((line) => html`<p>${inlineText(line)}</p>`)}
  </section>`;
}

/** An SVG chart the app drew (never user markup: every text in it was escaped when it was drawn). */
export function chart(svg: string | null, caption: string): Html | "" {
  return svg ? html`<figure role="img" aria-label="${caption}">${raw(svg)}</figure>` : "";
}
