#!/usr/bin/env python3
"""Writes weather.csv, the bundled sample dataset: 20 stations x 1500 days of synthetic daily
weather. Deterministic (seeded, stdlib only): running it again gives the same bytes.

Columns: station (some names hold commas or quotes, so the CSV quotes them), date (ISO),
temp_max and temp_min (one decimal, a few missing as "" or NA), precipitation (mm, often 0),
wind_kmh (int), condition (sun/rain/fog/snow/cloud), has_alert (true/false).

Usage: python3 make_weather.py [output]   (default: weather.csv beside this script)
"""
import csv
import datetime
import math
import os
import random
import sys

STATIONS = [
    ("Reykjavik", 64.1, 4.0), ("Oslo, Blindern", 59.9, 6.5), ("Helsinki-Vantaa", 60.3, 5.5),
    ("Edinburgh", 55.9, 9.0), ("Hamburg", 53.6, 10.0), ("Amsterdam \"Schiphol\"", 52.3, 10.5),
    ("Berlin, Tempelhof", 52.5, 10.0), ("Warsaw", 52.2, 8.5), ("London, \"Heathrow\"", 51.5, 11.5),
    ("Prague", 50.1, 8.5), ("Paris-Montsouris", 48.8, 12.5), ("Vienna", 48.2, 11.0),
    ("Zurich", 47.4, 9.5), ("Bordeaux", 44.8, 14.0), ("Marseille", 43.3, 15.5),
    ("Rome, Ciampino", 41.8, 16.0), ("Madrid", 40.4, 15.0), ("Lisbon", 38.7, 17.5),
    ("Athens", 37.9, 18.5), ("Valletta", 35.9, 19.5),
]
FIRST_DAY = datetime.date(2020, 1, 1)
DAYS = 1500


def row(rng, name, lat, mean_temp, day):
    date = FIRST_DAY + datetime.timedelta(days=day)
    season = math.cos(2 * math.pi * (date.timetuple().tm_yday - 200) / 365.25)
    amplitude = 6 + (lat - 35) * 0.25
    t_mid = mean_temp + amplitude * season + rng.gauss(0, 3)
    spread = max(1.0, rng.gauss(8, 2.5))
    temp_max = round(t_mid + spread / 2, 1)
    temp_min = round(t_mid - spread / 2, 1)
    wet = rng.random() < 0.35 + (lat - 35) * 0.006
    precipitation = round(rng.expovariate(1 / 4.5), 1) if wet else 0.0
    wind = max(0, int(round(rng.gammavariate(2.2, 7.5))))
    if precipitation > 0 and temp_max < 1.0:
        condition = "snow"
    elif precipitation > 0:
        condition = "rain"
    elif wind < 6 and rng.random() < 0.3:
        condition = "fog"
    elif rng.random() < 0.45:
        condition = "cloud"
    else:
        condition = "sun"
    has_alert = wind > 55 or precipitation > 25 or temp_max > 38 or temp_min < -20

    def fmt(v):
        r = rng.random()
        if r < 0.012:
            return ""
        if r < 0.02:
            return "NA"
        return "%.1f" % v

    return [name, date.isoformat(), fmt(temp_max), fmt(temp_min), "%.1f" % precipitation,
            str(wind), condition, "true" if has_alert else "false"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "weather.csv")
    rng = random.Random(20260101)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["station", "date", "temp_max", "temp_min", "precipitation", "wind_kmh",
                    "condition", "has_alert"])
        for day in range(DAYS):
            for name, lat, mean_temp in STATIONS:
                w.writerow(row(rng, name, lat, mean_temp, day))


if __name__ == "__main__":
    main()
