import { execFileSync } from "node:child_process";

/** The end-to-end tests run the real `corong` binary, so build it (compile, then bundle) once before any test file starts. */
export default function setup() {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}
