from ukrsec.text import Span, filter_spans
from ukrsec.text.span import free


def test_longest_wins_and_order_is_textual():
    spans = [Span(0, 5, "a"), Span(3, 12, "b"), Span(12, 15, "c"), Span(4, 6, "d")]
    assert filter_spans(spans) == [Span(3, 12, "b"), Span(12, 15, "c")]


def test_equal_length_keeps_the_leftmost():
    assert filter_spans([Span(4, 8, "x"), Span(2, 6, "y")]) == [Span(2, 6, "y")]


def test_own_key_prefers_a_label():
    spans = [Span(0, 10, "generic"), Span(2, 5, "specific")]
    rank = {"specific": 0, "generic": 1}
    kept = filter_spans(spans, key=lambda s: (rank[s.label], s.start))
    assert kept == [Span(2, 5, "specific")]


def test_adjacent_spans_do_not_overlap():
    a, b = Span(0, 3), Span(3, 6)
    assert not a.overlaps(b) and filter_spans([a, b]) == [a, b]
    assert Span(0, 6).contains(b) and not b.contains(Span(0, 6))


def test_data_is_not_part_of_identity():
    assert Span(1, 2, "x", data="one") == Span(1, 2, "x", data="two")


def test_free_drops_spans_on_taken_text():
    taken = [Span(5, 9)]
    assert free([Span(0, 5), Span(8, 10), Span(9, 12)], taken) == [Span(0, 5), Span(9, 12)]


def _filter_spans_by_pairs(spans, key):
    """The overlap policy written out pair by pair (what filter_spans must choose)."""
    chosen, taken = [], []
    for sp in sorted(spans, key=key):
        if sp.end <= sp.start and any(s <= sp.start < e for s, e in taken):
            continue
        if any(sp.start < e and s < sp.end for s, e in taken):
            continue
        chosen.append(sp)
        taken.append((sp.start, sp.end))
    return sorted(chosen, key=lambda s: (s.start, s.end))


def test_filter_spans_agrees_with_the_pairwise_policy_on_random_spans():
    import random

    from ukrsec.text.span import longest_leftmost

    rng = random.Random(3)
    keys = [longest_leftmost, lambda s: (s.start, s.start - s.end), lambda s: (s.label, s.end)]
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 25)):
            a = rng.randint(0, 40)
            spans.append(Span(a, a + rng.choice([0, 0, 1, 2, 3, 5, 8]), rng.choice("xyz")))
        for key in keys:
            assert filter_spans(spans, key=key) == _filter_spans_by_pairs(spans, key)
