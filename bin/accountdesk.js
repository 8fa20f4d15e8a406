#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled by webpack into dist/cli (npm run build:cli).
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'dist', 'cli', 'accountdesk.js');
if (!fs.existsSync(built)) {
  process.stderr.write('AccountDesk is not built yet: run "npm run build:cli" (or "npm run build") first.\n');
  process.exit(2);
}
require(built);
