"""actors.linking and provenance: spelling variants link to known people, different people never do."""

from __future__ import annotations

import pandas as pd

from ukrsec import actors, schema
from ukrsec.actors.linking import link_person


def run(text: str, lang: str = "de") -> tuple[pd.DataFrame, pd.DataFrame]:
    arts = schema.frame("articles", [{"article_id": "a", "text": text, "language": lang}])
    return actors.extract(arts, schema.empty("sentences"))


def test_a_misspelt_known_name_links_with_a_confidence():
    gz = actors.gazetteer()
    pid, conf = link_person("John Healy", gz)
    assert pid == "person:john-healey" and 0.88 <= conf < 1.0
    m, a = run("Der britische Verteidigungsminister John Healy kam nach Kiew.")
    row = m[m["surface"] == "John Healy"].iloc[0]
    assert row["actor_id"] == "person:john-healey" and row["source"] == "fuzzy"
    assert 0.88 <= row["link_confidence"] < 1.0
    assert a.set_index("actor_id").loc["person:john-healey", "linked"]


def test_another_person_with_the_same_surname_is_never_linked():
    gz = actors.gazetteer()
    assert link_person("Hunter Biden", gz) is None
    assert link_person("Sandra Healey", gz) is None
    assert link_person("Anna Beispiel", gz) is None


def test_provenance_columns():
    m, a = run("Emmanuel Macron traf Marlene Kuhnert in Paris.")
    by = m.set_index("surface")
    assert (
        by.loc["Emmanuel Macron", "source"] == "gazetteer"
        and by.loc["Emmanuel Macron", "link_confidence"] == 1.0
    )
    assert by.loc["Marlene Kuhnert", "source"] == "discovered" and pd.isna(
        by.loc["Marlene Kuhnert", "link_confidence"]
    )
    assert not a.set_index("actor_id").loc["person:marlene-kuhnert", "linked"]


def test_a_role_with_its_own_named_holder_adds_no_other_known_holder():
    m, _ = run("Der Sprecher des US-Sondergesandten für die Ukraine, General Keith Kellogg, sagte das.")
    assert "person:steve-witkoff" not in set(m["actor_id"])
    assert "person:keith-kellogg" in set(m["actor_id"])
    # without a name the office still resolves to its holder
    m, _ = run("Der US-Sondergesandte traf Putin.")
    assert "person:steve-witkoff" in set(m["actor_id"])


def test_mentions_go_to_the_doc_layer():
    from ukrsec import segment, text

    arts = schema.frame("articles", [{"article_id": "a", "text": "Merz traf Macron.", "language": "de"}])
    docs = list(text.docs(arts, segment.segment(arts)))
    m, _ = actors.extract(arts, segment.segment(arts), docs=docs)
    layer = docs[0].layers["mentions"]
    assert [(s.start, s.end) for s in layer] == list(zip(m["start"], m["end"], strict=True))
    assert {s.data.actor_id for s in layer} == set(m["actor_id"])
