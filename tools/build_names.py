#!/usr/bin/env python3
"""Write ``src/ukrsec/data/actors/given_names.txt``, ``surnames.txt`` and ``given_nouns.txt``:
personal names the actors stage uses to tell a person from a capitalized noun.

Sources:
- the first-name and last-name lists of the person providers of the ``faker`` package (MIT licence),
  all locales: names in Latin script as they are; Russian and Ukrainian names (Cyrillic)
  also in German (Duden-style: "Jewgeni", "Selenskyj") and English ("Yevgeny", "Zelenskyy")
  transliteration;
- filters, so that a listed name is rarely a common word: the project's own data (state names,
  adjectives and demonyms of ``countries.jsonl``, place names of ``places.jsonl``, the function and cue
  words of ``words.yaml``, role words of ``roles.yaml``), the German and English word lists of Faker's
  lorem providers, ``name_overrides.yaml: drop`` (hand-kept), and the common German nouns of the
  ``german-nouns`` package (from German Wiktionary, CC BY-SA 4.0; used only to leave words out, none of
  its text is written): a noun entry that is not also marked as a surname, given name or place name
  ("Koch", "Jäger", "Sonne" are left out; "Schmidt", "Merkel" stay). Given names that are common
  nouns stay only when ``words.yaml: common_given`` lists them (those are names only with a surname).

    pip install '.[data]' && pip install --no-deps german-nouns   # once; german-nouns pins an old lxml
    python tools/build_names.py
"""

from __future__ import annotations

import csv
import importlib
import importlib.metadata as md
import importlib.util
import json
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "ukrsec" / "data" / "actors"
CYRILLIC = ("ru_RU", "uk_UA")
# locales whose given names are not taken (lists of rare or generated-looking names, or of regions the
# news names seldom; their surnames are taken)
GIVEN_SKIP = {"en", "en_IN", "en_PK", "en_KE", "en_NG", "en_TH", "id_ID", "sw", "yo_NG", "zu_ZA", "ig_NG",
              "ha_NG", "vi_VN", "uz_UZ", "tw_GH"}
_SHAPE = re.compile(r"^[^\W\d_][^\W\d_]+(?:[-'’][^\W\d_]+)?$")


def latin_name(n: str) -> bool:
    """A capitalized word (one hyphen or apostrophe allowed) in Latin script, not all capitals."""
    if not _SHAPE.match(n) or not n[0].isupper() or n[1:].isupper():
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in n if c.isalpha())


# letter -> (German, English); Ukrainian differences in _UK
_TRANS = {
    "а": ("a", "a"), "б": ("b", "b"), "в": ("w", "v"), "г": ("g", "g"), "ґ": ("g", "g"), "д": ("d", "d"),
    "е": ("e", "e"), "ё": ("jo", "yo"), "є": ("je", "ye"), "ж": ("sch", "zh"), "з": ("s", "z"),
    "и": ("i", "i"), "і": ("i", "i"), "ї": ("ji", "yi"), "й": ("j", "y"), "к": ("k", "k"), "л": ("l", "l"),
    "м": ("m", "m"), "н": ("n", "n"), "о": ("o", "o"), "п": ("p", "p"), "р": ("r", "r"), "с": ("s", "s"),
    "т": ("t", "t"), "у": ("u", "u"), "ф": ("f", "f"), "х": ("ch", "kh"), "ц": ("z", "ts"),
    "ч": ("tsch", "ch"), "ш": ("sch", "sh"), "щ": ("schtsch", "shch"), "ъ": ("", ""), "ы": ("y", "y"),
    "ь": ("", ""), "э": ("e", "e"), "ю": ("ju", "yu"), "я": ("ja", "ya"),
}  # fmt: skip
_UK = {"г": ("h", "h"), "и": ("y", "y")}
_VOWELS = set("аеёиоуыэюяіїє")
# endings first (Russian "-ий" is "-i" in German, "-y" in English: Jewgeni, Yevgeny)
_ENDS = {
    "ru_RU": (("ий", ("i", "y")), ("ый", ("y", "y")), ("ей", ("ei", "ey")), ("ай", ("ai", "ay"))),
    "uk_UA": (("ий", ("yj", "yy")), ("ій", ("ij", "iy")), ("ей", ("ej", "ey"))),
}


def translit(name: str, locale: str) -> set[str]:
    """The German and English transliterations of a Cyrillic name."""
    low = name.lower()
    out = set()
    for k in (0, 1):
        tail = ""
        for end, forms in _ENDS[locale]:
            if low.endswith(end):
                low2, tail = low[: -len(end)], forms[k]
                break
        else:
            low2 = low
        s = []
        for i, ch in enumerate(low2):
            t = (_UK if locale == "uk_UA" else {}).get(ch) or _TRANS.get(ch)
            if t is None:
                return set()
            v = t[k]
            if ch == "е" and (i == 0 or low2[i - 1] in _VOWELS or low2[i - 1] in "ьъ") and locale != "uk_UA":
                v = ("je", "ye")[k]  # Jelena, Yelena
            between = 0 < i < len(low2) - 1 and low2[i - 1] in _VOWELS and low2[i + 1] in _VOWELS
            if k == 0 and ch == "с" and between:
                v = "ss"  # German: Wassili
            s.append(v)
        word = "".join(s) + tail
        if word:
            out.add(word[0].upper() + word[1:])
    return out


def faker_names() -> tuple[set[str], set[str], set[str]]:
    """(given names, surnames, transliterated Cyrillic given names) of the Faker person providers."""
    import faker.providers.person as person

    given: set[str] = set()
    last: set[str] = set()
    cyr: set[str] = set()
    for mod_info in pkgutil.iter_modules(person.__path__):
        try:
            prov = importlib.import_module(f"{person.__name__}.{mod_info.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, value in vars(prov).items():
            wanted = attr.startswith(("first_names", "last_names"))
            if not wanted or not isinstance(value, (list, tuple, dict, set)):
                continue
            if attr.startswith("first") and mod_info.name in GIVEN_SKIP:
                continue
            target = given if attr.startswith("first") else last
            for n in value:
                if mod_info.name in CYRILLIC:
                    (cyr if target is given else last).update(translit(n, mod_info.name))
                elif latin_name(n):
                    target.add(n)
    return ({n for n in given if latin_name(n)}, {n for n in last if latin_name(n)},
            {n for n in cyr if latin_name(n)})  # fmt: skip


def common_nouns(forms: bool = True, names_too: bool = False) -> set[str]:
    """German common nouns (entries of german-nouns that are no name or place), with their inflected
    forms if ``forms``; a word with a name entry too ("Koch", "Martin") only if ``names_too``."""
    spec = importlib.util.find_spec("german_nouns")  # only its data file is read (no import)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("german-nouns is missing: pip install --no-deps german-nouns")
    path = Path(next(iter(spec.submodule_search_locations))) / "nouns.csv"
    nouns: set[str] = set()
    named: set[str] = set()
    with path.open(encoding="utf-8") as f:
        rows = csv.reader(f)
        head = next(rows)
        first_form = head.index("nominativ singular")
        for row in rows:
            if any(k in row[1] for k in ("Nachname", "Vorname", "Toponym")):
                named.add(row[0])
                continue
            nouns.add(row[0])
            if forms:
                nouns.update(x for x in row[first_form:] if x)
    return nouns if names_too else nouns - named


def _jsonl_names(name: str, keys: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            for k in keys:
                out.update(r.get(k) or [])
    return out


def project_words() -> set[str]:
    """Words of the project's data that are no names: states, function and role words."""
    out = _jsonl_names("countries.jsonl", ("names", "adjectives", "demonyms", "metonyms", "capitals"))
    words = yaml.safe_load((DATA / "words.yaml").read_text(encoding="utf-8"))
    for k in ("not_name_start", "titles", "determiners", "place_nouns", "street_words"):
        out.update(str(w) for w in words[k])
    roles = yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))
    for r in roles["roles"]:
        out.update(w for w in r["words"] if " " not in w)
    from faker.providers.lorem.de_DE import Provider as LoremDE
    from faker.providers.lorem.en_US import Provider as LoremEN

    for w in (*LoremDE.word_list, *LoremEN.word_list):
        out.update((w, w[:1].upper() + w[1:]))
    return out


def _write(path: Path, names: set[str], header: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        for n in sorted(names):
            f.write(n + "\n")
    print(f"{path}: {len(names)} names", file=sys.stderr)


def _listed(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def main() -> int:
    """Write the three name lists."""
    over = yaml.safe_load((DATA / "name_overrides.yaml").read_text(encoding="utf-8"))
    common_given = set(yaml.safe_load((DATA / "words.yaml").read_text(encoding="utf-8"))["common_given"])
    _latin_given, last, cyr_given = faker_names()
    nouns, lemmas = common_nouns(names_too=True), common_nouns(forms=False)
    known = project_words() | set(over["drop"])
    places = _jsonl_names("places.jsonl", ("names",))  # a lone place name is the place
    # given names: the list as it is (Faker's Latin-script given names, curated) plus the
    # transliterated Cyrillic ones; nothing listed is removed
    known |= places
    new = {n for n in cyr_given if n not in known and (n not in lemmas or n in common_given)}
    given = _listed(DATA / "given_names.txt") | new | set(over["given"])
    last = {n for n in last if n not in known and n not in nouns and len(n) >= 3} | set(over["surnames"])
    versions = (f"faker {md.version('faker')} (MIT), german-nouns {md.version('german-nouns')} "
                "(CC BY-SA 4.0, filter only)")  # fmt: skip
    head = (f"# from the person lists of {versions}, the project's word data and\n"
            "# name_overrides.yaml (see tools/build_names.py); one name a line.\n")  # fmt: skip
    g_head = "# Given names that make a capitalized word pair a person name. Kept by hand and by\n"
    _write(DATA / "given_names.txt", given, g_head + head)
    s_head = "# Surnames: a lone one in a person context is a person. Generated\n"
    _write(DATA / "surnames.txt", last, s_head + head)
    n_head = "# Given names that are also German common nouns: a name only with a surname. Generated\n"
    _write(DATA / "given_nouns.txt", {n for n in given if n in lemmas}, n_head + head)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
