#!/usr/bin/python3
"""Writes a reproducible benchmark CSV of about SIZE_MB megabytes (default 500 MB).

8 columns: id (int), user_id (int), amount (float), ratio (float, ~3% null), city (short
string, ~1% null), note (free text: ~10% quoted with a delimiter inside, ~1% quoted with
escaped quotes), flag (bool), day (ISO date). Same seed and size, same bytes.
The file is written beside OUT and renamed into place, so an interrupted run leaves no
truncated file behind that a later run could mistake for a finished one.
Usage: gen_csv.py OUT.csv [SIZE_MB] [--seed N]
"""
import argparse
import os
import random
import sys

CITIES = ["Lisbon", "Oslo", "Lima", "Pune", "Quito", "Perth", "Cork", "Kyiv", "Nice", "Bonn"]
WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "zeta", "eta"]
HEADER = "id,user_id,amount,ratio,city,note,flag,day\n"


def rows(rng):
    """Yields the data lines, one record each."""
    i = 0
    while True:
        r = rng.random()
        note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        if r < 0.01:
            note = '"' + note + ' ""quoted"" end"'
        elif r < 0.11:
            note = '"' + note + ', with comma"'
        ratio = "" if rng.random() < 0.03 else f"{rng.random():.6f}"
        city = "" if rng.random() < 0.01 else rng.choice(CITIES)
        yield (f"{i},{rng.randint(1, 100000)},{rng.uniform(-500, 5000):.2f},{ratio},"
               f"{city},{note},{'true' if rng.random() < 0.5 else 'false'},"
               f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
        i += 1


def write(out, target, seed):
    """Writes about `target` bytes (whole records, ASCII) to `out`; returns (records, bytes)."""
    rng = random.Random(seed)
    tmp = f"{out}.part{os.getpid()}"
    written = len(HEADER)
    count = 0
    try:
        with open(tmp, "w", newline="", encoding="ascii") as f:
            f.write(HEADER)
            buf = []
            for line in rows(rng):
                if written >= target:
                    break
                buf.append(line)
                written += len(line)
                count += 1
                if len(buf) >= 10000:
                    f.write("".join(buf))
                    buf.clear()
            f.write("".join(buf))
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return count, written


def main():
    p = argparse.ArgumentParser(description="Write a reproducible benchmark CSV.")
    p.add_argument("out", help="output CSV path")
    p.add_argument("size_mb", nargs="?", type=float, default=500.0,
                   help="approximate size in MB (10^6 bytes, default 500)")
    p.add_argument("--seed", type=int, default=20261124, help="random seed (default 20261124)")
    a = p.parse_args()
    if not a.size_mb > 0:
        p.error(f"SIZE_MB must be more than 0, got {a.size_mb:g}")
    try:
        count, written = write(a.out, int(a.size_mb * 1_000_000), a.seed)
    except OSError as e:
        print(f"gen_csv.py: cannot write {a.out}: {e.strerror}", file=sys.stderr)
        return 1
    print(f"{a.out}: {count} rows, {written} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
