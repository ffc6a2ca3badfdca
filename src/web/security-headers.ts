/**
 * Every page Corong serves: no script at all (the pages work without it), styles from our own file, no framing,
 * no sniffing, no referrer (a login link or an OAuth code in a Referer header would be a leaked key), and nothing
 * cached.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};
