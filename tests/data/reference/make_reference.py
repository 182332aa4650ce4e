#!/usr/bin/env python3
"""pandas reference figures for the bundled sample (resources/samples/weather.csv).

Run by hand after the sample changes, never at test time; the outputs are committed:
  weather_profile.json            per column: count, nulls, min, max, sum, mean, std (ddof=1),
                                  quantiles (linear interpolation) and the two order
                                  statistics each interpolates between, nunique, top values
  weather_groupby_station.json    per station: row count, non-null counts and means
  weather_groupby_condition.json  the same per condition

Usage: /usr/bin/python3 make_reference.py   (needs pandas; Debian: python3-pandas)
"""
import json
import math
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "resources", "samples", "weather.csv")
QUANTILES = {"p1": 0.01, "p5": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95,
             "p99": 0.99}
NUMERIC = ["temp_max", "temp_min", "precipitation", "wind_kmh"]


def scalar(v):
    """numpy scalars to plain Python values that json writes exactly (repr of floats)."""
    if hasattr(v, "item"):
        v = v.item()
    return v


def neighbours(s):
    """The two order statistics each linear quantile interpolates between: the sketch promises
    to be within alpha (relative) of them, so tests derive their tolerance from these."""
    values = sorted(s.dropna().tolist())
    out = {}
    for k, q in QUANTILES.items():
        h = (len(values) - 1) * q
        lo = math.floor(h)
        out[k] = [scalar(values[lo]), scalar(values[min(lo + 1, len(values) - 1)])]
    return out


def profile(df):
    columns = []
    for name in df.columns:
        s = df[name]
        col = {
            "name": name,
            "dtype": str(s.dtype),
            "count": int(s.count()),
            "nulls": int(s.isna().sum()),
            "nunique": int(s.nunique()),
        }
        if name in NUMERIC:
            col.update({
                "min": scalar(s.min()), "max": scalar(s.max()), "sum": scalar(s.sum()),
                "mean": scalar(s.mean()), "std": scalar(s.std(ddof=1)),
                "quantiles": {k: scalar(s.quantile(q, interpolation="linear"))
                              for k, q in QUANTILES.items()},
                "quantile_neighbours": neighbours(s),
            })
        elif s.dtype == bool:
            col["value_counts"] = {str(k).lower(): int(v) for k, v in s.value_counts().items()}
        else:
            col.update({"min": s.min(), "max": s.max()})
            counts = s.value_counts()
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-8")))[:10]
            col["top"] = [{"value": k, "count": int(v)} for k, v in top]
            lengths = s.dropna().str.len()
            col["length"] = {"min": int(lengths.min()), "max": int(lengths.max()),
                             "mean": scalar(lengths.mean())}
        columns.append(col)
    return {"rows": int(len(df)), "columns": columns}


def groupby(df, key):
    g = df.groupby(key, sort=True)
    out = []
    for k, part in g:
        entry = {key: k, "count": int(len(part))}
        for c in NUMERIC:
            entry["count_" + c] = int(part[c].count())
            entry["mean_" + c] = scalar(part[c].mean())
            entry["sum_" + c] = scalar(part[c].sum())
        out.append(entry)
    return {"key": key, "groups": out}


def write(name, doc):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    df = pd.read_csv(SAMPLE)
    write("weather_profile.json", profile(df))
    write("weather_groupby_station.json", groupby(df, "station"))
    write("weather_groupby_condition.json", groupby(df, "condition"))


if __name__ == "__main__":
    main()
