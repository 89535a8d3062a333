"""Chart builders for the notebooks (Altair). Altair is imported only when a chart is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt

    from .corpus import Corpus


def setup(renderer: str = "svg") -> None:
    """Render Altair charts offline: ``svg`` (static; JupyterLab, HTML export and nbval) by default."""
    import altair as alt

    alt.data_transformers.disable_max_rows()
    alt.renderers.enable(renderer)


def article_sizes(corpus: Corpus) -> pd.DataFrame:
    """Words and sentences per article, long format (article, measure, value)."""
    a = corpus.articles
    df = pd.DataFrame({
        "article": a["article_id"].astype(str),
        "outlet": a["outlet"].fillna("unknown").astype(str),
        "words": a["n_words"].fillna(0).astype(int),
        "sentences": a["n_sentences"].fillna(0).astype(int),
    })
    return df.melt(id_vars=["article", "outlet"], value_vars=["words", "sentences"],
                   var_name="measure", value_name="value")


def article_sizes_chart(corpus: Corpus) -> alt.Chart:
    """Bar charts of words and sentences per article."""
    import altair as alt

    data = article_sizes(corpus)
    return (alt.Chart(data).mark_bar()
            .encode(y=alt.Y("article:N", sort=None, title=None), x=alt.X("value:Q", title=None),
                    color=alt.Color("outlet:N", title="outlet"),
                    tooltip=["article", "outlet", "measure", "value"])
            .properties(width=260, height=max(60, 18 * data["article"].nunique()))
            .facet(column=alt.Column("measure:N", title=None))
            .resolve_scale(x="independent"))
