"""A pronoun refers back to a person, never to a state or a body that spoke in the sentence before
("Poland's Foreign Ministry stressed … He said …": the minister quoted before). Ninth session,
issue 14; own test sentences."""

from __future__ import annotations

from ukrsec import actors, quotes, schema, segment


def _quotes(text: str, language: str = "en"):
    arts = schema.frame("articles", [{"article_id": "a0", "text": text, "language": language,
                                      "outlet": "Outlet", "published": "2025-06-01"}])
    sents = segment.segment(arts)
    ments, acts = actors.extract(arts, sents)
    return quotes.extract(arts, sents, ments, acts)


def test_he_after_a_states_ministry_is_the_minister_quoted_before():
    text = ("Polish Foreign Minister Radosław Sikorski spoke in Kyiv. “We will not send soldiers,” said the "
            "Polish foreign minister.\n\nPoland's Foreign Ministry stressed that the guarantees must be "
            "credible. He said the talks were about “keeping the peace and arming Ukraine”.")
    q = _quotes(text)
    row = q[q.quote.str.startswith("keeping the peace")]
    assert len(row) == 1 and row.iloc[0].speaker_id == "person:radoslaw-sikorski", q[["quote", "speaker_id"]]
