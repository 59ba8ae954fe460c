"""Organisations an article names that the registry does not know: proposed as entity stubs for the curator,
so that a new company is added once and the next draft can use it.

What looks like an organisation's name: a Korean word ending in an organisation suffix (전자, 그룹, 반도체, 통신,
클라우드, 연구원, 협회, 대학교, …; a ministry's 부 or an agency's 청 only in a word of four or more syllables, so
that 일부 or 내부 are not names), or two to five capitalised English words ending in one (Electronics, Group, Inc,
Ministry, University, …). Words inside a name the registry knows are not stubs, nor a suffix after a common
word (이동통신 "mobile telecommunications", 공동 연구소 "joint lab").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.draft.mentions import Registry
from kg.text import tr

_KO_TYPES = (("PublicResearchInstitute", "연구원|연구소"), ("University", "대학교|대학"),
             ("IndustryAssociation", "협회|연합회"), ("GovernmentBody", "[가-힣]{3,}부|[가-힣]{2,}청"),
             ("InvestmentFirm", "투자|캐피털|파트너스|자산운용"),
             ("Company", "전자|그룹|반도체|통신|텔레콤|클라우드|증권|은행|홀딩스|자동차|중공업|바이오|소프트|제약|"
                         "화학|에너지"))
_EN_TYPES = (("PublicResearchInstitute", "Institute"), ("University", "University"),
             ("IndustryAssociation", "Association"), ("GovernmentBody", "Ministry|Agency"),
             ("InvestmentFirm", "Capital|Partners|Investment|Ventures"),
             ("Company", "Electronics|Group|Semiconductor|Telecom|Cloud|Bank|Holdings|Motors?|Inc|Corp|"
                         "Corporation|Ltd|Technologies|Systems"))
_KO = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]{2,12}?(?:" + "|".join(p for _, p in _KO_TYPES) +
                 r"))(?=[은는이가을를에의와과도로만,·\s)'\"’”]|$)")
_EN = re.compile(r"\b((?:[A-Z][A-Za-z0-9&-]*\s+){1,4}(?:" + "|".join(p for _, p in _EN_TYPES) + r"))\b\.?")


#: Common words that end in an organisation suffix or stand before one without naming anything.
_COMMON = re.compile(r"^(?:이동|공동|국내|해외|글로벌|관련|차세대|반도체|인공지능|데이터|자체|주요|대형|중소)")


@dataclass
class Stub:
    name: str
    type: str
    paras: list[int] = field(default_factory=list)


def _type(name: str) -> str:
    for kind, pattern in (*_KO_TYPES, *_EN_TYPES):
        if re.search(rf"(?:{pattern})$", name):
            return kind
    return "Company"


def find_stubs(paragraphs: tuple[str, ...] | list[str], registry: Registry) -> list[Stub]:
    """Names that look like organisations and are not in the registry, with the paragraphs naming them."""
    found: dict[str, Stub] = {}
    for number, text in enumerate(paragraphs, 1):
        known = [(m.start, m.end) for m in registry.find(text)]
        for pattern in (_KO, _EN):
            for m in pattern.finditer(text):
                start, end = m.span(1)
                name = m.group(1).strip()
                if len(name) < 3 or _COMMON.match(name) or any(a < end and start < b for a, b in known):
                    continue
                stub = found.setdefault(name, Stub(name, _type(name)))
                if number not in stub.paras:
                    stub.paras.append(number)
    return list(found.values())


def stub_lines(stubs: list[Stub], lang: str = "en") -> list[str]:
    """The stubs as commented entries for entities.yaml (the curator completes the id and the other label), their
    comments in the language."""
    if not stubs:
        return []
    lines = ["", tr("draft stubs head", lang)]
    for s in stubs:
        lang = "ko" if re.search(r"[가-힣]", s.name) else "en"
        other = "en" if lang == "ko" else "ko"
        lines += [f"#  - id: TODO          {tr('draft stub paras', lang, paras=', '.join(map(str, s.paras)))}",
                  f"#    type: {s.type}", f"#    label: {{{lang}: {s.name}, {other}: TODO}}"]
    return lines
