#!/usr/bin/env python3
"""How hearsay's cost grows with input: 1, 10 and 100 MB through `hearsay extract`.

usage: bench_scaling.py HEARSAY_BIN [SIZES_MB...]   (default 1 10 100)

Generates news-like text from the project's own sample articles (varied
names, figures and emoji per copy), in files of at most 10 MB, runs
`hearsay extract -o /dev/null` on them (one process, one thread) and prints
wall time, MB/s and the process's peak resident memory, so that linear
growth shows as a constant MB/s and a constant memory per MB.
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "src", "demo.txt"), os.path.join(ROOT, "tests", "e2e", "fixtures", "article.txt")]
NAMES = ["Aalto", "Barros", "Okafor", "Lindqvist", "Sato", "Moreau", "Haddad", "Novak"]


def generate(directory, megabytes):
    bases = [open(p, encoding="utf-8").read() for p in SOURCES]
    target = megabytes * 1_000_000
    written, part, i = 0, 0, 0
    while written < target:
        size = min(10_000_000, target - written)
        chunks, n = [], 0
        while n < size:
            text = bases[i % len(bases)]
            text = text.replace("Barros", NAMES[i % len(NAMES)]).replace("Aalto", NAMES[(i + 3) % len(NAMES)])
            text = text.replace("14%", f"{i % 97}%") + ("🚆 " if i % 5 == 0 else "")
            chunks.append(text)
            n += len(text.encode("utf-8"))
            i += 1
        data = "\n".join(chunks)
        with open(os.path.join(directory, f"part{part:03}.txt"), "w", encoding="utf-8") as f:
            f.write(data)
        written += len(data.encode("utf-8"))
        part += 1
    return written


def run(binary, directory):
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "extract", "-o", os.devnull, directory])
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"hearsay extract failed with status {status}")
    return seconds, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def main():
    binary = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [1, 10, 100]
    print(f"{'input':>8} {'seconds':>8} {'MB/s':>7} {'peak RSS':>10} {'RSS/input':>10}")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            size = generate(tmp, mb)
            seconds, rss = run(binary, tmp)
            print(f"{size / 1e6:>6.0f}MB {seconds:>8.2f} {size / 1e6 / seconds:>7.1f} "
                  f"{rss / 1e6:>8.0f}MB {rss / size:>9.1f}x")


if __name__ == "__main__":
    main()
