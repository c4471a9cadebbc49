#!/usr/bin/env python3
"""Trunk post-build hook: give dist/index.html a strict Content-Security-Policy.

Trunk inlines a small module script that loads the wasm. Rather than allow
inline scripts, this hashes each inline <script> and allows exactly those
hashes, plus 'self' and 'wasm-unsafe-eval' (needed to compile WebAssembly).
Everything else is refused: no other origin, no connection but to 'self',
no plugin, no frame. Run by Trunk with TRUNK_STAGING_DIR set.

It gives the model bundle a hashed name (models-<id>.hsb) and names it in
a <meta> tag the page reads, with a preload. Then it writes sw.js, the service worker that keeps the app shell for
offline use: the list of every file of the build and a version made from
their contents, so a new release installs a new cache (and drops the old
one) while the work in the browser's storage stays as it is.

Last it writes _headers, the response headers for static hosts that read
such a file (Netlify, Cloudflare Pages): the same policy plus what a meta
tag cannot set, frame-ancestors 'none', and the other headers a host
should send. It is not in the service worker's list: hosts do not serve it.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp.py: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()

# The model bundle gets a name made from its contents (its id: the first 16
# hex digits of its SHA-256), so a browser never keeps an old one under a
# new release; the page finds it by <meta name="hearsay-models">, and a
# preload starts fetching it beside the wasm.
bundle = os.path.join(staging, "hearsay.hsb")
if os.path.exists(bundle):
    data = open(bundle, "rb").read()
    name = f"models-{hashlib.sha256(data).hexdigest()[:16]}.hsb"
    os.replace(bundle, os.path.join(staging, name))
    tags = (
        f'<meta name="hearsay-models" content="{name}">\n'
        f'    <link rel="preload" href="{name}" as="fetch" type="application/octet-stream" crossorigin="anonymous">\n'
    )
    html = re.sub(r'<meta name="hearsay-models"[^>]*>\s*<link rel="preload"[^>]*>\s*', "", html)
    html = html.replace("<title>", tags + "    <title>", 1)
hashes = []
for body in re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S):
    if body.strip():
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
policy = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace("<head>", "<head>\n    " + meta, 1)
open(path, "w", encoding="utf-8").write(html)

# The service worker: every file of the build, cached at install, served
# from the cache first; a page load asks the network first (a new release
# is seen at once) and falls back to the cached page when offline.
files = sorted(
    os.path.relpath(os.path.join(d, f), staging).replace(os.sep, "/")
    for d, _, fs in os.walk(staging)
    for f in fs
    if f != "sw.js"
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode("utf-8"))
    digest.update(hashlib.sha256(open(os.path.join(staging, name), "rb").read()).digest())
version = digest.hexdigest()[:16]
worker = """// Written by scripts/csp.py at build time: the offline copy of the app.
const CACHE = 'hearsay-' + %(version)s;
const FILES = %(files)s;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hearsay-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      try {
        return await fetch(request);
      } catch {
        return (await cache.match('./')) ?? Response.error();
      }
    }
    return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
  })());
});
""" % {"version": repr(version), "files": "[" + ", ".join(repr(f) for f in files) + "]"}
open(os.path.join(staging, "sw.js"), "w", encoding="utf-8").write(worker)

# Headers for static hosts that read a _headers file; others should send
# the same (README, "Publishing and offline use").
headers = "\n".join([
    "/*",
    f"  Content-Security-Policy: {policy}; frame-ancestors 'none'",
    "  X-Frame-Options: DENY",
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: no-referrer",
    "  Cross-Origin-Opener-Policy: same-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "",
])
open(os.path.join(staging, "_headers"), "w", encoding="utf-8").write(headers)
