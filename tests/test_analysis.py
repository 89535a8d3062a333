"""Analyses (ukrsec.analysis): kwic, co-occurrence, profiles, stances across sources, timeline merge."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ukrsec import analysis, schema

TEXTS = {
    "a0": "Merz und Macron trafen Selenskyj.\nMerz sagte, Deutschland helfe. Die Ukraine dankte.",
    "a1": "Macron und Starmer berieten. Frankreich und Großbritannien führen. Macron sprach mit Selenskyj.",
}
PEOPLE = {"Merz": "DE_MERZ", "Macron": "FR_MACRON", "Selenskyj": "UA_ZEL", "Starmer": "GB_STARMER",
          "Deutschland": "DE", "Ukraine": "UA", "Frankreich": "FR", "Großbritannien": "GB"}


def _sentence(text: str, pos: int) -> int:
    return sum(1 for i, c in enumerate(text[:pos]) if c == "." and i + 1 < len(text) and text[i + 1] in " \n")


@pytest.fixture()
def small() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    arts = schema.frame("articles", [
        {"article_id": aid, "text": t, "language": "de", "outlet": f"O{i}", "published": f"2026-01-0{i + 5}",
         "title": f"T{i}"}
        for i, (aid, t) in enumerate(TEXTS.items())])
    rows = []
    for aid, t in TEXTS.items():
        for word, actor in PEOPLE.items():
            start = t.find(word)
            while start >= 0:
                rows.append({"article_id": aid, "sentence_id": _sentence(t, start), "start": start,
                             "end": start + len(word), "surface": word, "actor_id": actor,
                             "mention_kind": "name", "role_text": "Kanzler" if word == "Merz" else None})
                start = t.find(word, start + 1)
    ments = schema.frame("mentions", sorted(rows, key=lambda r: (r["article_id"], r["start"])))
    acts = schema.frame("actors", [{"actor_id": a, "name": w, "type": "person"} for w, a in PEOPLE.items()])
    return arts, ments, acts


# --- kwic --------------------------------------------------------------------------------------

def test_kwic_padded_and_compact(small):
    arts, ments, _ = small
    k = analysis.kwic(arts, ments, "GB", width=20)
    assert len(k) == 1
    row = k.iloc[0]
    assert row["match"] == "Großbritannien" and row["left"] == "ieten. Frankreich und "[-20:]
    assert len(row["left"]) == 20 and len(row["right"]) == 20 and row["outlet"] == "O1"
    merz = analysis.kwic(arts, ments, "DE_MERZ", width=40)
    assert "\n" not in "".join(merz["left"]) and merz.iloc[1]["left"].endswith("Selenskyj. ")
    c = analysis.kwic(arts, ments, "DE_MERZ", width=10, compact=True)
    assert list(c["left"]) == ["", "…elenskyj."]            # cut contexts are marked, space collapsed
    assert c.iloc[0]["right"] == "und Macro…"
    assert analysis.kwic(arts, ments, "nobody").empty
    assert list(analysis.kwic(arts, schema.empty("mentions"), "GB").columns) == [
        "article_id", "sentence_id", "outlet", "published", "left", "match", "right", "mention_kind"]


# --- co-occurrence ------------------------------------------------------------------------------

def test_cooccurrence_sentence_and_article_windows(small):
    _, ments, _ = small
    s = analysis.cooccurrence(ments, window="sentence")
    pair = s[(s["actor_a"] == "FR_MACRON") & (s["actor_b"] == "UA_ZEL")]
    assert pair["count"].tolist() == [2]
    assert (s["actor_a"] < s["actor_b"]).all()
    art = analysis.cooccurrence(ments, window="article", normalize=True)
    row = art[(art["actor_a"] == "DE") & (art["actor_b"] == "UA")].iloc[0]
    assert row["count"] == 1 and row["n_a"] == 1 and row["n_b"] == 1 and row["jaccard"] == 1.0
    assert row["pmi"] == pytest.approx(1.0)  # 2 windows: log2(1 * 2 / (1 * 1))
    with pytest.raises(ValueError, match="paragraph"):
        analysis.cooccurrence(ments, window="paragraph")


def test_symmetric_pairs_keep_only_the_chosen_actors(small):
    _, ments, acts = small
    pairs = analysis.cooccurrence(ments)
    sym = analysis.symmetric_pairs(pairs, ["FR_MACRON", "UA_ZEL", "DE"], analysis.actor_names(acts))
    assert set(zip(sym["a"], sym["b"], sym["count"], strict=True)) == {
        ("FR_MACRON", "UA_ZEL", 2), ("UA_ZEL", "FR_MACRON", 2)}
    assert set(sym["a_name"]) == {"Macron", "Selenskyj"}
    assert analysis.symmetric_pairs(pairs, ["GB"], {}).empty


# --- profiles -----------------------------------------------------------------------------------

def test_profile(small):
    arts, ments, acts = small
    p = analysis.profile(ments, arts, acts, "FR_MACRON")
    assert list(p["article_id"]) == ["a0", "a1"] and list(p["mentions"]) == [1, 2]
    assert list(p["outlet"]) == ["O0", "O1"] and p["name"].iloc[0] == "Macron"
    assert (p["first_date"] == pd.Timestamp("2026-01-05")).all()
    assert (p["last_date"] == pd.Timestamp("2026-01-06")).all()
    merz = analysis.profile(ments, arts, acts, "DE_MERZ")
    assert merz["roles"].iloc[0] == "Kanzler" and merz["last_sentence"].iloc[0] == 1
    assert analysis.profile(ments, arts, acts, "nobody").empty


# --- stances across sources ---------------------------------------------------------------------

def _commitments(rows: list[tuple]) -> pd.DataFrame:
    """(article, actor, type, stance, qmin, qmax, unit, conditions) rows as a commitments table."""
    return schema.frame("commitments", [
        {"commitment_id": f"c{i}", "article_id": a, "sentence_id": 0, "actor_id": actor, "type": typ,
         "stance": st, "quantity_min": lo, "quantity_max": hi, "unit": unit, "conditions": conds,
         "evidence": f"sentence {i}"}
        for i, (a, actor, typ, st, lo, hi, unit, conds) in enumerate(rows)])


@pytest.fixture()
def stances() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    com = _commitments([
        ("a0", "PL", "ground_troops", "declined", None, None, None, []),
        ("a1", "PL", "ground_troops", "declined", None, None, None, []),
        ("a1", "PL", "ground_troops", "considering", 5000, 5000, "soldiers", ["peace_agreement"]),
        ("a2", "PL", "ground_troops", "considering", 8000, 8000, "soldiers", []),
        ("a0", "FR", "logistics", "pledged", None, None, None, []),
        ("a3", "FR", "logistics", "pledged", None, None, None, ["ceasefire"]),
    ])
    arts = schema.frame("articles", [{"article_id": f"a{i}", "outlet": f"outlet{i}", "text": "x"}
                                     for i in range(4)])
    acts = schema.frame("actors", [{"actor_id": "PL", "name": "Poland"},
                                   {"actor_id": "FR", "name": "France"}])
    return com, arts, acts


def test_strongest_stance_per_article():
    got = analysis.article_stances(["a", "b", "a", "b"], ["declined", "undecided", "pledged", "declined"])
    assert got == {"a": "pledged", "b": "undecided"}
    assert analysis.by_strength(["declined", "pledged", "declined", "odd"]) == ["pledged", "declined", "odd"]
    assert analysis.rank("considering") == 1 and analysis.rank("???") == 9


def test_compare_flags_disagreement(stances):
    com, arts, acts = stances
    cmp = analysis.compare(com, arts, acts)
    pl = cmp[(cmp.actor_id == "PL") & (cmp.type == "ground_troops")].iloc[0]
    assert pl["stances"] == {"a0": "declined", "a1": "considering", "a2": "considering"}
    assert pl["n_articles"] == 3 and pl["disagree"] and pl["quantity_disagree"]
    assert pl["stance_set"] == ["considering", "declined"] and pl["outlets"]["a1"] == "outlet1"
    assert pl["quantities"] == {"a1": [5000.0, 5000.0, "soldiers"], "a2": [8000.0, 8000.0, "soldiers"]}
    fr = cmp[(cmp.actor_id == "FR") & (cmp.type == "logistics")].iloc[0]
    assert not fr["disagree"] and not fr["quantity_disagree"] and fr["actor"] == "France"
    empty = analysis.compare(schema.empty("commitments"), schema.empty("articles"), schema.empty("actors"))
    assert empty.empty and "disagree" in empty.columns


def test_stance_matrix_and_agreement(stances):
    com, _, acts = stances
    mx = analysis.stance_matrix(com, analysis.actor_names(acts)).set_index("actor_id")
    assert mx.loc["PL", "stance"] == "mixed" and not mx.loc["PL", "agree"]
    assert mx.loc["PL", "stances"] == "considering, declined" and mx.loc["PL", "n"] == 4
    assert mx.loc["PL", "quantity"] == "5,000 soldiers; 8,000 soldiers"
    assert mx.loc["PL", "conditions"] == "peace_agreement"
    assert mx.loc["FR", "stance"] == "pledged" and mx.loc["FR", "n_articles"] == 2
    assert analysis.stance_matrix(com, {}, ctype="funding").empty
    assert analysis.agreement(com, "PL", "ground_troops") == (
        "Sources disagree: a0: declined; a1: considering; a2: considering.")
    assert analysis.agreement(com, "FR", "logistics") == "Sources agree (2 articles)."
    one = com[com.article_id == "a0"]
    assert analysis.agreement(one, "FR", "logistics") == "Only one article reports this."


# --- values -------------------------------------------------------------------------------------

def test_value_helpers():
    assert analysis.as_list(None) == [] and analysis.as_list("x") == ["x"]
    assert analysis.as_list(("a",)) == ["a"]
    assert analysis.as_list(float("nan")) == [] and analysis.as_list(3) == [3]
    assert analysis.quantity_text(15000, 30000, "soldiers") == "15,000–30,000 soldiers"
    assert analysis.quantity_text(90e9, None, "EUR") == "90 bn EUR"
    assert analysis.quantity_text(None, None, None) == ""
    assert [analysis.first_day(d) for d in ("2026", "2026-03", "2026-03-04T10:00", None, "NaT")] == [
        "2026-01-01", "2026-03-01", "2026-03-04", "", ""]
    arts = schema.frame("articles", [{"article_id": "x", "outlet": None, "published": "2026-01-02 23:00"},
                                     {"article_id": "y", "outlet": "ZDF", "published": None}])
    assert analysis.outlet_labels(arts).to_dict() == {"x": "[x]", "y": "ZDF"}
    assert analysis.day_strings(arts).to_dict() == {"x": "2026-01-02", "y": ""}


# --- timeline merge -----------------------------------------------------------------------------

def _events(rows: list[tuple]) -> pd.DataFrame:
    """(article, date, text, label, actor_ids) rows as an events table."""
    return schema.frame("events", [
        {"event_id": f"{a}:e{i}", "article_id": a, "sentence_id": 0, "date": d,
         "date_precision": "day" if len(d) == 10 else "month", "date_text": d, "text": t, "label": lab,
         "actor_ids": acts}
        for i, (a, d, t, lab, acts) in enumerate(rows)])


def _arts(ids: str, dup: dict[str, str] | None = None) -> pd.DataFrame:
    arts = schema.frame("articles", [{"article_id": a, "outlet": f"outlet-{a}", "text": "x"} for a in ids])
    arts["duplicate_of"] = pd.array([(dup or {}).get(a) for a in ids], dtype="string")
    return arts


def test_merge_joins_same_date_and_shared_words_across_articles():
    ev = _events([
        ("a", "2026-01-06", "Die Verbündeten unterzeichneten in Paris eine Absichtserklärung.", "", []),
        ("b", "2026-01-06", "Die Absichtserklärung wurde in Paris unterzeichnet.", "", []),
        ("c", "2026-01-06", "In Brasilien stürzte ein Flugzeug ab.", "", []),
        ("d", "2025-03", "Die Koalition wurde gegründet.", "", []),
    ])
    tl = analysis.merge(ev, _arts("abcd"))
    assert list(tl["date"]) == ["2025-03", "2026-01-06", "2026-01-06"]
    top = tl.iloc[1]
    assert top["n_sources"] == 2 and top["article_ids"] == ["a", "b"] and top["n_events"] == 2
    assert top["outlets"] == ["outlet-a", "outlet-b"] and top["event_ids"] == ["a:e0", "b:e1"]
    assert tl.iloc[2]["article_ids"] == ["c"] and tl.iloc[2]["n_sources"] == 1


def test_merge_needs_an_actor_and_a_word_and_counts_duplicates_once():
    rows = [("a", "2026-01-06", "Er sprach in Paris über Truppen.", "sprach", ["FR"]),
            ("b", "2026-01-06", "Sie reiste mit Truppen nach Kiew.", "reiste", ["FR", "UA"]),
            ("c", "2026-01-06", "Sie reiste mit Truppen nach Kiew.", "reiste", ["UA"])]
    arts = _arts("abc", {"c": "b"})
    tl = analysis.merge(_events(rows), arts)
    assert len(tl) == 1 and tl.iloc[0]["n_sources"] == 2 and tl.iloc[0]["actor_ids"] == ["FR", "UA"]
    rows[0] = ("a", "2026-01-06", "Er sprach in Paris über Truppen.", "sprach", ["DE"])
    tl2 = analysis.merge(_events(rows), arts)
    assert sorted(map(sorted, tl2["article_ids"])) == [["a"], ["b", "c"]]
    merged = analysis.sources_per_event(tl2, pd.Series(["a:e0", "b:e1", "c:e2"]))
    assert list(merged) == [1, 1, 1]
    assert analysis.sources_per_event(tl2, pd.Series(["zz"])) is None


def _pairwise_clusters(idx, kws, acts):
    """The definition, pair by pair: components of 'two shared key words, or a key word and an actor'."""
    comp = {i: {i} for i in idx}
    for a_pos, a in enumerate(idx):
        for b in idx[a_pos + 1:]:
            shared = len(kws[a] & kws[b])
            if comp[a] is not comp[b] and (shared >= 2 or (shared and acts[a] & acts[b])):
                joined = comp[a] | comp[b]
                for i in joined:
                    comp[i] = joined
    seen, out = set(), []
    for i in idx:
        if id(comp[i]) not in seen:
            seen.add(id(comp[i]))
            out.append(sorted(comp[i]))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.frozensets(st.sampled_from("abcdefg"), max_size=4),
                          st.sets(st.sampled_from("XYZ"), max_size=2)), max_size=25))
def test_merge_clusters_are_the_pairwise_components(events):
    from ukrsec.analysis.timeline import _clusters, _representative

    idx = list(range(len(events)))
    kws = {i: e[0] for i, e in enumerate(events)}
    acts = {i: e[1] for i, e in enumerate(events)}
    got = _clusters(idx, kws, acts)
    assert got == _pairwise_clusters(idx, kws, acts)
    for members in got:
        brute = max(members, key=lambda i: (sum(len(kws[i] & kws[j]) for j in members if j != i), -i))
        assert _representative(members, kws) == brute


def test_merge_of_no_events():
    tl = analysis.merge(schema.empty("events"), schema.empty("articles"))
    assert tl.empty and {"date", "n_sources", "article_ids", "text"} <= set(tl.columns)


# --- commitment dates ---------------------------------------------------------------------------

def test_commitment_dates_stated_published_and_unknown():
    arts = schema.frame("articles", [
        {"article_id": "p", "text": "x", "published": "2026-01-08 09:00"},
        {"article_id": "h", "text": "x", "date_hint": "2026-02-01"},
        {"article_id": "n", "text": "x"}])
    com = schema.frame("commitments", [
        {"commitment_id": "c0", "article_id": "p", "sentence_id": 0, "start": 40, "end": 60},  # two dates
        {"commitment_id": "c1", "article_id": "p", "sentence_id": 1, "start": 0, "end": 10},   # only a plan
        {"commitment_id": "c2", "article_id": "p", "sentence_id": 2, "start": 0, "end": 10},   # no date
        {"commitment_id": "c3", "article_id": "h", "sentence_id": 0, "start": 0, "end": 10},
        {"commitment_id": "c4", "article_id": "n", "sentence_id": 0, "start": 0, "end": 10},
        {"commitment_id": "c5", "article_id": "n", "sentence_id": 1, "start": 0, "end": 10}])
    ev = schema.frame("events", [
        {"event_id": "e0", "article_id": "p", "sentence_id": 0, "start": 0, "end": 8, "date": "2025-03"},
        {"event_id": "e1", "article_id": "p", "sentence_id": 0, "start": 62, "end": 70, "date": "2026-01-06"},
        {"event_id": "e2", "article_id": "p", "sentence_id": 1, "start": 20, "end": 24, "date": "2027"},
        {"event_id": "e3", "article_id": "n", "sentence_id": 1, "start": 20, "end": 24, "date": "2025"}])
    out = analysis.commitment_dates(com, ev, arts)
    assert list(out["date"].fillna("-")) == [
        "2026-01-06", "2026-01-08", "2026-01-08", "2026-02-01", "-", "2025"]
    assert list(out["date_source"].fillna("-")) == ["stated", "published", "published", "published", "-",
                                                    "stated"]
    # the timexes table, when there is one, is read instead of the events: DATE/TIME with calendar values
    tx = pd.DataFrame({"article_id": ["p", "p", "p", "h"], "sentence_id": [0, 0, 2, 0],
                       "start": [0, 62, 0, 0], "end": [8, 70, 5, 4],
                       "type": ["DATE", "DURATION", "TIME", "DATE"],
                       "value": ["2025-03", "P2Y", "2026-01-07T10:30", "PRESENT_REF"]})
    out = analysis.commitment_dates(com, ev, arts, tx)
    assert list(out["date"].iloc[:4]) == ["2025-03", "2026-01-08", "2026-01-07", "2026-02-01"]
    assert list(out["date_source"].iloc[:4]) == ["stated", "published", "stated", "published"]
    tx.loc[2, "value"] = "2026-01-06TAF"                  # a part of the day
    assert analysis.commitment_dates(com, ev, arts, tx)["date"].iloc[2] == "2026-01-06"
    empty = analysis.commitment_dates(schema.empty("commitments"), None, arts)
    assert empty.empty and {"date", "date_source"} <= set(empty.columns)


def test_choose_stated_date():
    cands = [(0, 5, "2026-01"), (30, 40, "2026-01-06"), (50, 55, "2026-03-01")]
    assert analysis.choose_stated(cands, 41, 45, "2026-01-10") == "2026-01-06"   # nearest, not later
    assert analysis.choose_stated(cands, 41, 45, None) == "2026-01-06"
    assert analysis.choose_stated(cands, 56, 60, None) == "2026-03-01"
    assert analysis.choose_stated([(0, 5, "2026"), (10, 15, "2026-01")], None, None, None) == "2026-01"
    assert analysis.choose_stated([(0, 5, "2027")], 0, 1, "2026-12-31") is None


# --- exports ------------------------------------------------------------------------------------

def test_write_table_keeps_lists_and_dicts(tmp_path):
    df = pd.DataFrame({"a": ["x", "y"], "ids": [["1", "2"], []], "st": [{"a1": "pledged"}, {}], "n": [1, 2]})
    analysis.write_table(df, tmp_path / "t.csv", "csv")
    back = pd.read_csv(tmp_path / "t.csv")
    assert list(back["ids"]) == ['["1", "2"]', "[]"] and list(back["st"]) == ['{"a1": "pledged"}', "{}"]
    analysis.write_table(df, tmp_path / "t.parquet", "parquet")
    pq = pd.read_parquet(tmp_path / "t.parquet")
    assert [list(v) for v in pq["ids"]] == [["1", "2"], []] and list(pq["n"]) == [1, 2]
    assert list(pq["st"]) == ['{"a1": "pledged"}', "{}"]
    with pytest.raises(ValueError, match="format"):
        analysis.write_table(df, tmp_path / "t.xlsx", "xlsx")


def test_plover_records_leave_out_stances_without_an_event_type():
    com = _commitments([("a0", "PL", "ground_troops", "declined", None, None, None, []),
                        ("a0", "IT", "ground_troops", "undecided", None, None, None, []),
                        ("a1", "FR", "funding", "pledged", 5e9, 5e9, "EUR", ["ceasefire"])])
    com["plover"] = pd.array(["REJECT", None, "AGREE"], dtype="string")
    arts = schema.frame("articles", [{"article_id": "a0", "outlet": "O", "language": "de", "text": "x"},
                                     {"article_id": "a1", "text": "x", "language": "en"}])
    recs = analysis.plover_records(com, arts, schema.frame("actors", [{"actor_id": "UA", "name": "Ukraine"}]))
    assert [(r["actor"], r["event_type"], r["mode"], r["source"]) for r in recs] == [
        ("PL", "REJECT", "ground_troops", "O"), ("FR", "AGREE", "funding", "[a1]")]
    assert recs[1]["recipient"] == "UA" and recs[1]["recipient_name"] == "Ukraine"
    assert recs[1]["conditions"] == ["ceasefire"] and recs[1]["quantity_min"] == 5e9
    assert recs[1]["unit"] == "EUR"
    assert recs[0]["event_date"] is None and recs[0]["evidence"] == "sentence 0"


def test_corpus_timeline_is_merged_once_while_its_tables_stay(monkeypatch):
    from ukrsec import analysis as an
    from ukrsec.corpus import Corpus

    calls = []
    real = an.merge
    monkeypatch.setattr(an, "merge", lambda ev, arts: calls.append(1) or real(ev, arts))
    rows = [("a", "2026-01-06", "Paris unterzeichnet Erklärung.", "", []),
            ("b", "2026-01-06", "Erklärung in Paris unterzeichnet.", "", [])]
    c = Corpus({"events": _events(rows), "articles": _arts("ab")})
    first = c.timeline()
    first.loc[0, "label"] = "changed by the caller"
    assert c.timeline().loc[0, "label"] != "changed by the caller" and len(calls) == 1
    c.tables["events"] = _events(rows[:1])
    assert c.timeline()["n_events"].tolist() == [1] and len(calls) == 2
