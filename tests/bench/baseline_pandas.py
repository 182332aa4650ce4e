#!/usr/bin/python3
"""Baseline: pandas read_csv + describe() on FILE; prints wall seconds."""
import sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
d = df.describe(include="all")
print(f"pandas rows={len(df)} wall_s={time.perf_counter() - t:.3f}")
