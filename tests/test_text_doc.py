import pandas as pd

from ukrsec.text import Doc, Span, docs
from ukrsec.text.doc import line_start


def test_sentence_lookup_by_offset():
    text = "Erster Satz. Zweiter Satz."
    d = Doc("a", text, sentences=[Span(13, 26, "sentence", 1), Span(0, 12, "sentence", 0)])
    assert d.sentence_id(0) == 0 and d.sentence_id(11) == 0
    assert d.sentence_id(12) is None and d.sentence_id(20) == 1
    assert d.sentence_text(d.sentence_at(14)) == "Zweiter Satz."


def test_images_and_layers():
    d = Doc("a", "Élysée und NATO")
    assert d.low == "élysée und nato" and d.folded == "elysee und nato"
    d.add("mentions", [Span(11, 15, "org", "NATO"), Span(0, 6, "place")])
    assert [s.start for s in d.spans("mentions")] == [0, 11]
    assert d.spans("mentions", 7) == [Span(11, 15, "org")]
    assert d.spans("quotes") == []


def test_docs_from_tables_keeps_the_article_order_and_ids():
    arts = pd.DataFrame(
        {"article_id": ["b", "a"], "text": ["B eins. B zwei.", "A."], "language": ["de", "en"]}
    )
    sents = pd.DataFrame(
        {"article_id": ["a", "b", "b"], "sentence_id": [0, 0, 1], "start": [0, 0, 8], "end": [2, 7, 15]}
    )
    out = list(docs(arts, sents))
    assert [d.article_id for d in out] == ["b", "a"]
    assert [s.data for s in out[0].sentences] == [0, 1] and out[1].language == "en"


def test_line_start_within_the_limit():
    text = "First line\nBARI, Italy - news"
    assert line_start(text, text.index("Italy"), 40) == text.index("BARI")
    assert line_start(text, text.index("Italy"), 3) is None  # the line starts further back
    assert line_start("Italy - news", 0, 40) == 0  # the text's start is a line start
    assert line_start("x" * 50 + "Italy", 50, 40) is None
