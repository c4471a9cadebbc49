#!/usr/bin/env python3
"""Draws the app icons (assets/icon-192.png, assets/icon-512.png): an
opening quotation mark, white on the page's accent blue. Plain Python (zlib
only), so the PNGs can be rebuilt anywhere: python3 scripts/icons.py"""
import os
import struct
import zlib

BLUE = (31, 58, 95)
WHITE = (255, 255, 255)


def inside(x, y):
    """Whether the point (x, y) of the unit square is ink: two round marks,
    each with a tail rising to the right, like a “ mark."""
    for cx in (0.35, 0.63):
        cy, r = 0.58, 0.10
        if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
            return True
        # The tail: a stroke from the dot up and to the right.
        ax, ay, bx, by = cx - 0.02, cy - 0.04, cx + 0.07, cy - 0.26
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        width = 0.075 * (1 - t) + 0.03 * t
        if (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= width * width:
            return True
    return False


def png(size):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            # 4 samples per pixel for smooth edges.
            ink = sum(inside((px + dx) / size, (py + dy) / size) for dx in (0.25, 0.75) for dy in (0.25, 0.75)) / 4
            row += bytes(round(b + (w - b) * ink) for b, w in zip(BLUE, WHITE))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets")
for size in (192, 512):
    with open(os.path.join(root, f"icon-{size}.png"), "wb") as f:
        f.write(png(size))
