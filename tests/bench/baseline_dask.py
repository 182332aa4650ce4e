#!/usr/bin/python3
"""Baseline: dask.dataframe read_csv + describe() with the threaded scheduler on FILE."""
import sys, time
import dask
import dask.dataframe as dd
workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
t = time.perf_counter()
with dask.config.set(scheduler="threads", num_workers=workers):
    df = dd.read_csv(sys.argv[1], blocksize="64MB", dtype={"ratio": "float64"})
    d = df.describe().compute()
print(f"dask workers={workers} wall_s={time.perf_counter() - t:.3f}")
