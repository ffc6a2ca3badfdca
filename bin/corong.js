#!/usr/bin/env node
// The bundled CLI is built by `npm ci` (the `prepare` script) and by `npm run build` (see scripts/bundle.mjs).
import "../dist/bundle/cli.js";
