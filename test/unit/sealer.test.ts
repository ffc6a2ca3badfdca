import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSealer, decodeKey } from "../../src/secrets/sealer.js";

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);

describe("sealing tokens at rest", () => {
  it("opens what it sealed, for any text, and never shows the text", () => {
    const sealer = createSealer(KEY_A);
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string({ minLength: 1 }), (secret, row) => {
        const sealed = sealer.seal(secret, row);
        expect(sealer.open(sealed, row)).toBe(secret);
        expect(sealed).not.toContain(secret);
      }),
    );
    // A fresh IV each time: the same token sealed twice does not look the same.
    expect(sealer.seal("xoxb-1", "T1")).not.toBe(sealer.seal("xoxb-1", "T1"));
  });

  it("refuses a value that was altered, moved to another row, or sealed with a key it does not have", () => {
    const sealer = createSealer(KEY_A);
    const sealed = sealer.seal('{"bot":{"token":"xoxb-1"}}', "T1");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => sealer.open(parts.join("."), "T1")).toThrow();
    expect(() => sealer.open(sealed, "T2")).toThrow();
    expect(() => createSealer(KEY_B).open(sealed, "T1")).toThrow(/CORONG_PREVIOUS_ENCRYPTION_KEYS/);
    expect(() => sealer.open("xoxb-plain-token", "T1")).toThrow("not a sealed value");
    // A tag cut short would still pass GCM's check far more often: refused outright.
    const short = sealed.split(".");
    short[3] = Buffer.from(short[3] ?? "", "base64url")
      .subarray(0, 4)
      .toString("base64url");
    expect(() => sealer.open(short.join("."), "T1")).toThrow("not a sealed value");
  });

  it("rotates keys: the previous key still opens old values, new ones use the current key", () => {
    const old = createSealer(KEY_A).seal("xoxb-old", "T1");
    const rotated = createSealer(KEY_B, [KEY_A]);
    expect(rotated.open(old, "T1")).toBe("xoxb-old");
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.hasKeyFor(old)).toBe(true);
    expect(createSealer(KEY_B).hasKeyFor(old)).toBe(false);
    const resealed = rotated.seal(rotated.open(old, "T1"), "T1");
    expect(rotated.isCurrent(resealed)).toBe(true);
    expect(createSealer(KEY_B).open(resealed, "T1")).toBe("xoxb-old");
  });

  it("reads keys as openssl prints them, base64 or hex, and refuses anything that is not 32 bytes", () => {
    expect(decodeKey(KEY_A.toString("base64"))?.equals(KEY_A)).toBe(true);
    expect(decodeKey(KEY_A.toString("hex"))?.equals(KEY_A)).toBe(true);
    expect(decodeKey(KEY_A.toString("base64url"))?.equals(KEY_A)).toBe(true);
    expect(decodeKey(randomBytes(16).toString("base64"))).toBeNull();
    expect(decodeKey("correct horse battery staple")).toBeNull();
  });
});
