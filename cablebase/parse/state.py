"""The state every header rule reads and writes (markdown-it's ``StateCore`` for cables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cablebase.parse.context import Context
from cablebase.parse.record import CableRecord, Reference


@dataclass(slots=True)
class Meta:
    """What a publisher says about the cable (metadata table, CSV columns)."""

    reference_id: str | None = None
    created: str | None = None
    released: str | None = None
    classification: str | None = None
    origin: str | None = None
    partial: bool = False
    references: list[Reference] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Trailer:
    """A catalogue trailer cut from the end of the text (``STEVENS 0 03/13/2008 ...``)."""

    signer: str
    tags: str
    subject: str | None
    text: str


@dataclass(slots=True)
class ParseState:
    """Input handed over by a format reader, plus what the rules found so far.

    ``transmission`` is the transmission header (VZCZC, DE, DTG, FM/TO/INFO) when
    the reader could separate it; ``text`` is the telegram text. Rules fill
    ``record`` and the working fields below.
    """

    text: str
    transmission: str = ""
    meta: Meta = field(default_factory=Meta)
    context: Context = field(default_factory=Context)
    record: CableRecord = field(default_factory=CableRecord)
    lines: list[str] = field(default_factory=list)
    body_start: int = 0
    segments: dict[str, str] = field(default_factory=dict)
    preamble: str = ""
    pages: int = 0
    trailer: Trailer | None = None
    # A viewer page's teaser (the cable's opening, cut off with "..."), read by
    # ``segments`` only for header fields the full text lost.
    teaser: str = ""
    # The signature as it stood after the text ("\n\nRICE", " Herbst"): cut from the
    # last paragraph by ``signers``, given back to the display body by ``finish``.
    signature_tail: str = ""
    # ``text`` split at line ends by a rule that splits it anyway (``routing``), kept
    # for ``segments`` so the text is not split twice: (the text, its lines).
    split: tuple[str, list[str]] | None = None

    def text_lines(self) -> list[str]:
        """``text.split("\\n")``: the split left for this very text, else a new one.

        The list is handed over, not shared: a second call splits again.
        """
        split, self.split = self.split, None
        if split is not None and split[0] is self.text:
            return split[1]
        return self.text.split("\n")

    def cite_year(self) -> str | None:
        """Two-digit year for citations that give none: context, own id, then DTG."""
        from cablebase.parse.ids import year2

        if self.context.year:
            return year2(self.context.year)
        for rid in (self.record.reference_id, self.context.reference_id):
            if rid and rid[:2].isdigit():
                return rid[:2]
        if self.record.created:
            return self.record.created[2:4]
        return None
