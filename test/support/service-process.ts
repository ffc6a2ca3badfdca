import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const RUNNER = fileURLToPath(new URL("./run-service.mjs", import.meta.url));

/** A free loopback port, for a child process that must be told its port up front. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface ServiceProcess {
  port: number;
  child: ChildProcess;
  /** What it wrote on stderr (its JSON log). */
  stderr(): string;
  /** Resolves when the process has exited, with how long after `since` it did. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  signal(signal: NodeJS.Signals): void;
}

/**
 * Runs the service (src/main.ts's `start`, built) as its own process with `env`, and waits until /healthz answers.
 * `leaseMs` shortens the delivery lease, so a process killed mid-stream leaves claims that lapse quickly.
 */
export async function spawnService(
  env: Record<string, string>,
  options: { leaseMs?: number; port?: number } = {},
): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [RUNNER, String(options.leaseMs ?? 30_000)], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the service exited early: ${stderr}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the service did not come up: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    child,
    stderr: () => stderr,
    exited: () => exit,
    signal: (signal) => child.kill(signal),
  };
}
