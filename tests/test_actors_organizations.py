"""actors.organizations: organizations found by their name forms (sentences written for these tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from ukrsec import actors, schema
from ukrsec.text import LexiconError


def run(text: str, lang: str = "de") -> tuple[pd.DataFrame, pd.DataFrame]:
    arts = schema.frame("articles", [{"article_id": "a", "text": text, "language": lang}])
    return actors.extract(arts, schema.empty("sentences"))


def orgs(text: str) -> dict[str, str]:
    """surface -> actor_id of the organization mentions."""
    m, a = run(text)
    types = dict(zip(a["actor_id"], a["type"], strict=True))
    return {r.surface: r.actor_id for r in m.itertuples() if types.get(r.actor_id) == "organization"}


def test_acronym_and_the_name_it_abbreviates_share_one_id():
    found = orgs("Die Nordische Wetteragentur (NWA) warnte. Später meldete die NWA Sturm.")
    assert found["Nordische Wetteragentur"] == found["NWA"]
    _, a = run("Die Nordische Wetteragentur (NWA) warnte.")
    row = a.set_index("actor_id").loc[found["NWA"]]
    assert not row["linked"] and row["type"] == "organization"


def test_all_capital_words_that_are_no_organizations():
    assert orgs("Der Wagen hat 150 PS und kostet 20.000 EUR, sagte der CEO.") == {}
    assert orgs("EILMELDUNG HEUTE ABEND") == {}


def test_legal_forms_clubs_and_heads():
    found = orgs(
        "Die Firma Kranich Antriebe GmbH liefert. Der FC Musterhausen gewann gegen den Karlsruher SC. "
        "Das Institut für Küstenforschung und die Deutsche Sparbank prüfen."
    )
    assert {"Kranich Antriebe GmbH", "FC Musterhausen", "Karlsruher SC", "Institut für Küstenforschung",
            "Deutsche Sparbank"} <= set(found)  # fmt: skip
    assert "Firma Kranich Antriebe GmbH" not in found  # the generic noun before the name is not part of it


def test_a_state_adjective_before_a_bank_is_part_of_its_name_and_gives_its_country():
    m, a = run("Die Deutsche Sparbank erhöht die Zinsen.")
    assert "DE" not in set(m["actor_id"])
    row = a[a["type"] == "organization"].iloc[0]
    assert row["name"] == "Deutsche Sparbank" and row["country"] == "DE"


def test_ministries_of_other_states_belong_to_that_state():
    m, a = run(
        "Ein Sprecher des litauischen Verteidigungsministeriums und Polens Außenministerium schwiegen."
    )
    rows = a.set_index("actor_id")
    assert rows.loc["org:lt-ministry-of-defence", "country"] == "LT"
    assert rows.loc["org:pl-ministry-of-foreign-affairs", "name"] == "Ministry of Foreign Affairs (Poland)"
    assert {"LT", "PL"} <= set(m["actor_id"])  # the state is still mentioned


def test_defence_industry_and_financial_bodies_from_the_data():
    found = orgs("Rheinmetall und BAE Systems liefern, Euroclear verwahrt die Gelder.")
    assert found == {
        "Rheinmetall": "org:rheinmetall",
        "BAE Systems": "org:bae-systems",
        "Euroclear": "org:euroclear",
    }


def test_a_misspelt_key_in_the_forms_file_names_the_file(tmp_path):
    src = actors.gazetteer().data_dir
    assert src is None
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "org_forms.yaml").write_text("legal_form: [GmbH]\n", encoding="utf-8")
    from ukrsec.actors.organizations import forms

    with pytest.raises(LexiconError, match="org_forms.yaml"):
        forms(str(tmp_path))


def test_an_acronym_with_a_head_after_it_ends_with_the_head():
    assert orgs("Das schrieb die XKB Musterbank in einem Kommentar zur Lage.") == {
        "XKB Musterbank": "org:xkb-musterbank"
    }
