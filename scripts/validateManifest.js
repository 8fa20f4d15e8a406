#!/usr/bin/env node
/**
 * `npm run validate`: offline checks of manifest.xml (see scripts/manifestChecks.js).
 * Prints OK, or one line per problem and exits 1. Microsoft's online validator is
 * `npm run validate:online` (needs the network).
 */
'use strict';

const { checkManifest } = require('./manifestChecks');

checkManifest()
  .then((problems) => {
    if (problems.length === 0) {
      console.log('manifest.xml: OK');
      return;
    }
    console.error(`manifest.xml: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  [${p.rule}] ${p.message}`);
    process.exitCode = 1;
  })
  .catch((error) => {
    console.error(`manifest.xml: could not be checked: ${error.stack ?? error}`);
    process.exitCode = 1;
  });
