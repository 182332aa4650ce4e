#!/usr/bin/python3
"""Baseline: the textbook multiprocessing.Pool.map over 1,000-row chunks of FILE, each chunk
parsed with the csv module and summarised (count, sum, min, max per numeric column)."""
import csv, io, sys, time
from multiprocessing import Pool

NUMERIC = (0, 1, 2, 3)

def summarise(lines):
    acc = [[0, 0.0, float("inf"), float("-inf")] for _ in NUMERIC]
    for row in csv.reader(io.StringIO("".join(lines))):
        for k, c in enumerate(NUMERIC):
            v = row[c]
            if v == "":
                continue
            x = float(v)
            a = acc[k]
            a[0] += 1; a[1] += x; a[2] = min(a[2], x); a[3] = max(a[3], x)
    return acc

def chunks(path, size=1000):
    with open(path, newline="") as f:
        f.readline()
        buf = []
        for line in f:  # the textbook script splits on lines (breaks on quoted newlines)
            buf.append(line)
            if len(buf) == size:
                yield buf
                buf = []
        if buf:
            yield buf

if __name__ == "__main__":
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    t = time.perf_counter()
    with Pool(workers) as pool:
        parts = pool.map(summarise, chunks(sys.argv[1]), chunksize=16)
    print(f"mp_pool workers={workers} chunks={len(parts)} wall_s={time.perf_counter() - t:.3f}")
