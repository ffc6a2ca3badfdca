import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Secrets at rest (Slack bot tokens) sealed with AES-256-GCM. Each sealed value names the key that sealed it, so
 * keys can be rotated: new values use the current key, old ones open with a previous key until `corong reseal`
 * rewrites them. The additional data binds a value to its row, so a sealed token copied onto another workspace's
 * row does not open.
 */
export interface Sealer {
  seal(plaintext: string, boundTo: string): string;
  /** Throws when no configured key sealed it, or it was altered or moved. */
  open(sealed: string, boundTo: string): string;
  /** Whether the current key sealed it (false: `reseal` has work to do). */
  isCurrent(sealed: string): boolean;
  /** Whether one of the configured keys sealed it. */
  hasKeyFor(sealed: string): boolean;
}

const VERSION = "v1";

/** A key as operators write it: 32 bytes in base64 (44 characters) or hex (64). Null when it is neither. */
export function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/** A short public name for a key: the start of its SHA-256, never the key itself. */
function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function createSealer(current: Buffer, previous: Buffer[] = []): Sealer {
  const currentId = keyId(current);
  const keys = new Map<string, Buffer>([[currentId, current]]);
  for (const key of previous) if (!keys.has(keyId(key))) keys.set(keyId(key), key);

  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(boundTo, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        currentId,
        iv.toString("base64url"),
        tag.toString("base64url"),
        body.toString("base64url"),
      ].join(".");
    },
    open(sealed, boundTo) {
      const [version, id, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !id || iv === undefined || tag === undefined || body === undefined)
        throw new Error("not a sealed value");
      const key = keys.get(id);
      if (!key)
        throw new Error(
          `sealed with key ${id}, which is not configured (add it to CORONG_PREVIOUS_ENCRYPTION_KEYS)`,
        );
      const nonce = Buffer.from(iv, "base64url");
      const authTag = Buffer.from(tag, "base64url");
      // GCM would take a shortened tag, and a forger needs far fewer tries against one: only the full 16 bytes.
      if (nonce.length !== 12 || authTag.length !== 16) throw new Error("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: 16 });
      decipher.setAAD(Buffer.from(boundTo, "utf8"));
      decipher.setAuthTag(authTag);
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
    isCurrent(sealed) {
      return sealed.split(".")[1] === currentId;
    },
    hasKeyFor(sealed) {
      return keys.has(sealed.split(".")[1] ?? "");
    },
  };
}
