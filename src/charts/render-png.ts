import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Resvg as ResvgType } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);

/**
 * Inter ships inside an npm dependency, so the chart renders the same on a laptop, in CI and in the slim Docker
 * image, which has no system fonts at all.
 */
const FONT_FILES = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];

const OPTIONS = {
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "Inter" },
  fitTo: { mode: "original" as const },
};

/** Renders on the calling thread: for the CLI, where nothing else is waiting. */
export function svgToPng(svg: string): Buffer {
  const { Resvg } = require("@resvg/resvg-js") as { Resvg: typeof ResvgType };
  return new Resvg(svg, OPTIONS).render().asPng();
}

/** Renders a chart to PNG. */
export type ChartRenderer = (svg: string) => Promise<Uint8Array>;

/**
 * The worker's code. Plain CommonJS, evaluated as-is, so it runs the same from the built files and from the
 * TypeScript sources the tests load.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Resvg } = require(workerData.resvg);
// A render's native memory (~5 MB) goes only when its objects are collected, and this thread's small heap gives
// the collector no reason to run: a Monday of 1,000 charts grew the process by 500 MB. So collect after each.
require("node:v8").setFlagsFromString("--expose-gc");
const collect = require("node:vm").runInNewContext("gc");
parentPort.on("message", ({ id, svg }) => {
  try {
    const png = new Resvg(svg, workerData.options).render().asPng();
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  } finally {
    collect();
  }
});
`;

/**
 * A renderer on a worker thread. A render takes ~50 ms of CPU and holds ~5 MB of native memory until it is
 * collected: on the event loop, a Monday of digests held every Slack acknowledgement waiting, and a burst grew
 * memory without bound. One worker renders one chart at a time; the rest queue. The worker does not keep the
 * process alive while idle.
 */
export function createChartRenderer(): ChartRenderer & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = () => {
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { resvg: require.resolve("@resvg/resvg-js"), options: OPTIONS },
    });
    started.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (waiting.size === 0) started.unref();
      if (!pending) return;
      if (message.png) pending.resolve(Buffer.from(message.png));
      else pending.reject(new Error(`rendering a chart failed: ${message.error}`));
    });
    // A crashed worker fails what it held; the next render starts a new one.
    started.on("error", (error) => failAll(error));
    started.on("exit", (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`the chart worker stopped (exit ${code})`));
    });
    started.unref();
    return started;
  };
  const render = (svg: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      worker ??= start();
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, svg });
    });
  return Object.assign(render, {
    async close() {
      const stopping = worker;
      worker = null;
      await stopping?.terminate();
    },
  });
}

/** The process's one chart worker: the chat's trend and the scheduler's digests queue on it. */
export const renderChart: ChartRenderer = createChartRenderer();
