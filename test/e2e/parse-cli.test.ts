import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const fixture = readFileSync(new URL("../fixtures/parse-cases.jsonl", import.meta.url), "utf8");

describe("corong parse", () => {
  it("prints one JSON object for one text, dated in the offset of --now", async () => {
    const { code, stdout } = await runCli([
      "parse",
      "--now",
      "2026-12-02T01:00:00+07:00",
      "yesterday met 3 clients",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, date: "2026-12-01", counts: { visits: 3 } });
  });

  it("matches every public example with --jsonl, one result per line, in order", async () => {
    const cases = fixture
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line));
    const { code, stdout } = await runCli(["parse", "--jsonl"], { stdin: fixture });
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(cases.length);
    results.forEach((result, i) => {
      const expected = cases[i].expect;
      expect(result.ok, cases[i].text).toBe(expected.ok);
      if (expected.ok)
        expect({ date: result.date, counts: result.counts }, cases[i].text).toEqual({
          date: expected.date,
          counts: expected.counts,
        });
      else expect(typeof result.error).toBe("string");
    });
  });

  it("stops quietly when the reader closes the pipe early", async () => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const bin = fileURLToPath(new URL("../../bin/corong.js", import.meta.url));
    const many = `${'{"text": "met 2 clients", "now": "2026-12-02T10:00:00+07:00"}\n'.repeat(20_000)}`;
    const child = spawn(process.execPath, [bin, "parse", "--jsonl"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // Read one chunk, then hang up, as `| head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    // The child may be gone before it has read all its input; that side of the pipe closing is expected too.
    child.stdin.on("error", () => {});
    child.stdin.end(many);
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("answers a malformed line without stopping the batch", async () => {
    const { stdout } = await runCli(["parse", "--jsonl"], {
      stdin: 'not json\n{"text": "met 2 clients", "now": "2026-12-02T10:00:00+07:00"}\n',
    });
    const [bad, good] = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(bad).toMatchObject({ ok: false, error: "invalid_input" });
    expect(good).toEqual({ ok: true, date: "2026-12-02", counts: { visits: 2 } });
  });
});
