// Bundles the compiled CLI (dist/src/cli.js) into dist/bundle, which bin/corong.js runs. Loading hundreds of small
// ES modules is most of a cold start (Kysely alone is about 400 files, 270 ms), so the pure-JavaScript code (ours,
// Kysely, zod) is bundled into a few files. Native addons, worker-based and lazily loaded packages stay ordinary
// imports from node_modules; dynamic imports stay lazy (code splitting).
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const BUNDLED = new Set(["kysely", "zod"]);
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// A fresh folder: chunk names change with their content, and old ones would pile up.
rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: ["dist/src/cli.js"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist/bundle",
  external,
  logLevel: "warning",
});
