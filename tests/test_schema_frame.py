"""``schema.frame``: rows built column by column give the frame built row by row. Own rows."""

from __future__ import annotations

import pandas as pd

from ukrsec import schema


def _rows() -> list[dict]:
    return [
        {"commitment_id": "a:c0", "article_id": "a", "sentence_id": 0, "start": 3, "end": 9, "actor_id": "FR",
         "type": "ground_troops", "stance": "pledged", "conditions": ["ceasefire"], "quantity_min": None},
        {"commitment_id": "a:c1", "article_id": "a", "sentence_id": 2, "start": 40, "end": 47,
         "actor_id": "DE",
         "type": "funding", "stance": "considering", "conditions": [], "quantity_min": 2.5},
    ]


def test_uniform_rows_give_the_frame_of_the_row_by_row_build() -> None:
    rows = _rows()
    fast = schema.frame("commitments", rows)
    slow = schema.frame("commitments", pd.DataFrame(rows))
    pd.testing.assert_frame_equal(fast, slow)
    assert fast["conditions"].tolist() == [["ceasefire"], []]
    assert str(fast["sentence_id"].dtype) == "Int64" and fast["quantity_min"].isna().tolist() == [True, False]


def test_rows_with_other_keys_are_still_joined_by_key() -> None:
    rows = _rows()
    rows[1] = {k: rows[1][k] for k in reversed(list(rows[1])) if k != "stance"} | {"extra": 1}
    df = schema.frame("commitments", rows)
    assert df["stance"].isna().tolist() == [False, True]
    assert df["actor_id"].tolist() == ["FR", "DE"] and list(df.columns)[-1] == "extra"
    assert list(df.columns)[: len(schema.TABLES["commitments"])] == list(schema.TABLES["commitments"])
