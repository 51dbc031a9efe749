"""One synthetic cable: its telegram text laid out like a real one, and its ground truth.

The truth is the record a perfect parser would produce from the text, field by field in the
shape of ``shared/spec/cable-record.md``; format-specific fields (header, sender, released,
source) are settled by the writers, which know what each format carries.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime

from bench.synth import header as hdr
from bench.synth import shape
from bench.synth.text import SURNAMES, SYNTHETIC_NOTICE, wrap

CLASSIFICATIONS = (
    ("SECRET", 3.6),
    ("SECRET//NOFORN", 2.4),
    ("CONFIDENTIAL", 34.0),
    ("CONFIDENTIAL//NOFORN", 6.5),
    ("UNCLASSIFIED", 40.0),
    ("LIMITED OFFICIAL USE", 9.0),
    ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", 4.5),
)
MARKINGS = {
    "SECRET": ("S", "S", "C", "U"),
    "SECRET//NOFORN": ("S//NF", "S/NF", "S", "C"),
    "CONFIDENTIAL": ("C", "C", "C", "U", "SBU"),
    "CONFIDENTIAL//NOFORN": ("C/NF", "C", "C", "U"),
    "UNCLASSIFIED": ("U", "U", "SBU"),
    "LIMITED OFFICIAL USE": ("LOU", "U", "SBU"),
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": ("FOUO", "U"),
}
LEVEL = {"S": "S", "C": "C", "U": "U", "L": "U"}
SECTION_BYTES = 6000  # about how much text one section of a multi-section cable carries


@dataclass(slots=True)
class Cable:
    """A generated cable: header lines, text lines, and its (format-neutral) truth."""

    real: shape.RealId
    created: datetime
    header: hdr.Header
    text_lines: list[str]
    truth: dict
    cited_ids: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.text_lines) + "\n"


def target_length(rng: random.Random) -> int:
    """Log-normal: median ~3.8 KB, mean ~7 KB, about 1 in 1,300 cables over 100 KB."""
    return min(int(rng.lognormvariate(math.log(3800), 1.0)), 600_000)


def _paragraph(rng: random.Random, pool: list[str], k: int) -> str:
    return " ".join(rng.choices(pool, k=k))


def build(
    rng: random.Random,
    pool: list[str],
    real: shape.RealId,
    cited: list[tuple[str, str, int]],
    header_style: str,
) -> Cable:
    """Lay out one cable; ``cited`` are (yy, code, serial) of the cables its REF list cites."""
    created = datetime(
        real.year, real.month, rng.randint(1, 28), rng.randrange(24), rng.randrange(60)
    )
    classification = rng.choices(*zip(*CLASSIFICATIONS))[0]
    classified = classification.startswith(("SECRET", "CONFIDENTIAL"))
    code, serial, post = real.code, real.serial, real.code
    length = target_length(rng)
    sections = 1 + length // SECTION_BYTES if length > SECTION_BYTES * 1.2 else 1

    head: list[str] = []
    caveats: list[str] = []
    head.append(hdr.classification_line(rng, classification, 1, sections, post, serial))
    head.append("")
    if rng.random() < 0.85:
        head += ["SIPDIS"] * (2 if rng.random() < 0.3 else 1)
        caveats.append("SIPDIS")
    if classification.endswith("NOFORN"):
        head.append("NOFORN")
        caveats.append("NOFORN")
    if rng.random() < 0.1:
        extra = rng.choice(("NODIS", "EXDIS", "LIMDIS"))
        head.append(extra)
        caveats.append(extra)
    if rng.random() < 0.3:
        head.append(f"DEPT FOR {rng.choice(('EUR/RUS', 'NEA/MAG', 'AF/E', 'WHA/AND', 'EAP/CM'))}")
    head.append("")
    eo_text, eo_truth = hdr.eo_line(rng, created, classified)
    head.append(eo_text)
    tag_lines, tags = hdr.tags_lines(rng)
    head += tag_lines
    subj_lines, subject = hdr.subject_lines(rng, classified)
    head += subj_lines
    head.append("")
    references: list[dict] = []
    if cited or rng.random() < 0.05:
        lines, references = hdr.ref_lines(rng, real.yy, cited)
        head += [*lines, ""]
    classified_by, reasons = None, []
    if classified:
        cb_line, classified_by, reasons = hdr.classified_by_line(rng, created)
        head += [cb_line, ""]

    markings = MARKINGS[classification]
    paragraphs: list[dict] = []
    blocks: list[list[str]] = []  # per paragraph, its lines
    summary = None
    size = sum(len(x) + 1 for x in head)
    number = 0
    para_mark = "¶" if rng.random() < 0.15 else ""
    while size < length or number < 2:
        if number and rng.random() < 0.06:
            # An unnumbered block after a blank line continues the numbered paragraph above
            # (as the "--" items of seed 000's paragraph 2 do).
            text = _paragraph(rng, pool, rng.randint(1, 3))
            paragraphs[-1]["text"] += " " + text
            blocks[-1] += ["", *wrap(text).split("\n")]
            size += len(text) + 2
            continue
        number += 1
        marking = rng.choice(markings)
        text = _paragraph(rng, pool, rng.randint(2, 9))
        sub: list[str] = []
        if number == 1 and rng.random() < 0.6:
            summary = text
            opener, closer = rng.choice(
                (("SUMMARY:", "END SUMMARY."), ("Summary:", "End Summary."))
            )
            text = f"{opener} {text} {closer}"
        elif number > 2 and rng.random() < 0.1:
            text = f"COMMENT: {text} END COMMENT."
        elif rng.random() < 0.08:
            sub = [f"-- {_paragraph(rng, pool, rng.randint(1, 3))}" for _ in range(3)]
        lines = wrap(f"{para_mark}{number}. ({marking}) {text}").split("\n")
        for item in sub:
            lines += ["", *wrap(item).split("\n")]
        full = " ".join([text, *sub])
        paragraphs.append({"number": str(number), "marking": marking, "text": full})
        blocks.append(lines)
        size += len(full) + 8
    number += 1
    notice = f"{number}. (U) {SYNTHETIC_NOTICE}"
    paragraphs.append({"number": str(number), "marking": "U", "text": SYNTHETIC_NOTICE})
    blocks.append([f"{para_mark}{notice}"])
    signers = [rng.choice(SURNAMES)]

    # Lay out the body: blank lines between paragraphs, page breaks between sections.
    body_lines = list(head)
    clean_lines = list(head)
    per_section = max(1, math.ceil(len(blocks) / sections))
    section = 1
    for i, block in enumerate(blocks):
        if i and i % per_section == 0 and section < sections:
            section += 1
            brk = f"{post} {serial:08d}  {section:03d} OF {sections:03d}"
            if rng.random() < 0.5:
                cls = hdr.classification_line(rng, classification, section, sections, post, serial)
                body_lines += [brk, "", cls, ""]
            elif len(block) > 2:
                cut = len(block) // 2
                block = [*block[:cut], brk, *block[cut:]]
            else:
                body_lines += [brk]
        body_lines += block
        # the clean body drops page breaks and the publisher's ¶ marks
        clean_lines += [
            ln.removeprefix("¶") for ln in block if not ln.startswith(f"{post} {serial:08d}")
        ]
        body_lines.append("")
        clean_lines.append("")
    body_lines.append(signers[0])
    clean_lines.append(signers[0])

    header = hdr.transmission_header(
        rng,
        code,
        serial,
        created,
        sections,
        shape.origin_name(code),
        LEVEL[classification[0]],
        header_style,
    )
    truth = {
        "reference_id": real.reference_id,
        "origin": shape.origin_name(code),
        "origin_code": code,
        "created": created.strftime("%Y-%m-%dT%H:%M:00Z"),
        "released": None,
        "classification": classification,
        "caveats": caveats,
        "precedence": header.precedence,
        "dtg": header.dtg,
        "transmission_id": header.transmission_id,
        "sender": header.sender,
        "recipients": header.recipients,
        "info_recipients": header.info_recipients,
        "sections": sections,
        **eo_truth,
        "tags": tags,
        "subject": subject,
        "classified_by": classified_by,
        "reasons": reasons,
        "references": references,
        "summary": summary,
        "paragraphs": paragraphs,
        "signers": signers,
        "header": "\n".join(header.lines) or None,
        "body": "\n".join(clean_lines),
        "source": None,
        "partial": False,
        "warnings": [],
    }
    cited_ids = [r["reference_id"] for r in references if r["reference_id"]]
    return Cable(real, created, header, body_lines, truth, cited_ids)
