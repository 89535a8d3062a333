"""A synthetic but realistic news corpus for benchmarks, deterministic by seed.

Articles are built from templates and vocabularies (never copied from the seeds): German and
English paragraphs about security guarantees for Ukraine with varied states, people, dates,
numbers and quotations, wrapped in page furniture the cleaner has to remove (menus, cookie
banners, picture captions and credits, video time stamps, inline and closing teaser blocks,
copyright lines). About 4 KB an article, so 10,000 articles are about 40 MB.

    python benchmarks/synth.py OUT_DIR -n 1000 --seed 7
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

STATES_DE = [
    "Frankreich",
    "Großbritannien",
    "Deutschland",
    "Italien",
    "Polen",
    "die USA",
    "Kanada",
    "Spanien",
    "die Niederlande",
    "Dänemark",
    "Schweden",
    "Finnland",
    "Norwegen",
    "Estland",
    "Litauen",
    "Japan",
    "die Türkei",
    "Belgien",
    "Rumänien",
    "Tschechien",
    "Russland",
    "die Ukraine",
]
STATES_EN = [
    "France",
    "the United Kingdom",
    "Germany",
    "Italy",
    "Poland",
    "the United States",
    "Canada",
    "Spain",
    "the Netherlands",
    "Denmark",
    "Sweden",
    "Finland",
    "Norway",
    "Estonia",
    "Lithuania",
    "Japan",
    "Turkey",
    "Belgium",
    "Romania",
    "the Czech Republic",
    "Russia",
    "Ukraine",
]
PEOPLE = [
    ("Emmanuel Macron", "Präsident", "President"),
    ("Keir Starmer", "Premierminister", "Prime Minister"),
    ("Friedrich Merz", "Bundeskanzler", "Chancellor"),
    ("Giorgia Meloni", "Ministerpräsidentin", "Prime Minister"),
    ("Donald Trump", "US-Präsident", "President"),
    ("Wolodymyr Selenskyj", "Präsident", "President"),
    ("Mark Rutte", "Nato-Generalsekretär", "NATO Secretary General"),
    ("Ursula von der Leyen", "Kommissionspräsidentin", "Commission President"),
    ("Donald Tusk", "Regierungschef", "Prime Minister"),
    ("Mark Carney", "Premierminister", "Prime Minister"),
    ("Steve Witkoff", "Sondergesandter", "special envoy"),
    ("Boris Pistorius", "Verteidigungsminister", "Defence Minister"),
    ("Jean-Noël Barrot", "Außenminister", "Foreign Minister"),
    ("John Healey", "Verteidigungsminister", "Defence Secretary"),
    ("Kaja Kallas", "EU-Außenbeauftragte", "EU foreign policy chief"),
    ("Wladimir Putin", "Kremlchef", "Russian President"),
]
CITIES = [
    "Paris",
    "London",
    "Berlin",
    "Brüssel",
    "Kiew",
    "Rom",
    "Warschau",
    "Washington",
    "Genf",
    "Ankara",
    "Den Haag",
    "Helsinki",
]
MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SUPPORT_DE = [
    "Soldaten",
    "Truppen",
    "Luftabwehrsysteme",
    "Kampfjets",
    "Ausbilder",
    "Minenräumer",
    "Militärberater",
    "Panzer",
    "Marineeinheiten",
]
SUPPORT_EN = [
    "troops",
    "soldiers",
    "air defence systems",
    "fighter jets",
    "trainers",
    "mine clearers",
    "military advisers",
    "tanks",
    "naval units",
]
OUTLETS = [
    "tagesschau.de",
    "zdfheute.de",
    "spiegel.de",
    "faz.net",
    "welt.de",
    "sueddeutsche.de",
    "bbc.co.uk",
    "theguardian.com",
    "reuters.com",
    "politico.eu",
    "n-tv.de",
    "dw.com",
]
AGENCIES = ["dpa", "AFP", "Reuters", "AP", "picture alliance"]

DE_SENT = [
    "{P_ROLE} {P} sagte am {WD} in {CITY}, {S} sei bereit, nach einer Waffenruhe {N} {SUP} zu entsenden.",
    "Am {D}. {M} {Y} trafen sich Vertreter von {K} Staaten in {CITY}, um über Garantien zu beraten.",
    "{S} lehnt es bislang ab, Bodentruppen in die Ukraine zu schicken.",
    "Nach Angaben der Regierung könnten bis zu {N} {SUP} an der Mission teilnehmen.",
    "Die EU hat z.B. {B} Milliarden Euro Hilfe über {K2} Jahre zugesagt, u.a. für Munition.",
    "{P} betonte, man werde die Ukraine \u201eso lange wie nötig\u201c unterstützen.",
    "Ob {S} sich beteiligt, hängt laut {P} von einem Mandat des Parlaments ab.",
    "Nach Art. 5 des Nato-Vertrags gilt ein Angriff auf einen Verbündeten als Angriff auf alle.",
    "Der Krieg begann im Februar 2022. Seitdem wurden ca. {N} Menschen getötet.",
    "Bis zum {D}.{MN}.{Y} soll ein Plan für die multinationale Truppe vorliegen.",
    "{P_ROLE} {P} erklärte: \u201eWir werden unseren Beitrag leisten.\u201c",
    "Kritiker werfen {S} vor, zu zögern; die Opposition fordert eine klare Zusage.",
    "Die Verhandlungen in {CITY} dauerten mehr als {K} Stunden und endeten ohne Abschlusserklärung.",
    "Laut einem Bericht des Senders wollen {S} und {S2} gemeinsame Stützpunkte errichten.",
    "Es gehe um \u201erobuste\u201c Garantien, sagte {P}, nicht nur um Worte.",
    "Im Jahr {Y} stieg der Verteidigungshaushalt um {PCT} Prozent auf {B},{K} Milliarden Euro.",
    "Einige Staaten, etwa {S}, erwägen auch die Lieferung von {SUP}.",
    "Am {WD} will {P} erneut mit {P2} telefonieren.",
]
EN_SENT = [
    "{P_ROLE} {P} said on {WD} in {CITY} that {S} was ready to send {N} {SUP} after a ceasefire.",
    "On {M} {D}, {Y}, representatives of {K} countries met in {CITY} to discuss security guarantees.",
    "{S} has so far refused to send ground troops to Ukraine.",
    "According to officials, up to {N} {SUP} could take part in the mission.",
    "The EU has pledged {B} billion euros in aid over {K2} years, e.g. for ammunition.",
    '"We will stand by Ukraine for as long as it takes," {P} told reporters.',
    "Whether {S} will take part depends on a vote in parliament, {P} said.",
    "Under Art. 5 of the NATO treaty, an attack on one ally is an attack on all.",
    "Mr. {PL} met U.S. envoys at 5 p.m. in the capital. Talks went on late.",
    "By {D} {M} {Y}, a plan for the multinational force is due.",
    '{P_ROLE} {P} said: "We will do our part."',
    "Critics accuse {S} of hesitating, and the opposition wants a firm pledge.",
    "The talks in {CITY} lasted more than {K} hours and ended without a joint statement.",
    "{S} and {S2} want to build joint bases, according to a report.",
    "Defence spending rose by {PCT} percent to {B}.{K} billion euros in {Y}.",
    "Some countries, such as {S}, are also considering sending {SUP}.",
    "On {WD}, {P} is due to speak with {P2} again.",
]
DE_HEAD = [
    "{S} sagt Truppen für Ukraine zu",
    "Gipfel in {CITY}: Koalition der Willigen berät",
    "{P} stellt Beteiligung in Aussicht",
    "Sicherheitsgarantien: Was {S} plant",
]
EN_HEAD = [
    "{S} pledges troops for Ukraine",
    "Summit in {CITY}: coalition of the willing meets",
    "{P} signals support for peace force",
    "Security guarantees: what {S} plans",
]
DE_MENU = ["Menü", "Startseite", "Suche", "Politik", "Ausland", "Anmelden"]
EN_MENU = ["Menu", "Home", "Search", "World", "Politics", "Login"]
DE_COOKIE = [
    "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
    "Alle akzeptieren",
    "Ablehnen",
    "Einstellungen",
]
EN_COOKIE = [
    "We use cookies to improve your experience on our site.",
    "Accept all",
    "Reject all",
    "Cookie settings",
]


class _Gen:
    def __init__(self, rng: random.Random, lang: str) -> None:
        self.r = rng
        self.de = lang == "de"

    def fill(self, tpl: str) -> str:
        r = self.r
        p, p2 = r.sample(PEOPLE, 2)
        states = STATES_DE if self.de else STATES_EN
        s, s2 = r.sample(states, 2)
        vals = {
            "P": p[0],
            "PL": p[0].split()[-1],
            "P2": p2[0],
            "P_ROLE": p[1] if self.de else p[2],
            "S": s,
            "S2": s2,
            "CITY": r.choice(CITIES),
            "D": r.randint(1, 28),
            "MN": f"{r.randint(1, 12):02d}",
            "M": r.choice(MONTHS_DE if self.de else MONTHS_EN),
            "Y": r.choice([2024, 2025, 2026]),
            "WD": r.choice(WEEKDAYS_DE if self.de else WEEKDAYS_EN),
            "K": r.randint(2, 40),
            "K2": r.randint(2, 5),
            "N": r.choice(
                ["500", "1.000", "5.000", "15.000", "30.000"]
                if self.de
                else ["500", "1,000", "5,000", "15,000", "30,000"]
            ),
            "SUP": r.choice(SUPPORT_DE if self.de else SUPPORT_EN),
            "B": r.randint(2, 120),
            "PCT": r.randint(1, 60),
        }
        out = tpl.format(**vals)
        return out[0].upper() + out[1:]

    def paragraph(self) -> str:
        tpls = DE_SENT if self.de else EN_SENT
        return " ".join(self.fill(t) for t in self.r.sample(tpls, self.r.randint(3, 5)))


def article(i: int, seed: int) -> str:
    """The text of synthetic article ``i`` (German about two thirds of the time)."""
    r = random.Random(seed * 1_000_003 + i)
    lang = "de" if r.random() < 0.67 else "en"
    g = _Gen(r, lang)
    de = lang == "de"
    lines: list[str] = []
    if r.random() < 0.5:
        lines += DE_COOKIE if de else EN_COOKIE
    if r.random() < 0.6:
        lines += r.sample(DE_MENU if de else EN_MENU, 4)
    outlet = r.choice(OUTLETS)
    lines += [g.fill(r.choice(DE_HEAD if de else EN_HEAD)), ""]
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2025, 2026])
    lines += [
        f"Stand: {d:02d}.{m:02d}.{y} {r.randint(0, 23):02d}:{r.randint(0, 59):02d} Uhr"
        if de
        else f"Published: {MONTHS_EN[m - 1]} {d}, {y}",
        "",
    ]
    n_par = r.randint(8, 12)
    for k in range(n_par):
        if k == 2 and r.random() < 0.5:
            lines += [
                g.fill("{P} bei einem Treffen in {CITY}" if de else "{P} at a meeting in {CITY}"),
                f"{'Bild' if de else 'Photo'}: {r.choice(AGENCIES)}",
                "",
            ]
        if k == 3 and r.random() < 0.4:
            lines += [
                g.fill("{P} zur Lage in der Ukraine" if de else "{P} on the situation in Ukraine"),
                f"{d:02d}.{m:02d}.{y} | {r.randint(0, 59)}:{r.randint(10, 59)} min",
                "",
            ]
        if k == 4 and r.random() < 0.4:
            lines += [
                "Mehr zum Thema" if de else "See also",
                g.fill(r.choice(DE_HEAD if de else EN_HEAD)),
                g.fill(r.choice(DE_HEAD if de else EN_HEAD)),
                "",
            ]
        lines += [g.paragraph(), ""]
    lines += ["Verwandte Artikel" if de else "Related articles"]
    lines += [g.fill(r.choice(DE_HEAD if de else EN_HEAD)) for _ in range(r.randint(2, 4))]
    lines += [f"© {y} {outlet}"]
    return "\n".join(lines) + "\n"


def write_corpus(out: str | Path, n: int, seed: int = 7) -> tuple[Path, int]:
    """Write ``n`` articles as ``out/a/00000.txt`` …; returns the folder and its total size in bytes."""
    out = Path(out)
    total = 0
    for i in range(n):
        sub = out / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = article(i, seed).encode("utf-8")
        (sub / f"art{i:06d}.txt").write_bytes(data)
        total += len(data)
    return out, total


def main() -> None:
    """Command line: write a synthetic corpus."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    path, size = write_corpus(a.out, a.n, a.seed)
    print(f"{a.n} articles, {size / 1e6:.1f} MB -> {path}")


if __name__ == "__main__":
    main()
