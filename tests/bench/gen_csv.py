#!/usr/bin/python3
"""Writes a reproducible benchmark CSV of about SIZE bytes (default 500 MB).

8 columns: id (int), user_id (int), amount (float), ratio (float, some missing), city (short
string), note (free text: ~10% quoted with delimiters inside, ~1% with escaped quotes),
flag (bool), day (ISO date). Same seed, same bytes.
Usage: gen_csv.py OUT.csv [SIZE_MB]
"""
import random
import sys

def main():
    out = sys.argv[1]
    target = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 500_000_000
    rng = random.Random(20261124)
    cities = ["Lisbon", "Oslo", "Lima", "Pune", "Quito", "Perth", "Cork", "Kyiv", "Nice", "Bonn"]
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "zeta", "eta"]
    written = 0
    i = 0
    with open(out, "w", newline="") as f:
        header = "id,user_id,amount,ratio,city,note,flag,day\n"
        f.write(header)
        written += len(header)
        buf = []
        while written < target:
            r = rng.random()
            note = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
            if r < 0.01:
                note = '"' + note + ' ""quoted"" end"'
            elif r < 0.11:
                note = '"' + note + ', with comma"'
            ratio = "" if rng.random() < 0.03 else f"{rng.random():.6f}"
            line = (f"{i},{rng.randint(1, 100000)},{rng.uniform(-500, 5000):.2f},{ratio},"
                    f"{rng.choice(cities)},{note},{'true' if rng.random() < 0.5 else 'false'},"
                    f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
            buf.append(line)
            written += len(line)
            i += 1
            if len(buf) >= 10000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    print(f"{out}: {i} rows, {written} bytes")

if __name__ == "__main__":
    main()
