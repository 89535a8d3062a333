#!/usr/bin/env python3
"""Write ``src/ukrsec/data/actors/countries.jsonl``: every UN member state (plus a few observers
and states the news treats as such) with German, English and French names and their forms.

Sources:
- the ISO 3166-1 alpha-2 codes and English official names from ``pycountry``;
- the German, English and French territory names of the Unicode CLDR through ``babel``;
- ``src/ukrsec/data/actors/country_overrides.yaml`` (hand-maintained): short forms, adjectives,
  demonyms, seats of power, capitals, false friends.

German forms are generated here, so the matcher needs no grammar at run time: genitive -s
(Italiens, Deutschlands), dative plural -n (den Niederlanden), adjectival first words
(Vereinigten Staaten), adjective endings (französisch, -e, -en, -er, -es, -em) and demonym
plurals and feminines (Pole, Polen, Polin, Polinnen; Italiener, Italienern, Italienerin).

    python tools/build_countries.py            # needs pycountry and babel (pip install '.[data]')
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "ukrsec" / "data" / "actors"
OVERRIDES = DATA / "country_overrides.yaml"
OUT = DATA / "countries.jsonl"

# the 193 member states of the United Nations
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF
TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH
GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT
LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG KP MK NO OM PK PW
PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA KR SS ES LK SD
SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
# observers and partly recognized states that the news treats as states
OTHER_STATES = ["VA", "PS", "XK", "TW"]

# Wikidata items of states (only those we are sure of)
QIDS = {
    "DE": "Q183",
    "FR": "Q142",
    "GB": "Q145",
    "US": "Q30",
    "RU": "Q159",
    "UA": "Q212",
    "IT": "Q38",
    "ES": "Q29",
    "PL": "Q36",
    "NL": "Q55",
    "TR": "Q43",
    "CA": "Q16",
    "JP": "Q17",
    "CN": "Q148",
    "BE": "Q31",
    "SE": "Q34",
    "NO": "Q20",
    "DK": "Q35",
    "FI": "Q33",
    "AT": "Q40",
    "CH": "Q39",
    "IE": "Q27",
    "PT": "Q45",
    "GR": "Q41",
    "CZ": "Q213",
    "HU": "Q28",
    "RO": "Q218",
    "BG": "Q219",
    "EE": "Q191",
    "LV": "Q211",
    "LT": "Q37",
    "SK": "Q214",
    "SI": "Q215",
    "HR": "Q224",
    "AU": "Q408",
    "NZ": "Q664",
    "IN": "Q668",
    "BR": "Q155",
    "IL": "Q801",
    "IR": "Q794",
    "BY": "Q184",
}

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


def as_list(v) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def split_babel(name: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; '&' -> 'and' / 'und' / 'et'."""
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    parts = [m.group(1), m.group(2)] if m else [name]
    for p in parts:
        p = p.replace("’", "'").strip()
        if p:
            out.append(p)
    return out


def de_name_forms(name: str) -> set[str]:
    """Inflected forms of a German state name (over-generation is harmless: no text has it)."""
    forms = {name}
    words = name.split(" ")
    if len(words) > 1:
        # adjectival words: Vereinigte(s) -> Vereinigten, Zentralafrikanische -> Zentralafrikanischen
        infl = []
        for w in words[:-1]:
            if re.search(r"(e|es)$", w) and w[0].isupper() and w not in ("Costa", "Sierra", "Leone"):
                infl.append(re.sub(r"(es|e)$", "en", w))
            else:
                infl.append(w)
        if infl != words[:-1]:
            forms.add(" ".join(infl + [words[-1]]))
    for f in list(forms):
        last = f.split(" ")[-1]
        if f.isupper() or "." in last:  # USA, VAE, U.S.
            continue
        if last.endswith("e"):  # den Niederlanden, den Emiraten
            forms.add(f + "n")
        elif last.endswith(("s", "ß", "x", "z", "i", "y")):
            continue
        else:  # Italiens, Deutschlands, Königreichs
            forms.add(f + "s")
            if last.endswith("reich"):
                forms.add(f + "es")
    return forms


def de_adj_forms(stem: str) -> set[str]:
    forms = set()
    for s in {stem, stem[0].upper() + stem[1:]}:
        for e in ADJ_ENDINGS:
            forms.add(s + e)
    return forms


def de_dem_forms(dem: str) -> set[str]:
    if dem.endswith("e"):  # Pole, Polen, Polin, Polinnen
        return {dem, dem + "n", dem[:-1] + "in", dem[:-1] + "innen"}
    if dem.endswith("er"):  # Italiener(n/s/in/innen)
        return {dem, dem + "n", dem + "s", dem + "in", dem + "innen"}
    if dem.endswith("i"):  # Israeli(s)
        return {dem, dem + "s"}
    return {dem, dem + "en", dem + "in", dem + "innen", dem + "s"}  # Zypriot(en/in)


def en_dem_forms(dem: str) -> set[str]:
    if dem.endswith("woman"):
        return {dem, dem[:-5] + "women"}
    if dem.endswith("man") and dem != "German":  # Frenchman, Dutchman
        return {dem, dem[:-3] + "men"}
    if dem.endswith(("ese", "ish", "ch", "ss", "i")) and not dem.endswith("ani"):
        return {dem} | ({dem + "s"} if dem.endswith("i") else set())
    return {dem, dem + "s"}


def build() -> list[dict]:
    over = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    # YAML 1.1 reads an unquoted key NO (Norway) as the boolean false: take it back as the code
    over = {("NO" if k is False else str(k)): v for k, v in over.items()}
    de, en, fr = (Locale(x).territories for x in ("de", "en", "fr"))
    records = []
    for code in UN_MEMBERS + OTHER_STATES:
        o = over.get(code, {}) or {}
        pc = pycountry.countries.get(alpha_2=code)
        drop = set(as_list(o.get("drop")))
        ambiguous = set(as_list(o.get("ambiguous")))
        names: dict[str, set[str]] = {"de": set(), "en": set(), "fr": set()}
        for lang, terr in (("de", de), ("en", en), ("fr", fr)):
            if code in terr:
                for n in split_babel(terr[code]):
                    names[lang].add(n.replace(" & ", {"de": " und ", "en": " and ", "fr": " et "}[lang]))
            names[lang].update(as_list(o.get(lang)))
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    names["en"].add(v)
        # names: German ones inflected; accents are folded by the matcher, so no need to vary them
        forms: set[str] = set()
        for lang, ns in names.items():
            for n in ns:
                forms |= de_name_forms(n) if lang == "de" else {n}
                if lang == "en" and not n.endswith("s") and not n.isupper():
                    forms.add(n + "'s")
        forms = {f for f in forms if f not in drop and len(f) > 1}
        amb = sorted(f for f in forms if f in ambiguous) + sorted(a for a in ambiguous if a not in forms)
        forms -= ambiguous
        adjectives = set()
        for stem in as_list(o.get("de_adj")):
            adjectives |= de_adj_forms(stem)
        adjectives |= set(as_list(o.get("en_adj")))
        demonyms = set()
        for d in as_list(o.get("de_dem")):
            demonyms |= de_dem_forms(d)
        for d in as_list(o.get("de_dem_f")):
            demonyms |= {d, d + "nen"}
        for d in as_list(o.get("de_dem_adjectival")):
            demonyms |= {d, d + "n", d + "r"}
        for d in as_list(o.get("en_dem")):
            demonyms |= en_dem_forms(d)
        dual = demonyms & forms  # "Polen": the state, or (after an article) the people
        demonyms -= forms
        lang_only = o.get("lang_only") or {}
        name = o.get("name") or en.get(code) or (pc.name if pc else code)
        rec = {
            "id": code,
            "name": name,
            "qid": QIDS.get(code),
            "un_member": code in UN_MEMBERS,
            "names": sorted(forms),
            "adjectives": sorted(adjectives),
            "demonyms": sorted(demonyms),
            "dual": sorted(dual),
            "metonyms": sorted(set(as_list(o.get("metonyms")))),
            "capitals": sorted(set(as_list(o.get("capitals")))),
            "ambiguous": amb,
            "lang_only": {k: v for k, v in sorted(lang_only.items())},
        }
        records.append(rec)
    return records


def main() -> int:
    recs = build()
    missing = [c for c in UN_MEMBERS if c not in {r["id"] for r in recs}]
    if len(set(UN_MEMBERS)) != 193 or missing:
        print(f"expected 193 UN members, got {len(set(UN_MEMBERS))}; missing {missing}", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            "# generated by tools/build_countries.py from pycountry, Babel (CLDR) and "
            "country_overrides.yaml; edit the overrides and rerun, do not edit by hand\n"
        )
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(recs)} states -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
