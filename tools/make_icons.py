#!/usr/bin/env python3
"""Draws the extension's icon (a shield with a check mark) as PNGs in extension/icons/.
Pure Python, no dependencies; run it again after changing the drawing."""
import math, os, struct, zlib

def shield(x, y):
    # Unit square coordinates: a shield with a flat top and a pointed bottom.
    if y < 0.12 or y > 0.94: return False
    half = 0.38 if y < 0.55 else 0.38 * math.cos((y - 0.55) / 0.39 * math.pi / 2)
    return abs(x - 0.5) <= half

def check(x, y):
    def near(ax, ay, bx, by, w=0.075):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w
    return near(0.32, 0.50, 0.45, 0.64) or near(0.45, 0.64, 0.69, 0.36)

def pixel(size, px, py, ss=4):
    cover_s = cover_c = 0
    for i in range(ss):
        for j in range(ss):
            x, y = (px + (i + .5) / ss) / size, (py + (j + .5) / ss) / size
            if shield(x, y):
                cover_s += 1
                cover_c += check(x, y)
    n = ss * ss
    if cover_s == 0: return (0, 0, 0, 0)
    a = cover_s / n
    c = cover_c / cover_s
    blue, white = (26, 86, 219), (255, 255, 255)
    rgb = tuple(round(b * (1 - c) + w * c) for b, w in zip(blue, white))
    return rgb + (round(255 * a),)

def png(size):
    rows = b''.join(b'\x00' + bytes(v for px in range(size) for v in pixel(size, px, py)) for py in range(size))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))

out = os.path.join(os.path.dirname(__file__), '..', 'extension', 'icons')
for s in (16, 32, 48, 128):
    with open(os.path.join(out, f'icon-{s}.png'), 'wb') as f: f.write(png(s))
