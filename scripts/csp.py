#!/usr/bin/env python3
"""Trunk post-build hook: give dist/index.html a strict Content-Security-Policy.

Trunk inlines a small module script that loads the wasm. Rather than allow
inline scripts, this hashes each inline <script> and allows exactly those
hashes, plus 'self' and 'wasm-unsafe-eval' (needed to compile WebAssembly).
Everything else is refused: no other origin, no connection but to 'self',
no plugin, no frame. Run by Trunk with TRUNK_STAGING_DIR set.
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
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace("<head>", "<head>\n    " + meta, 1)
open(path, "w", encoding="utf-8").write(html)
