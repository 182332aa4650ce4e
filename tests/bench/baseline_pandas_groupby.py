#!/usr/bin/python3
"""Baseline: pandas read_csv + groupby(user_id) count, sum(amount), mean(ratio) on FILE, the
groups written as JSON records to OUT (as superflow-cli groupby writes its result); prints
wall seconds."""
import sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
g = df.groupby("user_id", dropna=False).agg(
    count=("user_id", "size"), sum_amount=("amount", "sum"), mean_ratio=("ratio", "mean"))
g.reset_index().to_json(sys.argv[2], orient="records")
print(f"pandas groups={len(g)} wall_s={time.perf_counter() - t:.3f}")
