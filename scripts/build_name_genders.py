#!/usr/bin/env python3
"""Builds crates/newsgraph/data/ner/genders.tsv: first names whose bearers are mostly of one gender.

Each line: lower-cased first name, TAB, `m` or `f`. Source: the US Census 1990 first-name lists in
../shared/resources/census-names (public domain); a name counts when at least 80% of its bearers (by the lists'
frequencies) are of one gender, so `Kelly`, `Jordan` and `Robin` stay out. The census is US-centric: a short
hand-made list adds first names common in international news that it lacks (Slavic, Arabic, Turkish, German).
Pronoun resolution uses the table so that `she` does not go to a man last named before it.
Run from the repository root: python3 scripts/build_name_genders.py
"""
import os

RES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "resources")
if not os.path.isdir(RES):
    RES = "/work/shared/resources"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "newsgraph", "data", "ner", "genders.tsv")


def freqs(fname):
    out = {}
    for line in open(os.path.join(RES, "census-names", fname)):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


male, female = freqs("dist.male.first"), freqs("dist.female.first")
genders = {}
for name in set(male) | set(female):
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m + f > 0 and m / (m + f) >= 0.8:
        genders[name] = "m"
    elif m + f > 0 and f / (m + f) >= 0.8:
        genders[name] = "f"

INTERNATIONAL = {
    "m": """vladimir volodymyr dmitry dmitri dmytro sergei sergey serhiy serhii oleksandr oleksiy oleksii andriy
        andrii mykhailo mikhail ihor igor denys denis petro pyotr viktor yevgeny yevgeniy evgeny alexei alexey
        aleksandr nikolai mykola kirill ruslan arseniy vitali vitaliy vitaly yuriy yuri vadym vadim taras bohdan
        bogdan anatoly anatoliy valery valeriy gennady hennadiy maxim maksym stanislav vyacheslav borys boris
        oleg oleh ivan vasily vasyl grigory hryhoriy kyrylo leonid emomali ilham nursultan kassym-jomart
        shavkat sadyr serdar nikol recep tayyip mevlut mohammed muhammad mohammad mohamed ahmed ahmad ali hassan
        hussein abdullah abdel abdul omar khalid mahmoud bashar hamad tamim salman emmanuel olaf heiko jens
        frank-walter narendra shinzo fumio yoshihide""",
    "f": """olena yulia yuliya iryna oksana lyudmyla liudmyla ludmila halyna kateryna ekaterina yekaterina
        tatiana tetiana tatyana natalia nataliya svetlana valentina olga elena maria anna irina marina
        daria darya alina viktoriya viktoriia ursula annalena angela kamala jacinda""",
}
for gender, names in INTERNATIONAL.items():
    for name in names.split():
        genders.setdefault(name, gender)

with open(OUT, "w", encoding="utf-8") as out:
    for name in sorted(genders):
        out.write(f"{name}\t{genders[name]}\n")
print(f"{len(genders)} names -> {OUT}")
