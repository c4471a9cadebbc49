#!/usr/bin/env python3
"""Builds crates/hearsay-train/data/names.tsv, the list of person names and
places that the speaker ranker reads as features (see
crates/hearsay-core/src/learn/names.rs). Run from anywhere:

    python3 scripts/names.py

Source: the word lists inside Faker (https://github.com/joke2k/faker, MIT
licence), pinned below to one exact version from PyPI. Nothing is generated
at random: the script imports Faker's provider modules and reads the lists
they hold as class attributes.

What it does:
1. Makes (once) a venv at target/names-venv with `python3 -m venv`,
   pip-installs Faker==FAKER_VERSION into it (only when that exact version
   is not there already) and runs itself again with the venv's python. A
   second run reuses the venv and installs nothing.
2. Given names and surnames: for each locale of PERSON_LOCALES that the
   installed Faker has (missing ones are skipped; the ones used are
   printed), imports `faker.providers.person.<locale>` and reads every
   attribute of its `Provider` named like
     given:   first_names, first_names_<x>[_<y>], first_<x>_names[_<y>]
              (e.g. first_names_female, first_names_male_islamic,
              first_romanized_names, first_kana_names)
     surname: last_names, last_names_<x>[_<y>], last_<x>_names[_<y>],
              <x>_last_names (e.g. last_names_female, last_romanized_names,
              male_last_names and unisex_last_names in pl_PL)
   Tuples and lists give their items; dicts (OrderedDicts of name ->
   weight) give their keys. Skipped: an attribute that is Faker's generic
   fallback (the base person provider's ["John", "Jane"] / ["Doe"],
   inherited by locales that lack a list), and is_IS
   last_names_without_suffix (stems such as "Abels" that Faker completes
   with -son / -dóttir). Middle names, patronymics, prefixes, suffixes and
   format templates are not read.
3. Places: country names from the `countries` attribute of
   `faker.providers.address.<locale>.Provider` for each locale of
   COUNTRY_LOCALES that has its own list (not Faker's generic English
   fallback), and the first-level subdivisions listed in SUBDIVISIONS
   (US states, Canadian provinces, German Länder, ...). Only attributes
   that hold real names are used, never format templates; where Faker
   gives (code, name) pairs or a code -> name dict, the name is taken.
   Lists that hold only adjectives of a name (pl_PL regions
   "Dolnośląskie", hr_HR counties "Zagrebačka", ru_RU oblasts
   "Амурская") are left out.
4. Normalises each entry: surrounding whitespace stripped and inner runs
   of whitespace made one space; dropped if empty, if it holds a digit
   (any script's) or a control character, or if it is longer than MAX_LEN
   characters. Multi-word entries are kept as written ("New South Wales",
   "van der Berg"); case is not changed. Person names get two more steps,
   for slips in Faker's lists: list punctuation around a name is removed
   ("அகுல்," and "(पाण्डे)" become "அகுல்" and "पाण्डे"), and a name still
   holding anything but letters, combining marks, spaces, hyphens,
   apostrophes, dots and zero-width (non-)joiners is dropped (two names
   in one entry, "Bourgondië, van", a mis-encoded "N˜zamett˜n"). Place
   names keep their punctuation ("Bogotá, D.C.", "Bermudes (Les)"). If
   CAP is set, only the first CAP entries of each attribute (in the
   provider's own order) are read; it is None now, as the file is well
   under 2 MB without it.
5. Writes names.tsv: UTF-8, one `<class>\\t<name>` per line, class being
   `given`, `surname` or `place`; exact (class, name) duplicates removed;
   sorted by class, then name (Python's default string order), so the
   output is the same on every run. The file opens with `# ` comment lines
   naming the source, its version and licence, this command, the locales
   used and the count of each class.

The output is committed: `make train` (cargo run -p hearsay-train --
models) reads crates/hearsay-train/data/names.tsv and does not need Python
or Faker. Re-run this script only to change the lists.
"""
import os
import re
import subprocess
import sys
import unicodedata

FAKER_VERSION = "40.63.0"
MAX_LEN = 40
CAP = None  # e.g. 3000: at most this many entries of each attribute

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "names-venv")
OUT = os.path.join(ROOT, "crates", "hearsay-train", "data", "names.tsv")

# Locales whose person providers give given names and surnames; many
# cultures and scripts. Those the installed Faker lacks are skipped.
PERSON_LOCALES = [
    # English-speaking
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_NZ", "en_PK",
    "en_TH",
    # Western and northern Europe
    "de_DE", "de_AT", "de_CH", "de_LI", "de_LU", "fr_FR", "fr_BE", "fr_CA",
    "fr_CH", "nl_NL", "nl_BE", "it_IT", "es_ES", "es_CA", "pt_PT", "ga_IE",
    "sv_SE", "no_NO", "da_DK", "fi_FI", "is_IS",
    # Latin America
    "es_MX", "es_AR", "es_CL", "es_CO", "pt_BR",
    # Central, eastern and south-eastern Europe, Caucasus
    "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "bg_BG",
    "mk_MK", "el_GR", "et_EE", "lv_LV", "lt_LT", "ru_RU", "uk_UA", "ka_GE",
    "hy_AM", "az_AZ", "tr_TR",
    # Middle East and North Africa
    "ar_AA", "ar_SA", "ar_PS", "ar_DZ", "fr_DZ", "fa_IR", "he_IL",
    # South Asia
    "hi_IN", "bn_BD", "ne_NP", "ta_IN", "mr_IN", "gu_IN", "or_IN", "si_LK",
    # East and south-east Asia
    "zh_CN", "zh_TW", "ja_JP", "ko_KR", "vi_VN", "th_TH", "id_ID", "fil_PH",
    "uz_UZ",
    # Sub-Saharan Africa
    "sw", "zu_ZA", "yo_NG", "ha_NG", "ig_NG", "tw_GH",
]

GIVEN_RE = re.compile(r"^first_(?:[a-z]+_)?names(?:_[a-z]+)*$")
SURNAME_RE = re.compile(r"^(?:[a-z]+_)?last_(?:[a-z]+_)?names(?:_[a-z]+)*$")
# Matching those patterns but not names: is_IS stems that Faker completes
# with -son / -dóttir ("Abels").
PERSON_SKIP = {"last_names_without_suffix"}

# Locales whose address providers' `countries` are read (country names in
# that locale's language).
COUNTRY_LOCALES = [
    "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pt_PT", "nl_NL",
    "sv_SE", "da_DK", "fi_FI", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU",
    "el_GR", "ru_RU", "uk_UA", "mk_MK", "ka_GE", "hy_AM", "az_AZ", "fa_IR",
    "he_IL", "hi_IN", "bn_BD", "ne_NP", "ta_IN", "zh_CN", "zh_TW", "ja_JP",
    "ko_KR", "th_TH", "id_ID", "zu_ZA",
]

# First-level subdivisions: (locale, attribute, shape). Shape "list" is a
# list of names; "pairs" is a list of (code, name); "dict" maps code to name.
SUBDIVISIONS = [
    ("en_US", "states", "list"),
    ("en_CA", "provinces", "list"),
    ("fr_CA", "provinces", "list"),
    ("en_AU", "states", "list"),
    ("en_GB", "counties", "list"),
    ("en_IE", "counties", "list"),
    ("en_IN", "states", "list"),
    ("en_PH", "provinces", "list"),
    ("de_DE", "states", "list"),
    ("de_AT", "states", "list"),
    ("de_CH", "cantons", "pairs"),
    ("fr_CH", "cantons", "pairs"),
    ("fr_FR", "regions", "list"),
    ("fr_FR", "departments", "pairs"),
    ("es_ES", "regions", "list"),
    ("es_ES", "states", "list"),
    ("es_MX", "states", "pairs"),
    ("es_AR", "provinces", "dict"),
    ("es_CL", "regions", "dict"),
    ("es_CO", "departments", "dict"),
    ("pt_BR", "estados", "pairs"),
    ("it_IT", "states", "list"),
    ("nl_NL", "provinces", "list"),
    ("nl_BE", "provinces", "list"),
    ("sv_SE", "states", "list"),
    ("da_DK", "states", "list"),
    ("fi_FI", "states", "list"),
    ("cs_CZ", "states", "list"),
    ("sk_SK", "states", "list"),
    ("sl_SI", "states", "list"),
    ("hu_HU", "counties", "list"),
    ("ro_RO", "states", "pairs"),
    ("el_GR", "regions", "list"),
    ("ru_RU", "region_republics", "list"),
    ("uk_UA", "region_names", "list"),
    ("mk_MK", "states", "list"),
    ("hy_AM", "states", "list"),
    ("fa_IR", "states", "list"),
    ("ar_DZ", "wilayas", "list"),
    ("fr_DZ", "wilayas", "list"),
    ("hi_IN", "states", "list"),
    ("mr_IN", "states", "list"),
    ("ta_IN", "states", "list"),
    ("ne_NP", "provinces", "list"),
    ("zh_CN", "provinces", "list"),
    ("ja_JP", "prefectures", "list"),
    ("ko_KR", "provinces", "list"),
    ("vi_VN", "provinces", "list"),
    ("th_TH", "provinces", "list"),
    ("id_ID", "states", "list"),
    ("zu_ZA", "provinces", "list"),
]


def in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def bootstrap():
    """Makes the venv if missing, installs the pinned Faker if it is not
    there, and runs this script again inside the venv."""
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print(f"creating venv {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    have = subprocess.run(
        [python, "-c",
         "import importlib.metadata as m; print(m.version('Faker'))"],
        capture_output=True, text=True,
    ).stdout.strip()
    if have != FAKER_VERSION:
        print(f"installing Faker=={FAKER_VERSION} (found: {have or 'none'})",
              file=sys.stderr)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet",
             "--disable-pip-version-check", f"Faker=={FAKER_VERSION}"],
            check=True,
        )
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


# What a person name may hold besides letters and combining marks: spaces,
# hyphens, apostrophes, dots (initials) and the zero-width (non-)joiners
# that Indic and Persian spellings need.
NAME_PUNCT = set(" -'\u2019\u2018.\u200c\u200d")


def clean(name, cls):
    """The entry as written to the file, or None if it is dropped."""
    if not isinstance(name, str):
        return None
    name = " ".join(name.split())
    if cls != "place":
        # Faker's stray list punctuation around a name: "அகுல்,", "(पाण्डे)".
        name = name.strip(",;()").strip()
    if not name or len(name) > MAX_LEN:
        return None
    if any(c.isdigit() or unicodedata.category(c) == "Cc" for c in name):
        return None
    if cls != "place" and any(
        c not in NAME_PUNCT and unicodedata.category(c)[0] not in "LM"
        for c in name
    ):
        return None
    return name


def items(value):
    """The strings an attribute lists: a dict's keys, a sequence's items."""
    seq = list(value.keys()) if isinstance(value, dict) else list(value)
    return seq if CAP is None else seq[:CAP]


def load_provider(kind, locale):
    import importlib
    try:
        module = importlib.import_module(f"faker.providers.{kind}.{locale}")
    except ImportError:
        return None
    return getattr(module, "Provider", None)


def person_names(entries):
    import faker.providers.person as base_module
    base = base_module.Provider
    used, missing = [], []
    for locale in PERSON_LOCALES:
        provider = load_provider("person", locale)
        if provider is None:
            missing.append(locale)
            continue
        attrs = []
        for attr in sorted(dir(provider)):
            if attr in PERSON_SKIP:
                continue
            if GIVEN_RE.match(attr):
                cls = "given"
            elif SURNAME_RE.match(attr):
                cls = "surname"
            else:
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (list, tuple, dict)):
                continue
            if value is getattr(base, attr, None):
                continue  # Faker's generic John / Jane / Doe
            n = 0
            for name in items(value):
                name = clean(name, cls)
                if name is not None:
                    entries.add((cls, name))
                    n += 1
            attrs.append(f"{attr}({n})")
        if attrs:
            used.append(locale)
            print(f"person {locale}: {' '.join(attrs)}")
        else:
            missing.append(locale)
    return used, missing


def places(entries):
    import faker.providers.address as base_module
    base = base_module.Provider
    used, missing = [], []
    for locale in COUNTRY_LOCALES:
        provider = load_provider("address", locale)
        countries = getattr(provider, "countries", None)
        if provider is None or countries is None or countries is base.countries:
            missing.append(f"{locale}.countries")
            continue
        n = 0
        for name in items(countries):
            name = clean(name, "place")
            if name is not None:
                entries.add(("place", name))
                n += 1
        used.append(f"{locale}.countries({n})")
    for locale, attr, shape in SUBDIVISIONS:
        provider = load_provider("address", locale)
        value = getattr(provider, attr, None) if provider else None
        if value is None:
            missing.append(f"{locale}.{attr}")
            continue
        if shape == "dict":
            names = list(value.values())
        elif shape == "pairs":
            names = [pair[-1] for pair in value]
        else:
            names = list(value)
        if CAP is not None:
            names = names[:CAP]
        n = 0
        for name in names:
            name = clean(name, "place")
            if name is not None:
                entries.add(("place", name))
                n += 1
        used.append(f"{locale}.{attr}({n})")
    return used, missing


def main():
    import importlib.metadata
    version = importlib.metadata.version("Faker")
    if version != FAKER_VERSION:
        sys.exit(f"Faker {version} found, {FAKER_VERSION} wanted")

    entries = set()
    person_used, person_missing = person_names(entries)
    place_used, place_missing = places(entries)
    print(f"person locales used ({len(person_used)}): {' '.join(person_used)}")
    if person_missing:
        print(f"person locales not in Faker {version}: {' '.join(person_missing)}")
    print(f"place attributes used ({len(place_used)}): {' '.join(place_used)}")
    if place_missing:
        print(f"place attributes not found: {' '.join(place_missing)}")

    lines = sorted(entries)
    counts = {c: sum(1 for k, _ in lines if k == c)
              for c in ("given", "surname", "place")}
    cap = ("every entry of each attribute" if CAP is None
           else f"at most the first {CAP} entries of each attribute")
    header = [
        f"# Person names and places from Faker {version} "
        "(MIT licence, https://github.com/joke2k/faker): the lists in its "
        "person and address providers.",
        "# Built by: python3 scripts/names.py (do not edit by hand).",
        "# Format: <class>\\t<name>, class given, surname or place; "
        f"sorted; {cap}; entries with digits or over {MAX_LEN} characters "
        "dropped (other rules: the docstring of scripts/names.py).",
        f"# Person locales ({len(person_used)}): {' '.join(person_used)}",
        "# Place lists: countries of "
        + " ".join(a.split(".")[0] for a in place_used if ".countries(" in a)
        + "; subdivisions "
        + " ".join(a.split("(")[0] for a in place_used if ".countries(" not in a),
        "# Counts: " + ", ".join(f"{c} {n}" for c, n in counts.items())
        + f", total {len(lines)}",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(line + "\n")
        for cls, name in lines:
            f.write(f"{cls}\t{name}\n")
    size = os.path.getsize(OUT)
    print(f"wrote {os.path.relpath(OUT, ROOT)}: "
          + ", ".join(f"{c} {n}" for c, n in counts.items())
          + f"; {size} bytes")


if __name__ == "__main__":
    if in_venv():
        main()
    else:
        bootstrap()
