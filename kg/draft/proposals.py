"""Propose GPU allocations, GPU targets and investments from an article's paragraphs: the registry's entities
(mentions.py) and the figures (kg/figures.py) of each sentence, put together by how news reports word them.

Per GPU count (a "gpus" figure, or a bare count in a sentence about GPUs):
- a count after a rank or a sum with existing stock ("세계 3위 수준의 약 30만장", "다 합치면 30만장") is an estimate
  of the country's stock, not an allocation: left out;
- a count with a year before it in a sentence that names a target or plan ("2028년 5만 장 … 목표") is a GPU
  target (this year's when the text says 올해 / this year), set by the organisation the sentence names;
  a count in a sentence about a target without a year compares with the target and is left out;
- otherwise an allocation. Its recipient, in this order: the organisations before an "each" count
  ("삼성·SK·현대차에 각각 5만장"), one per organisation; the one marked as receiving (Korean 에/에게; English
  to/for), after the count when the count is the object ("5만장을 공공 부문에"), else before it ("공공 부문에 약
  5만장"); the one organisation, sector or country the sentence names before the count ("삼성전자는 … 5만개");
  the subject of the paragraph's first sentence; and when the sentence names only the government, several
  recipients or none, the country the article is about (a national total: "정부는 … 26만장 이상을 확보").
  A count that sizes a facility ("1만 5000장 규모로 구축되는 … 컴퓨팅센터") is left out.
The supplier is the organisation the article most often names right before "GPU" ("엔비디아 GPU").

Per money figure in a sentence about investing: an investment by the organisations named before it ("현대차와
엔비디아가 … 30억달러"), or by the two companies last named when the text says "양사" / "both companies"; a
figure in another currency right after it in brackets is its conversion ("30억달러(약 4조원)").

Per sentence that names an MOU or a joint venture (양해각서, 업무협약, MOU; 합작, 조인트벤처, joint venture): an
agreement of that type between the organisations the sentence names, when it names two or more.

Proposals that say the same thing in several paragraphs are one proposal citing each paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.draft.mentions import Mention, Registry
from kg.figures import Figure, find_figures

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=\S)")
_ESTIMATE = re.compile(r"합치면|보유|\d+\s*위|세\s*번째|in all including|including existing|\branks?\b|third", re.I)
_TARGET = re.compile(r"목표|계획|target|goal|plan|aim", re.I)
_TARGET_ONLY = re.compile(r"목표|target|goal", re.I)
_THIS_YEAR = re.compile(r"올해|금년|연내|this year|by the end of the year", re.I)
_SUPPLIES = re.compile(r"공급(?:한다|하기로|할)|\bsuppl(?:y|ies)\b", re.I)
_EN_SUPPLIES = re.compile(r"^\s+(?:\w+\s+){0,2}?suppl", re.I)
_INVEST = re.compile(r"투자|invest", re.I)
_BOTH = re.compile(r"양사|양측|두\s*회사|both companies|the two companies|the pair", re.I)
_SIZES = re.compile(r"^\s*(?:규모|-strong|in size)")
_GPU_WORD = re.compile(r"GPU|그래픽\s*처리\s*장치|장(?![기관])")
#: A name marked as the receiver: Korean 에/에게 after it (a closing quote or bracket between), English before.
_KO_DATIVE = re.compile(r"^['\"’”)\]]?\s*(?:에게|에(?!서|\s*(?:이어|비해|따라|대해|대한|관해|의해|걸쳐|앞서)))")
_EN_DATIVE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.I)
_KO_OBJECT = re.compile(r"^\s*[을를]")
_KO_SUBJECT = re.compile(r"^\s*(?:은|는|이|가|도)(?![가-힣])")
_RECIPIENT_ROLES = ("party", "country", "sector")
#: Agreement types a sentence names outright (the vaguer "cooperation" is left to the curator).
_AGREEMENTS = (("joint-venture", re.compile(r"합작|조인트\s*벤처|joint[ -]venture", re.I)),
               ("mou", re.compile(r"양해\s*각서|업무\s*협약|(?<![A-Za-z])MOU(?![A-Za-z])|memorandum of understanding",
                                  re.I)))


@dataclass
class Proposal:
    """A proposed fact. parties: the recipient, the investors or the setter; evidence: (para, start, end) of the
    figure in each paragraph that states it."""

    kind: str                        # gpu-allocation | gpu-target | investment | agreement
    parties: tuple[str, ...]
    value: int                       # 0 for an agreement
    qualifier: str
    paras: list[int] = field(default_factory=list)
    evidence: list[tuple[int, int, int]] = field(default_factory=list)
    supplier: str | None = None
    currency: str | None = None
    by_year: int | None = None
    conversion: tuple[int, str, str] | None = None
    confidence: float = 0.5
    how: str = ""                    # why these parties: kg.text's "draft how …" message
    type: str | None = None          # an agreement's type: mou | joint-venture

    @property
    def key(self) -> tuple:
        return (self.kind, self.parties, self.value, self.qualifier, self.currency, self.by_year, self.type)


@dataclass
class _Sentence:
    para: int
    start: int
    text: str
    mentions: list[Mention]      # positions relative to the sentence
    figures: list[Figure]        # positions relative to the sentence


@dataclass
class _Article:
    """What the rules need beyond one sentence."""

    lang: str
    year: int | None
    supplier: str | None
    country: str | None
    registry: Registry
    subjects: dict[int, str] = field(default_factory=dict)      # para -> subject of its first sentence
    companies: list[str] = field(default_factory=list)          # companies named so far, in order
    both: set[int] = field(default_factory=set)                 # paras that say "양사" / "both companies"


def propose(paragraphs: Sequence[str], registry: Registry, lang: str = "ko", year: int | None = None) -> list[Proposal]:
    """Every proposal the article's paragraphs support (paragraphs[i] is para i + 1), in order of first mention."""
    seen: set[str] = set()
    sentences = []
    for i, text in enumerate(paragraphs, 1):
        key = " ".join(text.split())
        if key and key not in seen:    # a block scraped twice is cited at its first occurrence (seeds/README.md)
            seen.add(key)
            sentences.extend(_split(text, i, registry, lang))
    art = _Article(lang, year, _supplier(sentences), _country(sentences), registry,
                   both={i for i, text in enumerate(paragraphs, 1) if _BOTH.search(text)})
    for s in sentences:
        if s.para not in art.subjects and s.start == _first_start(sentences, s.para):
            subject = _subject(s, art)
            if subject:
                art.subjects[s.para] = subject
    found: dict[tuple, Proposal] = {}
    for s in sentences:
        for p in [*_gpu_proposals(s, art), *_investments(s, art), *_agreements(s, art)]:
            kept = found.setdefault(p.key, p)
            if kept is not p and p.paras[0] not in kept.paras:
                kept.paras.append(p.paras[0])
                kept.evidence.extend(p.evidence)
        art.companies.extend(m.entity.id for m in s.mentions if m.entity.type == "Company")
    return list(found.values())


def _split(paragraph: str, para: int, registry: Registry, lang: str) -> list[_Sentence]:
    out, start = [], 0
    for end in [m.start() for m in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]:
        text = paragraph[start:end]
        if text.strip():
            out.append(_Sentence(para, start, text, registry.find(text), find_figures(text, lang)))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    return out


def _first_start(sentences: list[_Sentence], para: int) -> int:
    return next(s.start for s in sentences if s.para == para)


def _supplier(sentences: list[_Sentence]) -> str | None:
    """The organisation most often named just before "GPU" (엔비디아 GPU, 엔비디아의 최신 GPU, Nvidia's GPUs)."""
    counts: Counter[str] = Counter()
    for s in sentences:
        for m in s.mentions:
            after = s.text[m.end:m.end + 20]
            if m.entity.role == "party" and (re.match(r"^(?:의|'s)?\s+(?:\S+\s+){0,2}?GPU", after) or (
                    _SUPPLIES.search(s.text) and (_KO_SUBJECT.match(after) or _EN_SUPPLIES.match(after))
                    and m.entity.type != "GovernmentBody")):
                counts[m.entity.id] += 1
    return counts.most_common(1)[0][0] if counts else None


def _country(sentences: list[_Sentence]) -> str | None:
    """The country the article names most often (its own, for a report on a national deal)."""
    counts = Counter(m.entity.id for s in sentences for m in s.mentions if m.entity.role == "country")
    return counts.most_common(1)[0][0] if counts else None


def _subject(s: _Sentence, art: _Article) -> str | None:
    """The recipient-like organisation that is the subject of a sentence ("삼성전자는", "Samsung will")."""
    for m in s.mentions:
        if m.entity.role in _RECIPIENT_ROLES and m.entity.id != art.supplier:
            after = s.text[m.end:]
            if art.lang != "ko" or _KO_SUBJECT.match(after):
                return None if m.entity.type == "GovernmentBody" else m.entity.id
    return None


def _quantities(s: _Sentence) -> list[Figure]:
    return [f for f in s.figures if f.kind != "year"]


def _gpu_proposals(s: _Sentence, art: _Article) -> list[Proposal]:
    out: list[Proposal] = []
    figures = _quantities(s)
    about_gpus = bool(_GPU_WORD.search(s.text))
    for k, f in enumerate(figures):
        if not (f.kind == "gpus" or (f.kind == "count" and about_gpus)):
            continue
        lo = figures[k - 1].span[1] if k else 0
        hi = figures[k + 1].span[0] if k + 1 < len(figures) else len(s.text)
        before, after = s.text[lo:f.span[0]], s.text[f.span[1]:hi]
        if _ESTIMATE.search(before):
            continue
        year = _year(s, lo, f, art)
        if year is not None and _TARGET.search(s.text):
            setter = _setter(s, art)
            if setter:
                out.append(_proposal(s, f, "gpu-target", (setter,), 0.7, "setter",
                                     by_year=year))
            continue
        sizes_facility = _SIZES.match(after) and any(m.entity.role == "facility" for m in s.mentions)
        if _TARGET_ONLY.search(s.text) or sizes_facility:
            continue
        found = _recipients(s, f, lo, hi, art)
        if found:
            recipients, confidence, how = found
            out.extend(_proposal(s, f, "gpu-allocation", (r,), confidence, how, supplier=art.supplier)
                       for r in recipients)
    return out


def _proposal(s: _Sentence, f: Figure, kind: str, parties: tuple[str, ...], confidence: float, how: str,
              **extra) -> Proposal:
    evidence = [(s.para, s.start + f.span[0], s.start + f.span[1])]
    return Proposal(kind, parties, f.value, f.qualifier, [s.para], evidence, confidence=confidence, how=how, **extra)


def _year(s: _Sentence, lo: int, f: Figure, art: _Article) -> int | None:
    """The year a count is for: a year figure between the previous count and this one, or 'this year'."""
    years = [y for y in s.figures if y.kind == "year" and lo <= y.span[0] < f.span[0]]
    if years:
        return years[-1].value
    if art.lang != "ko":    # English puts the year after the count: "15,000 GPUs by 2028"
        later = [y for y in s.figures if y.kind == "year" and f.span[1] <= y.span[0]
                 and re.search(r"\b(?:by|in|until|through)\s+$", s.text[:y.span[0]], re.I)]
        if later:
            return later[0].value
    return art.year if _THIS_YEAR.search(s.text[lo:f.span[0]]) else None


def _setter(s: _Sentence, art: _Article) -> str | None:
    for m in s.mentions:
        if m.entity.role == "party" and m.entity.id != art.supplier:
            return m.entity.id
    return art.subjects.get(s.para)


def _eligible(mentions: list[Mention], art: _Article) -> list[Mention]:
    """Who can receive GPUs: organisations (not the supplier, not a news agency in a dateline), sectors, countries."""
    return [m for m in mentions if m.entity.role in _RECIPIENT_ROLES and m.entity.id != art.supplier
            and m.entity.type != "NewsPublisher"]


def _dative(s: _Sentence, mentions: list[Mention], art: _Article) -> list[Mention]:
    if art.lang == "ko":
        return [m for m in mentions if _KO_DATIVE.match(s.text[m.end:])]
    return [m for m in mentions if _EN_DATIVE.search(s.text[:m.start])]


def _recipients(s: _Sentence, f: Figure, lo: int, hi: int, art: _Article) -> tuple[list[str], float, str] | None:
    """(recipient ids, confidence, how they were found) of a GPU count, or None."""
    inside = _eligible(s.mentions, art)
    before = [m for m in inside if lo <= m.start and m.end <= f.span[0]]
    after = [m for m in inside if f.span[1] <= m.start and m.end <= hi]
    if f.each:
        ids = list(dict.fromkeys(m.entity.id for m in before))
        return (ids, 0.9, "each") if ids else None
    dative_before, dative_after = _dative(s, before, art), _dative(s, after, art)
    object_first = art.lang != "ko" or bool(_KO_OBJECT.match(s.text[f.span[1]:]))
    for chosen in ((dative_after[:1] if object_first else []), dative_before[-1:], dative_after[:1]):
        if chosen:
            return [chosen[0].entity.id], 0.9, "marked"
    own = list(dict.fromkeys(m.entity for m in before))
    if len(own) == 1 and own[0].type != "GovernmentBody":
        return [own[0].id], 0.7, "one before"
    named = list(dict.fromkeys(m.entity for m in inside if m.end <= f.span[0]))
    if len(named) == 1 and named[0].type != "GovernmentBody":
        return [named[0].id], 0.7, "one named"
    if not named and s.para in art.subjects:
        return [art.subjects[s.para]], 0.6, "subject"
    if art.country:
        return [art.country], 0.5, "country"
    return None


def _investments(s: _Sentence, art: _Article) -> list[Proposal]:
    if not _INVEST.search(s.text):
        return []
    out: list[Proposal] = []
    money = [f for f in s.figures if f.kind == "money"]
    for k, f in enumerate(money):
        prev = money[k - 1] if k else None
        if prev and re.fullmatch(r"\s*[(（,]\s*(?:약|about|roughly|around|approximately|some)?\s*",
                                 s.text[prev.span[1]:f.span[0]], re.I):
            if out and f.currency != prev.currency and out[-1].conversion is None:
                out[-1].conversion = (f.value, f.currency or "", f.qualifier)
            continue
        investors = _investors(s, f, art)
        if investors:
            out.append(_proposal(s, f, "investment", investors[0], investors[1], investors[2], currency=f.currency))
    return out


def _investors(s: _Sentence, f: Figure, art: _Article) -> tuple[tuple[str, ...], float, str] | None:
    named = tuple(dict.fromkeys(m.entity.id for m in s.mentions if m.entity.role == "party" and m.end <= f.span[0]))
    if named:
        return named, 0.7, "investors"
    if s.para in art.both:
        pair = tuple(dict.fromkeys(reversed(art.companies)))[:2]
        if len(pair) == 2:
            return tuple(reversed(pair)), 0.5, "both"
    if s.para in art.subjects:
        return (art.subjects[s.para],), 0.5, "subject"
    return None


def _agreements(s: _Sentence, art: _Article) -> list[Proposal]:
    parties = tuple(sorted({m.entity.id for m in s.mentions
                            if m.entity.role == "party" and m.entity.type != "NewsPublisher"}))
    out = []
    for kind, pattern in _AGREEMENTS:
        m = pattern.search(s.text)
        if m and len(parties) >= 2:
            out.append(Proposal("agreement", parties, 0, "stated", [s.para], [(s.para, s.start + m.start(),
                                s.start + m.end())], confidence=0.5, type=kind,
                                how="parties"))
    return out
