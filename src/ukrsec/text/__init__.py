"""The shared text core: one document model, one span type and overlap policy, one phrase matcher,
typed lexicon loaders, and length-preserving text images.

* :mod:`.span` — :class:`Span`, :func:`filter_spans` (longest-leftmost unless a stage says otherwise);
* :mod:`.matcher` — :class:`Matcher`, patterns with the ``*`` syntax as data;
* :mod:`.doc` — :class:`Doc`, built once per article, and :func:`docs` from the tables;
* :mod:`.lexicon` — schema-checked loaders for the data files;
* :mod:`.fold` — ``lower``, ``fold`` and ``fold_case`` images of the same length as the text.
"""

from .doc import Doc, docs
from .lexicon import LexiconError
from .matcher import Matcher, Pattern, pattern
from .span import Span, filter_spans

__all__ = ["Doc", "LexiconError", "Matcher", "Pattern", "Span", "docs", "filter_spans", "pattern"]
