"""Names, titles and scare quotes: marked quotations nobody said (``kind = term``)."""

from __future__ import annotations

import bisect
import re

from .attribution import WINDOW, cues
from .state import Article, Speaker

_SENT_END = re.compile(r"[.!?…]")
_AFTER_PREFIX = re.compile(r"\s*(?:[\w\-]+\s+)?")  # at most one word between a term prefix and the mark
_GAP_TOKENS = re.compile(r"(?:\s+\S+){0,6}?\s+")  # up to six words between a verb and a medium prefix
_EDGE_PUNCT = ".,;:!?…()[]"
_ADJ_BEFORE = re.compile(r"\s*:?\s*$")  # between a verb of saying and the quotation right after it
_TRAILING_SPACE = re.compile(r"\s*")


def _prefixed(art: Article, qa: int) -> bool:
    """A term prefix right before the mark ("die sogenannte 'Koalition der Willigen'", "so-called")."""
    return any(
        _AFTER_PREFIX.fullmatch(art.masked, sp.end, qa)
        for sp in art.words_between("term_prefix", max(0, qa - 40), qa)
    )


def _is_mention(art: Article, s: int, e: int) -> bool:
    """The whole quotation is the name of an organization, state or place."""
    k = bisect.bisect_right(art.org_spans, (s + 1, len(art.text)))
    while k > 0 and art.org_spans[k - 1][0] >= s - 3:  # (mentions start inside or at the quotation)
        a, b = art.org_spans[k - 1]
        if a <= s + 1 and b >= e - 1 and (b - a) >= 0.8 * (e - s):
            return True
        k -= 1
    return False


def _after_medium(art: Article, qa: int) -> bool:
    """A verb of saying and a medium prefix right before the mark ("sagte er der „Bild“")."""
    a = max(0, qa - 60)
    media = [
        sp for sp in art.window_words("medium", a, qa) if _TRAILING_SPACE.fullmatch(art.masked, sp.end, qa)
    ]
    if not media:
        return False
    i, verbs = art.cue_index(a), []
    while i < len(art.cues) and art.cues[i][1] < qa:
        if art.cues[i][0] == "verb" and art.cues[i][2] <= qa:
            verbs.append(art.cues[i])
        i += 1
    return any(
        _GAP_TOKENS.fullmatch(art.masked, ve, sp.start)
        for _, vs, ve in verbs
        for sp in media
        if ve < sp.start and art.masked[vs - 1 : vs] != "-"
    )


def _next_to_verb(art: Article, qa: int, qb: int) -> bool:
    """A verb of saying or impersonal cue right next to the quotation ('"We stand united," they said')."""
    m = art.masked
    ws = max(art.sent_starts[art.sent_of(qa)], qa - WINDOW)
    we = min(art.sent_ends[art.sent_of(qb)], qb + WINDOW)
    return any(
        kind in ("verb", "impersonal")
        and (art.lex.adj_after.match(m, qb + 1, cs) or _ADJ_BEFORE.match(m, ce, qa))
        for kind, cs, ce in cues(art, ws, we)
    )


def is_sentence(q: str) -> bool:
    """A quotation that is a whole sentence: a capital first and a full stop (or ! ?) last."""
    q = q.strip()
    return len(q.split()) >= 2 and q[:1].isupper() and q[-1:] in ".!?…"


def _title(art: Article, s: int, e: int) -> bool | None:
    """True: the name of a law, operation or programme („Operation Morgenröte“, »Gesetz zur …«);
    None: an English title in title case ("The Long Ceasefire", "Deterrence by Design"); False: neither."""
    words = [w.strip(_EDGE_PUNCT) for w in art.text[s:e].split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    if words[0] in art.lex.title_heads:
        return True
    if art.lang != "en" or len(words) > 10 or not words[0][:1].isupper():
        return False
    small = art.lex.title_small_words
    if all(w[:1].isupper() or w in small for w in words[1:]) and any(w not in small for w in words[1:]):
        return None
    return False


def _short(q: str, short_words: int) -> bool:
    """A few words, no sentence inside and not a whole sentence."""
    return (
        len(q.split()) <= short_words
        and not _SENT_END.search(q.rstrip(".!?…,;: ")[:-1] or "")
        and not is_sentence(q)
    )


def is_term(art: Article, qa: int, qb: int, s: int, e: int, speaker: Speaker | None) -> bool:
    """Whether the quotation ``text[s:e]`` (marks at ``qa``, ``qb``) is a name or scare quote."""
    t = art.text
    if _prefixed(art, qa) or _is_mention(art, s, e):
        return True
    said = speaker is not None and speaker.named
    title = _title(art, s, e)
    if (
        title is not False
    ):  # an English title stays speech only when said ('"Peace Through Strength," said X')
        return title or not (said and _next_to_verb(art, qa, qb))
    if not _short(t[s:e], art.lex.short_words):
        return False
    after = t[qb + 1 : qb + 3]
    if after[:1] == "-" and after[1:2].isalpha():
        return True  # „Spiegel“-Interview
    if t[qa - 1 : qa] == "-" and t[qa - 2 : qa - 1].isalnum():
        return True  # ZDF-„heute journal“: the title of a programme glued to its channel
    if t[s : s + 1].isupper() and _after_medium(art, qa):
        return True  # sagte er der „Bild“
    if _suffixed(art, qb):
        return True  # launchers of the “Falcon-R” type
    reported = _after_impersonal(art, qa) or _before_impersonal(art, qb)
    return not (said or _next_to_verb(art, qa, qb) or reported)


_IMPERSONAL_CLAUSE = re.compile(r"(?:\s+[\w\-]+){0,4}\s*,[^.;:!?¤\n]*$")
_CLAUSE_BEFORE_CUE = re.compile(r"[^.;:!?\n]*,\s*")  # the clause before the cue: "„…“ aufzubauen, | heißt es"
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _after_impersonal(art: Article, qa: int) -> bool:
    """The quotation stands in the clause an impersonal cue reports ("hieß es am Abend, die Planungen
    stünden „ganz am Anfang“", "hiess es, man sei «vorsichtig optimistisch»"): someone said it."""
    ws = max(art.sent_starts[art.sent_of(qa)], qa - WINDOW)
    return any(
        kind == "impersonal" and ce <= qa and _IMPERSONAL_CLAUSE.fullmatch(art.masked, ce, qa)
        for kind, _, ce in cues(art, ws, qa)
    )


def _before_impersonal(art: Article, qb: int) -> bool:
    """The quotation stands in the clause an impersonal cue after it reports ("…, eine „dauerhaft starke
    Armee“ aufzubauen, heißt es darin", '… a "durable" force, it said'): someone said it."""
    we = min(art.sent_ends[art.sent_of(qb)], qb + WINDOW)
    return any(
        kind == "impersonal" and cs > qb and _CLAUSE_BEFORE_CUE.fullmatch(art.masked, qb + 1, cs)
        for kind, cs, _ in cues(art, qb + 1, we)
    )


def _suffixed(art: Article, qb: int) -> bool:
    """A ``term_suffixes`` word right after the closing mark ("launchers of the “Falcon-R” type")."""
    m = _NEXT_WORD.match(art.text, qb + 1)
    return m is not None and m.group(1).lower() in art.lex.term_suffixes
