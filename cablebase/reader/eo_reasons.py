"""What a cable's classification line means, for the ``/classification/`` explainer.

Content follows ``docs/record.md`` (classification): the reasons are the category
letters of §1.4 of Executive Orders 12958 (1995, amended 2003) and 13526 (2009); the
original 1995 text of E.O. 12958 numbered the same list §1.5 and had no (h).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    letter: str
    category: str
    note: str = ""

    @property
    def anchor(self) -> str:
        return f"reason-{self.letter}"


REASONS: tuple[Reason, ...] = (
    Reason("a", "Military plans, weapons systems, or operations."),
    Reason(
        "b",
        "Foreign government information.",
        "Information given in confidence by another government,"
        " e.g. what a minister told an ambassador.",
    ),
    Reason(
        "c",
        "Intelligence activities (including covert action), intelligence sources or methods,"
        " or cryptology.",
    ),
    Reason(
        "d",
        "Foreign relations or foreign activities of the United States,"
        " including confidential sources.",
        "By far the most cited reason in embassy reporting.",
    ),
    Reason(
        "e", "Scientific, technological, or economic matters relating to the national security."
    ),
    Reason(
        "f", "United States Government programs for safeguarding nuclear materials or facilities."
    ),
    Reason(
        "g",
        "Vulnerabilities or capabilities of systems, installations, infrastructures, projects,"
        " plans, or protection services relating to the national security.",
    ),
    Reason(
        "h",
        "Weapons of mass destruction.",
        "Added by E.O. 13292 (2003) and kept by E.O. 13526; not in the 1995 text of E.O. 12958.",
    ),
)

REASONS_BY_LETTER = {r.letter: r for r in REASONS}


@dataclass(frozen=True)
class Order:
    anchor: str
    title: str
    text: str


ORDERS: tuple[Order, ...] = (
    Order(
        "eo-12958",
        "E.O. 12958 (1995)",
        "Classified National Security Information, signed 17 April 1995. Most cables of the "
        "collection cite it (\u201cE.O. 12958: DECL: 02/16/2016\u201d). In its original text the "
        "categories were listed in §1.5, so cables written before 2003 cite reasons as "
        "\u201c1.5 (B) AND (D)\u201d. Amended by E.O. 13292 in March 2003, which renumbered the "
        "list as §1.4 and added (h).",
    ),
    Order(
        "eo-13526",
        "E.O. 13526 (2009)",
        "Replaced E.O. 12958 from 29 June 2010; the newest cables cite it "
        "(\u201cE.O. 13526: DECL: 2020/01/12\u201d). §1.4 keeps the eight categories a\u2013h.",
    ),
    Order(
        "decl",
        "Declassification (DECL)",
        "The E.O. line gives the date on which the cable may be declassified, or a rule instead "
        "of a date: OADR (\u201coriginating agency\u2019s determination required\u201d), "
        "1.6 X1\u2013X8 (exemptions from automatic declassification), N/A for unclassified text.",
    ),
)

LEVELS: tuple[tuple[str, str], ...] = (
    ("UNCLASSIFIED", "Not classified; may still be withheld from the public."),
    ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "Unclassified, but for official use only (FOUO, SBU)."),
    ("LIMITED OFFICIAL USE", "A State Department handling term for sensitive unclassified text."),
    ("CONFIDENTIAL", "Disclosure could be expected to cause damage to national security."),
    ("SECRET", "Disclosure could be expected to cause serious damage to national security."),
    ("TOP SECRET", "Disclosure could be expected to cause exceptionally grave damage."),
    ("NOFORN", "A caveat: not releasable to foreign nationals."),
)


def reason_letters(reasons: list[str]) -> list[tuple[str, Reason | None]]:
    """Pair each stored reason (``"1.4(b)"``) with its category, ``None`` when unknown."""
    out: list[tuple[str, Reason | None]] = []
    for reason in reasons:
        letter = reason.rstrip(")").rsplit("(", 1)[-1].strip().lower()
        out.append((reason, REASONS_BY_LETTER.get(letter)))
    return out
