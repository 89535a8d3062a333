"""Positions over time (ukrsec.analysis.positions and the Corpus methods): a corpus of our own in which
Germany's stance on ground troops is reported differently on different dates, by different outlets, in
German and English."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ukrsec import analysis, load_corpus
from ukrsec.corpus import Corpus

# (id, outlet, published, text): declined -> considering -> pledged (one outlet) / declined (another)
ARTICLES = [
    ("g1", "Tagesblick", "2026-02-02T08:00:00",
     "Deutschland lehnt die Entsendung von Bodentruppen in die Ukraine ab. Frankreich verpflichtet sich zu "
     "Logistik."),
    ("e1", "Daily Ledger", "2026-02-03T09:00:00",
     "Germany has ruled out sending ground troops to Ukraine. France has committed to logistics support."),
    ("g2", "Rheinpost", "2026-02-10T07:30:00",
     "Deutschland prüft die Entsendung von Soldaten in die Ukraine. Die Gespräche dauern an."),
    ("e2", "Daily Ledger", "2026-02-12T10:00:00",
     "Germany is considering sending troops to Ukraine. Talks are continuing."),
    # published on Thursday, states Monday: its stance is placed on 2026-02-09
    ("e3", "Capital Wire", "2026-02-12T12:00:00",
     "Germany could send soldiers to Ukraine, the chancellor said on Monday."),
    ("g3", "Rheinpost", "2026-02-20T06:00:00",
     "Am 18. Februar 2026 hat Deutschland zugesagt, Soldaten in die Ukraine zu entsenden. Die Zusage gilt "
     "nach einem Waffenstillstand."),
    ("e4", "Capital Wire", "2026-02-21T06:00:00", "Germany refuses to send troops to Ukraine."),
    ("u1", None, None, "Deutschland lehnt die Entsendung von Bodentruppen in die Ukraine ab."),  # undated
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    d = tmp_path_factory.mktemp("positions")
    recs = [{"id": i, "text": t, "title": i, **({"outlet": o} if o else {}),
             **({"published": p} if p else {})} for i, o, p, t in ARTICLES]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs)
    (d / "news.jsonl").write_text(lines, encoding="utf-8")
    return load_corpus(d)


def test_the_corpus_reads_as_intended(corpus):
    cm = corpus.commitments
    de = cm[cm["actor_id"] == "DE"]
    assert list(zip(de["article_id"], de["stance"], de["date"].fillna("-"), de["date_source"].fillna("-"),
                    strict=True)) == [
        ("g1", "declined", "2026-02-02", "published"), ("e1", "declined", "2026-02-03", "published"),
        ("g2", "considering", "2026-02-10", "published"), ("e2", "considering", "2026-02-12", "published"),
        ("e3", "considering", "2026-02-09", "stated"), ("g3", "pledged", "2026-02-18", "stated"),
        ("e4", "declined", "2026-02-21", "published"), ("u1", "declined", "-", "-")]
    assert set(de["type"]) == {"ground_troops"}


def _de(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df["actor_id"] == "DE") & (df["type"] == "ground_troops")].reset_index(drop=True)


def test_positions_per_day(corpus):
    pos = corpus.positions("day")
    de = _de(pos)
    assert list(zip(de["period"], de["stance"], de["article_ids"].map(tuple), strict=True)) == [
        ("2026-02-02", "declined", ("g1",)), ("2026-02-03", "declined", ("e1",)),
        ("2026-02-09", "considering", ("e3",)), ("2026-02-10", "considering", ("g2",)),
        ("2026-02-12", "considering", ("e2",)), ("2026-02-18", "pledged", ("g3",)),
        ("2026-02-21", "declined", ("e4",))]
    assert list(de["n_stated"]) == [0, 0, 1, 0, 0, 1, 0] and not de["disagree"].any()
    assert de.loc[2, "commitment_ids"] == ["e3:c0"] and de.loc[2, "outlets"] == ["Capital Wire"]
    assert pos.attrs["undated"] == 1                      # u1 has no date at all
    fr = pos[pos["actor_id"] == "FR"]
    assert list(zip(fr["type"], fr["period"], fr["stance"], strict=True)) == [
        ("logistics", "2026-02-02", "pledged"), ("logistics", "2026-02-03", "pledged")]


def test_positions_per_week_and_month_with_disagreement(corpus):
    wk = _de(corpus.positions("week"))
    assert list(wk["period"]) == ["2026-W06", "2026-W07", "2026-W08"]
    assert list(wk["period_start"]) == ["2026-02-02", "2026-02-09", "2026-02-16"]
    assert list(wk["stance"]) == ["declined", "considering", "declined"]
    assert list(wk["n_articles"]) == [2, 3, 2] and list(wk["n_outlets"]) == [2, 3, 2]
    assert wk.loc[1, "article_ids"] == ["g2", "e2", "e3"]          # in the order they were published
    w8 = wk.loc[2]
    # a tie (one article each, one outlet each) goes to the later report: e4's refusal
    assert w8["disagree"] and w8["disagreeing_articles"] == ["g3"]
    assert w8["disagreeing_outlets"] == ["Rheinpost"] and w8["stance_set"] == ["pledged", "declined"]
    assert w8["stances"] == {"g3": "pledged", "e4": "declined"}
    mo = _de(corpus.positions("month"))
    assert list(mo["period"]) == ["2026-02"] and mo.loc[0, "stance"] == "declined"   # 3:3, more recent
    assert mo.loc[0, "n_articles"] == 7 and mo.loc[0, "disagreeing_articles"] == ["g2", "e2", "e3", "g3"]


def test_shifts(corpus):
    sh = _de(corpus.shifts())
    assert list(zip(sh["from_stance"], sh["to_stance"], sh["from_period"], sh["to_period"], strict=True)) == [
        ("declined", "considering", "2026-02-03", "2026-02-09"),
        ("considering", "pledged", "2026-02-12", "2026-02-18"),
        ("pledged", "declined", "2026-02-18", "2026-02-21")]
    # the move to 'considering' is dated 9 Feb by e3 (published 12 Feb); the first to report it was g2
    assert list(sh["first_article"]) == ["g2", "g3", "e4"]
    assert list(sh["first_outlet"]) == ["Rheinpost", "Rheinpost", "Capital Wire"]
    assert list(sh["first_published"]) == ["2026-02-10", "2026-02-20", "2026-02-21"]
    assert list(sh["before_commitment_id"]) == ["e1:c0", "e2:c0", "g3:c0"]
    assert list(sh["after_commitment_id"]) == ["g2:c0", "g3:c0", "e4:c0"]
    assert sh.loc[0, "evidence_before"] == "Germany has ruled out sending ground troops to Ukraine."
    assert sh.loc[0, "evidence_after"] == "Deutschland prüft die Entsendung von Soldaten in die Ukraine."
    wk = _de(corpus.shifts("week"))
    assert list(zip(wk["from_period"], wk["to_period"], wk["to_stance"], wk["first_article"],
                    wk["before_commitment_id"], strict=True)) == [
        ("2026-W06", "2026-W07", "considering", "g2", "e1:c0"),
        ("2026-W07", "2026-W08", "declined", "e4", "e3:c0")]
    assert corpus.shifts("month").empty                  # one month: no change between periods


def test_first_reports(corpus):
    fr = corpus.first_reports().set_index(["actor_id", "type", "stance"])
    row = fr.loc[("DE", "ground_troops", "considering")]
    assert (row["first_outlet"], row["first_article"], row["first_published"]) == (
        "Rheinpost", "g2", "2026-02-10")
    assert row["followers"] == ["Daily Ledger", "Capital Wire"] and row["days_later"] == [2, 2]
    row = fr.loc[("DE", "ground_troops", "declined")]
    assert row["first_outlet"] == "Tagesblick" and row["followers"] == ["Daily Ledger", "Capital Wire"]
    assert row["days_later"] == [1, 19] and row["days_to_first_follower"] == 1
    assert row["days_to_last_follower"] == 19 and row["n_outlets"] == 3       # u1 (undated) is left out
    row = fr.loc[("DE", "ground_troops", "pledged")]
    assert row["n_outlets"] == 1 and row["followers"] == [] and pd.isna(row["days_to_first_follower"])
    assert fr.loc[("FR", "logistics", "pledged"), "days_later"] == [1]


def test_compare_by_language_and_outlet(corpus):
    lang = _de(corpus.compare(by="language"))
    assert list(zip(lang["group"], lang["stance"], lang["n_articles"], strict=True)) == [
        ("de", "declined", 4), ("en", "declined", 4)]
    assert not lang["disagree"].any() and lang["disagree_within"].all()
    wk = _de(corpus.compare(by="language", period="week"))
    assert list(zip(wk["period"], wk["group"], wk["stance"], wk["disagree"], strict=True)) == [
        ("2026-W06", "de", "declined", False), ("2026-W06", "en", "declined", False),
        ("2026-W07", "de", "considering", False), ("2026-W07", "en", "considering", False),
        ("2026-W08", "de", "pledged", True), ("2026-W08", "en", "declined", True)]
    assert wk.loc[4, "other_stances"] == {"en": "declined"} and wk.loc[5, "commitment_ids"] == ["e4:c0"]
    out = _de(corpus.compare(by="outlet")).set_index("group")
    assert out["stance"].to_dict() == {"Capital Wire": "declined", "Daily Ledger": "considering",
                                       "Rheinpost": "pledged", "Tagesblick": "declined", "[u1]": "declined"}
    assert out["disagree"].all() and out.loc["Rheinpost", "other_stances"]["Daily Ledger"] == "considering"
    fr = corpus.compare(by="language")
    assert not fr[fr["actor_id"] == "FR"]["disagree"].any()
    # no argument: as before, one row per (actor, type) with each article's stance
    old = _de(corpus.compare())
    assert old.loc[0, "n_articles"] == 8 and old.loc[0, "disagree"] and "group" not in old.columns


def test_parameters_are_checked(corpus):
    with pytest.raises(ValueError, match="period"):
        corpus.positions("year")
    with pytest.raises(ValueError, match="period"):
        corpus.shifts("fortnight")
    with pytest.raises(ValueError, match="by must be"):
        corpus.compare(by="country")
    with pytest.raises(ValueError, match="period needs by"):
        corpus.compare(period="week")


def test_empty_corpus():
    c = Corpus()
    assert c.positions().empty and c.positions().attrs["undated"] == 0
    assert c.shifts().empty and "first_outlet" in c.shifts().columns
    assert c.first_reports().empty and "days_later" in c.first_reports().columns
    assert c.compare(by="outlet").empty and "disagree" in c.compare(by="outlet").columns


def test_period_of():
    assert analysis.period_of("2026-01-06", "day") == ("2026-01-06", "2026-01-06")
    assert analysis.period_of("2026-01-06", "week") == ("2026-W02", "2026-01-05")
    assert analysis.period_of("2027-01-01", "week") == ("2026-W53", "2026-12-28")   # ISO year
    assert analysis.period_of("2026-01-06", "month") == ("2026-01", "2026-01-01")
    assert analysis.period_of("2026-03", "day") == ("2026-03", "2026-03-01")         # keeps its own span
    assert analysis.period_of("2025", "week") == ("2025", "2025-01-01")
    assert analysis.period_of(None) is None and analysis.period_of("soon") is None
    with pytest.raises(ValueError):
        analysis.period_of("2026-01-06", "quarter")


# --- the notebook (06_positions_over_time) on this corpus ------------------------------------------

@pytest.mark.slow
@pytest.mark.timeout(400)
def test_notebook_shows_the_shifts_and_first_reports(corpus, tmp_path):
    from test_notebooks import _run, _svgs, _text

    tables = corpus.save(tmp_path / "tables")
    book = _run("06_positions_over_time", tmp_path, corpus=str(tables), actor="germany", type="ground_troops",
                period="week")
    text = _text(book)
    assert "3 positions per week, 2 shifts shown" in text
    assert "Deutschland prüft die Entsendung von Soldaten in die Ukraine." in text   # evidence after
    assert "Daily Ledger (+2 d), Capital Wire (+2 d)" in text                         # followers
    assert "Traceback" not in text and _svgs(book) >= 3


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_notebook_refuses_an_unknown_period(corpus, tmp_path):
    from test_notebooks import _cell_error, _run

    from ukrsec.nbrun import RunFailure

    with pytest.raises(RunFailure) as e:
        _run("06_positions_over_time", tmp_path, corpus=str(corpus.save(tmp_path / "t")), period="year")
    err = _cell_error(e)
    assert err.ename == "ParameterError" and "choose one of: day, week, month" in err.evalue
    assert err.exec_count == 3


# --- exports ---------------------------------------------------------------------------------------

def test_export_positions_csv_and_parquet(corpus, tmp_path):
    from ukrsec import cli

    tables = corpus.save(tmp_path / "tables")
    assert cli.main(["export", "positions", str(tables), "--out", str(tmp_path / "p.csv"), "--format", "csv",
                     "--period", "week"]) == 0
    csv = pd.read_csv(tmp_path / "p.csv")
    de = _de(csv)
    assert list(de["period"]) == ["2026-W06", "2026-W07", "2026-W08"]
    assert [json.loads(v) for v in de["disagreeing_outlets"]] == [[], [], ["Rheinpost"]]
    assert json.loads(de.loc[2, "stances"]) == {"g3": "pledged", "e4": "declined"}
    assert cli.main(["export", "shifts", str(tables), "--out", str(tmp_path) + "/"]) == 0
    pq = pd.read_parquet(tmp_path / "shifts.parquet")
    assert list(_de(pq)["first_article"]) == ["g2", "g3", "e4"]
    assert cli.main(["export", "first_reports", str(tables), "--out", str(tmp_path / "f.parquet")]) == 0
    fr = _de(pd.read_parquet(tmp_path / "f.parquet"))
    assert [list(v) for v in fr["followers"]] == [["Daily Ledger", "Capital Wire"],
                                                  ["Daily Ledger", "Capital Wire"], []]


def test_export_plover_records(corpus, tmp_path):
    from ukrsec import cli

    out = tmp_path / "events.jsonl"
    assert cli.main(["export", "plover", str(corpus.save(tmp_path / "t")), "--out", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == len(corpus.commitments)            # no 'undecided' stance here: all are events
    g3 = next(r for r in recs if r["event_id"] == "g3:c0")
    assert {k: g3[k] for k in ("actor", "recipient", "event_type", "mode", "event_date", "date_source",
                               "source", "language")} == {
        "actor": "DE", "recipient": "UA", "event_type": "AGREE", "mode": "ground_troops",
        "event_date": "2026-02-18", "date_source": "stated", "source": "Rheinpost", "language": "de"}
    assert g3["evidence"].startswith("Am 18. Februar 2026 hat Deutschland zugesagt")
    assert {r["event_type"] for r in recs if r["stance"] == "declined"} == {"REJECT"}
    undated = next(r for r in recs if r["article_id"] == "u1")
    assert undated["event_date"] is None and undated["source"] == "[u1]"


def test_export_refuses_a_mismatched_format(tmp_path):
    from ukrsec import cli

    with pytest.raises(SystemExit):
        cli.main(["export", "plover", "--out", str(tmp_path / "x.csv"), "--format", "csv"])
    with pytest.raises(SystemExit):
        cli.main(["export", "positions", "--out", str(tmp_path / "x.jsonl"), "--format", "jsonl"])


# --- chart frames and HTML views -------------------------------------------------------------------

def test_chart_frames_and_views(corpus):
    from ukrsec import explore, viz

    pos = viz.position_frame(corpus, "DE", "ground_troops", "week")
    assert list(pos["row"].unique()) == ["Germany · ground_troops"]
    assert list(pos["disagreeing_outlets"]) == ["", "", "Rheinpost"]
    assert len(viz.position_frame(corpus, period="day", top=1)["row"].unique()) == 1
    spec = viz.positions_chart(pos).to_dict()
    assert spec["encoding"]["shape"]["field"] == "disagree" and len(spec["datasets"]) == 1
    sh = viz.shift_frame(corpus, None, None, "day")
    tips = {t["field"] for t in viz.shifts_chart(sh).to_dict()["encoding"]["tooltip"]}
    assert {"evidence_before", "evidence_after", "first_outlet"} <= tips
    counts = viz.first_report_counts(corpus, "DE").set_index(["outlet", "role"])["reports"].to_dict()
    assert counts == {("Rheinpost", "first"): 2, ("Tagesblick", "first"): 1, ("Daily Ledger", "followed"): 2,
                      ("Capital Wire", "followed"): 2}
    cell = explore.position_cell_html(corpus, "DE", "ground_troops", "week")
    assert "2026-W08" in cell and "Shifts</b> (2)" in cell and "Rheinpost" in cell
    assert "Daily Ledger (+1 d), Capital Wire (+19 d)" in explore.first_reports_html(corpus, "DE")
    assert "<b>By language</b>" in explore.group_disagreements_html(corpus, "language", "DE")
    assert "Tagesblick" in explore.group_disagreements_html(corpus, "outlet", "DE", "ground_troops")


def test_views_escape_article_text(corpus):
    from ukrsec import explore

    hostile = corpus.commitments.copy()
    hostile["evidence"] = "<script>alert(1)</script>"
    c = Corpus({**corpus.tables, "commitments": hostile})
    for view in (explore.position_cell_html(c, "DE", "ground_troops", "week"), explore.first_reports_html(c)):
        assert "<script>" not in view and "&lt;script&gt;" in view


def test_reports_keep_the_text_order_within_an_article():
    from ukrsec import schema

    com = schema.frame("commitments", [
        {"commitment_id": f"a:c{i}", "article_id": "a", "actor_id": "DE", "type": "funding",
         "stance": "pledged" if i in (2, 10) else "declined", "date": "2026-01-05",
         "date_source": "published", "evidence": f"s{i}"} for i in (1, 2, 10)]
        + [{"commitment_id": "b:c0", "article_id": "b", "actor_id": "DE", "type": "funding",
            "stance": "declined", "date": "2026-01-04", "date_source": "published", "evidence": "b0"}])
    arts = schema.frame("articles", [{"article_id": "a", "outlet": "A", "published": "2026-01-05"},
                                     {"article_id": "b", "outlet": "B", "published": "2026-01-04"}])
    rep = analysis.reports(com, arts)
    assert list(rep["commitment_id"]) == ["b:c0", "a:c1", "a:c2", "a:c10"]
    assert list(rep["seq"]) == [0, 1, 2, 3]
    sh = analysis.shifts(com, arts, schema.empty("actors"))
    assert list(sh["after_commitment_id"]) == ["a:c2"] and list(sh["before_commitment_id"]) == ["b:c0"]
