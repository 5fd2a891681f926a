#!/usr/bin/env node
// Entry point of the command line; `npm run build:cli` compiles src/ into dist/.
require("../dist/src/cli/main.js");
