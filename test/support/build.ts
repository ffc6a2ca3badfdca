import { execFileSync } from "node:child_process";

/** The end-to-end tests run the real `corong` binary, so compile it once before any test file starts. */
export default function setup() {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
