/**
 * HTTPS settings for the add-in dev server (https://localhost:3000).
 *
 * Office only loads add-ins over HTTPS. The template calls office-addin-dev-certs'
 * `getHttpsServerOptions()`, which on Linux also runs `sudo sh install_linux.sh` to trust the CA
 * and throws "sudo: not found" where there is no sudo (OFFICE-JS.md §9). Instead:
 *
 * 1. use ~/.office-addin-dev-certs/{localhost.crt,localhost.key} if they are there, unexpired and
 *    belong together;
 * 2. else, if no CA was generated yet, generate the set with office-addin-dev-certs'
 *    `generateCertificates()` — the generation step only, no install — and use it;
 * 3. else (a stale set exists, or generation failed) fall back to webpack-dev-server's own
 *    self-signed certificate and say how to get a trusted one.
 *
 * Trusting the CA stays a manual step: `npx office-addin-dev-certs install` (needs sudo on Linux),
 * or import ~/.office-addin-dev-certs/ca.crt into the browser that runs Excel on the web.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CA = path.join(CERT_DIR, 'ca.crt');
const CERT = path.join(CERT_DIR, 'localhost.crt');
const KEY = path.join(CERT_DIR, 'localhost.key');
/** Regenerate when fewer than this many ms of validity remain. */
const MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

/** Why the certificate files cannot be used, or null when they can. */
function unusableReason() {
  if (!fs.existsSync(CERT) || !fs.existsSync(KEY)) return `no ${CERT} / ${KEY}`;
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(CERT));
    if (Date.parse(cert.validTo) - Date.now() < MIN_REMAINING_MS) return `${CERT} expired on ${cert.validTo}`;
    if (!cert.checkPrivateKey(crypto.createPrivateKey(fs.readFileSync(KEY)))) return `${KEY} does not match ${CERT}`;
    if (!cert.checkHost('localhost')) return `${CERT} is not for localhost`;
  } catch (e) {
    return `cannot read ${CERT}: ${e.message}`;
  }
  return null;
}

function fileServer() {
  const options = { cert: fs.readFileSync(CERT), key: fs.readFileSync(KEY) };
  if (fs.existsSync(CA)) options.ca = fs.readFileSync(CA);
  return { type: 'https', options };
}

/**
 * The `devServer.server` setting: `{ type: 'https', options: { cert, key, ca } }`, or `'https'`
 * (webpack-dev-server generates a self-signed certificate) when no usable files can be had.
 */
async function devServerHttps() {
  let reason = unusableReason();
  if (reason === null) return fileServer();
  if (!fs.existsSync(CA)) {
    try {
      // Generation only: generateCertificates writes the three files and installs nothing.
      const { generateCertificates } = require('office-addin-dev-certs');
      await generateCertificates();
      reason = unusableReason();
      if (reason === null) {
        console.warn(
          `[dev-server] Generated development certificates in ${CERT_DIR}. To trust them, run ` +
            '`npx office-addin-dev-certs install` (needs sudo on Linux) or import ca.crt into your browser.',
        );
        return fileServer();
      }
    } catch (e) {
      reason = `generating certificates failed: ${e.message}`;
    }
  }
  console.warn(
    `[dev-server] Using a self-signed certificate (${reason}). Office will not trust it; to fix, delete ` +
      `${CERT_DIR} and restart, or run \`npx office-addin-dev-certs install\`.`,
  );
  return 'https';
}

module.exports = { devServerHttps, CERT_DIR };
