import type { Config } from "../config.js";
import { createSealer, decodeKey, type Sealer } from "./sealer.js";

/** The sealer for CORONG_ENCRYPTION_KEY, opening what CORONG_PREVIOUS_ENCRYPTION_KEYS sealed too. */
export function sealerFor(config: Config): Sealer {
  const current = decodeKey(config.CORONG_ENCRYPTION_KEY ?? "");
  if (!current) throw new Error("CORONG_ENCRYPTION_KEY is not set");
  const previous = (config.CORONG_PREVIOUS_ENCRYPTION_KEYS ?? "")
    .split(",")
    .filter((k) => k.trim() !== "")
    .map((k) => decodeKey(k))
    .filter((k): k is Buffer => k !== null);
  return createSealer(current, previous);
}
