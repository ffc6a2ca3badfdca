function escapeXml(content: string): string {
  return content
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A line of chart text in the bundled font (the PNG renderer loads no system fonts). */
export function text(x: number, y: number, size: number, content: string, attrs = ""): string {
  return `<text x="${x}" y="${y}" font-family="Inter, system-ui, sans-serif" font-size="${size}" ${attrs}>${escapeXml(content)}</text>`;
}
