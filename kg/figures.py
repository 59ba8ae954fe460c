"""Find the figures (GPU counts, money, years) in a paragraph of Korean or English news text.

`kg draft` (issue 14) proposes facts from a new article; this module is its reading of numbers, so that a curator
no longer turns "26만장" or "30억달러(약 4조원)" into integers by hand. Each `Figure` carries its value, kind,
currency, character span (the numeral and its unit: text[start:end]), the qualifier notation of its hedge and
whether it is a distribution ("각각 5만장", "50,000 each").

The hedge words live in ONE place, the ontology: `skos:hiddenLabel` (SKOS's property for search terms) on the
qualifier individuals in ontology/kg.ttl; `hedge_words()` reads them. Each Korean word is put under the
qualifier whose rdfs:comment defines it (value sets as in kg/qualifiers.py):

    about      약, 대략, 정도, 가량, 안팎 -- approximate, [n - 10 %, n + 10 %]
    at-least   이상 -- "n or more", the bound included: 26만장 이상 = [260,000, ∞)
    more-than  초과, 넘는, 넘게, 웃도는, 여 -- "exceeding n", the bound excluded: 26만장을 넘는 = (260,000, ∞)
    up-to      최대, 이하 -- an upper bound, [0, n]
    exact      정확히
    stated     no hedge word (총 "in total", 규모 "on the scale of", 각각 "each" are not hedges)

English: about/around/approximately/roughly/some; at least/or more/no fewer than/no less than; more than/
over/above/upwards of; up to/as many as; exactly/precisely.

Where a hedge may stand: English puts it before the number ("about 50,000") except the tails that start with
"or" ("50,000 or more"), so "50,000 GPUs over five years" is not "more than". Korean puts it on either side
("약 5만장", "5만장 이상", "26만장을 넘는", with a particle between); a word that stands right before the next
figure belongs to that figure ("5만장 약 3조원": 약 hedges 3조원). A one-syllable word stands before the figure
or inside it, between numeral and unit ("5만여 장"), never after it ("5만장 여러 곳" is not 여). A hedge must
touch the figure (spaces only, or one Korean particle before a trailing hedge).

Years take no hedge ("over 2026" is a span of time).

Kinds: money (a currency: 원/won/KRW/₩ -> KRW, 달러/dollars/$/USD -> USD), year (2028년; a bare four-digit
1900-2099), gpus (장, GPU(s), or a count right after "GPU" or closely followed by it in the same clause:
"GPU 5만개", "5만개 GPU"), and count (a number of 1,000 or more with no unit, or with 개, that the text does
not tie to GPUs). Smaller unitless numbers (dates, ranks, percentages) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rdflib import Literal
from rdflib.namespace import SKOS

from kg import ontology, qualifiers

#: Korean digit multipliers inside a numeral group ("5천") and between groups ("2조 5천억").
_SMALL = {"천": 1000, "백": 100}
_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
#: English scale words: "$3 billion", "14 trillion won".
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: Units after a number, and what they make the figure: (kind, currency).
_UNITS = {"장": ("gpus", None), "개": ("count", None), "GPU": ("gpus", None), "GPUs": ("gpus", None),
          "년": ("year", None), "원": ("money", "KRW"), "won": ("money", "KRW"),
          "달러": ("money", "USD"), "dollar": ("money", "USD"), "dollars": ("money", "USD")}
#: Currency signs and codes before a number: "$3 billion", "USD 3 billion".
_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "KRW": "KRW", "₩": "KRW"}

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GROUP = rf"{_NUM}[천백]?"
_FIGURE = (
    r"(?<![A-Za-z0-9.,/_-])"  # not the tail of a word, a code, a phone number or a path
    r"(?:(?P<cur>US\$|\$|₩|(?:USD|KRW)(?![A-Za-z]))\s?)?"
    # "1만 5000장" is one numeral; "5만 2028년" is two (a year is never the tail of a count)
    rf"(?P<num>(?:{_GROUP}[조억만](?:\s(?![\d,]+년))?)*{_GROUP}[조억만]?)"
    r"(?:\s(?P<scale>thousand|million|billion|trillion)(?![A-Za-z]))?"
    r"(?P<infix>INFIX)?"
    # 장기 (long-term), 장관 (minister), 개월 (months), 개국 (countries), 원전 (nuclear plant) are other words.
    r"(?:\s?(?P<unit>장(?![기관])|개(?![월국])|년|원(?![전칙장])|달러|GPUs?(?![A-Za-z])|won(?![A-Za-z])"
    r"|dollars?(?![A-Za-z])))?")


@cache
def _figure_pattern() -> re.Pattern:
    """_FIGURE with the one-syllable Korean hedges that stand between a numeral and its unit (5만여 장)."""
    infix = "|".join(re.escape(w) for w in sorted(hedge_words("ko")) if len(w) == 1) or "(?!)"
    return re.compile(_FIGURE.replace("INFIX", infix))
#: How a paragraph says a figure is given to each of several recipients.
_EACH_BEFORE = {"ko": re.compile(r"(?<!\w)(?:각각|각)\s+$"),
                "en": re.compile(r"\beach(?:\s+(?:getting|receiving|gets|receives|get|receive|taking|with))?\s+$")}
_EACH_AFTER = {"ko": re.compile(r"^씩"), "en": re.compile(r"^\s+each\b")}
#: "GPU" in the same clause shortly after a count, with no other number between, ties the count to GPUs
#: ("5만개 이상의 엔비디아 GPU").
_GPU_NEAR = re.compile(r"^[^.,;:!?·()\n\d]{0,20}?GPU")
#: ... and so does "GPU" right before it ("GPU 5만개").
_GPU_BEFORE = re.compile(r"GPUs?\s*$")
#: What a unitless number may not touch on its right: another unit (3위, 31일), a code or path (02-397, 123_4.jpg).
_NOT_A_COUNT = re.compile(r"[A-Za-z0-9_/-]|\.\w")
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Figure:
    """One figure as the paragraph gives it; span is (start, end) of the numeral and its unit."""

    value: int
    kind: str                   # "gpus", "money", "year" or "count"
    span: tuple[int, int]
    qualifier: str = qualifiers.DEFAULT
    each: bool = False
    currency: str | None = None


@cache
def hedge_words(lang: str) -> dict[str, str]:
    """word -> qualifier notation, from the skos:hiddenLabel of the qualifiers in ontology/kg.ttl."""
    g = ontology.ontology_graph()
    return {str(word): notation for notation, q in qualifiers.all_qualifiers().items()
            for word in g.objects(q.iri, SKOS.hiddenLabel)
            if isinstance(word, Literal) and word.language == lang}


@cache
def _hedge_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(before, after): a hedge ending where a figure starts, and one starting where a figure ends."""
    words = sorted(hedge_words(lang), key=lambda w: (-len(w), w))
    alt = lambda ws: "|".join(re.escape(w) for w in ws) or r"(?!)"  # noqa: E731
    if lang == "ko":
        # a single syllable after a figure is more likely the start of a word (5만장 여러 곳, 약속)
        return (re.compile(rf"(?<!\w)({alt(words)})\s*$"),
                re.compile(rf"^\s*(?:[을를이가]\s*)?({alt(w for w in words if len(w) > 1)})"))
    tails = [w for w in words if w.startswith("or ")]
    return (re.compile(rf"\b({alt(w for w in words if w not in tails)})\s+$", re.I),
            re.compile(rf"^\s+({alt(tails)})\b", re.I))


def _value(num: str, scale: str | None) -> Decimal:
    """The number a numeral writes: "1만 5000" 15000, "2조5천억" 2.5e12, "3.5" with "billion" 3.5e9."""
    total = Decimal(0)
    for digits, small, big in re.findall(rf"({_NUM})([천백]?)([조억만]?)", num.replace(" ", "")):
        total += Decimal(digits.replace(",", "")) * _SMALL.get(small, 1) * _BIG.get(big, 1)
    return total * _SCALE.get(scale or "", 1)


def _kind(m: re.Match, value: int, before: str, after: str) -> tuple[str, str | None] | None:
    """(kind, currency) of a numeral match, or None when it is not a figure (a date, a rank, "5년")."""
    unit, num = m["unit"], m["num"]
    if m["cur"]:
        return "money", _CURRENCY[m["cur"]]
    if unit is not None:
        kind, currency = _UNITS[unit]
        if kind == "year" and not (re.fullmatch(r"\d{4}", num) and 1900 <= value <= 2099):
            return None
        if kind == "count" and (_GPU_NEAR.match(after) or _GPU_BEFORE.search(before)):
            return "gpus", None
        return kind, currency
    if _NOT_A_COUNT.match(after) or (_HANGUL.match(after) and not re.search("[조억만]$", num)):
        return None     # "21만이" is a count with a particle; "3위" is not a count
    if _GPU_NEAR.match(after):
        return "gpus", None
    if re.fullmatch(r"\d{4}", num) and 1900 <= value <= 2099 and not m["scale"]:
        return "year", None
    if num.startswith("0") or (value < 1000 and not re.search("[조억만]", num)):
        return None
    return ("gpus" if _GPU_BEFORE.search(before) else "count"), None


def _numerals(text: str) -> list[tuple[int, str, str | None, tuple[int, int], str | None]]:
    """(value, kind, currency, span, hedge inside it) of each numeral that is a figure, in order."""
    out = []
    for m in _figure_pattern().finditer(text):
        value = _value(m["num"], m["scale"])
        if value != value.to_integral_value():
            continue    # "2025.10.31", a version number: no whole figure
        found = _kind(m, int(value), text[max(0, m.start() - 8):m.start()], text[m.end():])
        if found is not None:
            out.append((int(value), *found, m.span(), m["infix"]))
    return out


def find_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Every figure in the paragraph, in order. lang ("ko"/"en") picks the hedge and "each" words; None
    guesses it from the text (any Hangul: Korean)."""
    lang = lang or ("ko" if _HANGUL.search(text) else "en")
    before, after = _hedge_patterns(lang)
    words = {w.lower(): n for w, n in hedge_words(lang).items()}
    found = _numerals(text)
    # a hedge right before a figure belongs to it, so the text after a figure stops where the next one's starts
    heads = [text[max(0, span[0] - 40):span[0]] for *_, span, _ in found]
    prefixes = [before.search(head) for head in heads]
    starts = [span[0] - len(head) + (pre.start() if pre else len(head))
              for (*_, span, _), head, pre in zip(found, heads, prefixes, strict=True)]
    figures = []
    for i, (value, kind, currency, (start, end), infix) in enumerate(found):
        head, pre, qualifier = heads[i], prefixes[i], qualifiers.DEFAULT
        if pre:
            head, qualifier = head[:pre.start()], words[pre[1].lower()]
        tail = text[end:starts[i + 1] if i + 1 < len(found) else len(text)]
        post = after.search(tail)
        if infix and not pre:
            qualifier = words[infix]
        elif post and not pre:
            qualifier = words[post[1].lower()]
        if kind == "year":
            qualifier = qualifiers.DEFAULT  # "over 2026", "2028년 이후": time words, not a hedge on a number
        each = bool(_EACH_BEFORE[lang].search(head) or _EACH_AFTER[lang].search(tail))
        figures.append(Figure(value, kind, (start, end), qualifier, each, currency))
    return figures
