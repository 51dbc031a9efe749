"""One synthetic cable: its telegram text laid out like a real one, and its ground truth.

The truth is the record a perfect parser would produce from the text, field by field in the
shape of ``docs/record.md``; format-specific fields (header, sender, released,
source) are settled by the writers, which know what each format carries.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime

from bench.synth import header as hdr
from bench.synth import shape
from bench.synth.prose import Prose, ToyProse
from bench.synth.text import SYNTHETIC_NOTICE, wrap

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


HANDLING = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS")
NOTICE_LINES = (
    "State for EUR/NB and EUR/PGI",
    "Note - PII information removed",
    "Department for NEA/ELA and DRL",
    "C O R R E C T E D C O P Y (text para 7 AND TAGS)",
)
SUMMARY_MARKERS = (
    ("SUMMARY:", "END SUMMARY."),
    ("Summary:", "End Summary."),
    ("SUMMARY:", "END SUMMARY."),
    ("Summary:", "End Summary."),
    ("Summary and Comment:", "End Summary and Comment."),
    ("SUMMARY AND COMMENT:", "END SUMMARY AND COMMENT."),
)


def caveats_in(lines: list[str]) -> list[str]:
    """Handling caveats in the order the header shows them (a reader scans it top down)."""
    found: list[str] = []
    for line in lines:
        for word in line.replace("/", " ").split():
            if word in HANDLING and word not in found:
                found.append(word)
    return found


def build(
    rng: random.Random,
    prose: Prose,
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
    texts = prose.paragraphs(rng, code)
    length = sum(len(t) + 8 for t in texts)
    sections = 1 + length // SECTION_BYTES if length > SECTION_BYTES * 1.2 else 1

    head: list[str] = []
    head.append(hdr.classification_line(rng, classification, 1, sections, post, serial))
    head.append("")
    if rng.random() < 0.85:
        head += ["SIPDIS"] * (2 if rng.random() < 0.3 else 1)
    if classification.endswith("NOFORN"):
        head.append("NOFORN")
    if rng.random() < 0.1:
        head.append(rng.choice(("NODIS", "EXDIS", "LIMDIS")))
    if rng.random() < 0.3:
        head.append(f"DEPT FOR {rng.choice(('EUR/RUS', 'NEA/MAG', 'AF/E', 'WHA/AND', 'EAP/CM'))}")
    if rng.random() < 0.05:  # mixed-case office and notice lines do not end the header
        head.append(rng.choice(NOTICE_LINES))
    caveats = caveats_in(head)
    head.append("")
    eo_text, eo_truth = hdr.eo_line(rng, created, classified)
    tag_lines, tags = hdr.tags_lines(rng)
    subj_lines, subject = hdr.subject_lines(rng, prose.subject(rng), classified)
    references: list[dict] = []
    ref_block: list[str] = []
    if cited or rng.random() < 0.05:
        ref_block, references = hdr.ref_lines(rng, real.yy, cited)
    one_line = hdr.one_line_header(rng, eo_text, tags, subject)
    if one_line:  # older and reformatted cables: E.O., TAGS and SUBJECT on one line
        line, subject = one_line
        head.append(line)
    else:
        head += [eo_text, *tag_lines]
        if ref_block and len(subj_lines) == 1 and rng.random() < 0.1 and subject[-1:].isalpha():
            # the subject ends where the REF list begins, even on the same line
            subj_lines = [subj_lines[0] + ref_block[0], *ref_block[1:]]
            ref_block = []
        head += subj_lines
        if not classified and rng.random() < 0.2:
            head.append("SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY")
    head.append("")
    if ref_block:
        head += [*ref_block, ""]
    classified_by, reasons = None, []
    if classified:
        cb_line, classified_by, reasons = hdr.classified_by_line(rng, created, prose.official)
        head += [cb_line, ""]

    markings = MARKINGS[classification]
    paragraphs: list[dict] = []
    blocks: list[list[str]] = []  # per paragraph, its lines
    summary = None
    number = 0
    para_mark = "¶" if rng.random() < 0.15 else ""
    toy = isinstance(prose, ToyProse)
    for text in texts:
        if number and len(text) > 120 and rng.random() < 0.06:
            # An unnumbered "--" block after a blank line continues the numbered paragraph
            # above (as the "--" items of seed 000's paragraph 2 do).
            text = f"-- {text}"
            paragraphs[-1]["text"] += " " + text
            blocks[-1] += ["", *wrap(text).split("\n")]
            continue
        number += 1
        marking = rng.choice(markings)
        sub: list[str] = []
        if number == 1 and rng.random() < 0.6:
            summary = text
            opener, closer = rng.choice(SUMMARY_MARKERS)
            text = f"{opener} {text} {closer}"
        elif number > 2 and rng.random() < 0.1:
            text = f"COMMENT: {text} END COMMENT."
        elif toy and rng.random() < 0.08:
            sub = [f"-- {' '.join(rng.choices(prose.pool, k=rng.randint(1, 3)))}" for _ in range(3)]
        lines = wrap(f"{para_mark}{number}. ({marking}) {text}").split("\n")
        for item in sub:
            lines += ["", *wrap(item).split("\n")]
        full = " ".join([text, *sub])
        paragraphs.append({"number": str(number), "marking": marking, "text": full})
        blocks.append(lines)
    number += 1
    notice = f"{number}. (U) {SYNTHETIC_NOTICE}"
    paragraphs.append({"number": str(number), "marking": "U", "text": SYNTHETIC_NOTICE})
    blocks.append([f"{para_mark}{notice}"])
    signers = [prose.signer(rng)]
    if rng.random() < 0.03:  # two signers, one a line
        signers.append(prose.signer(rng))
        signers = list(dict.fromkeys(signers))

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
    body_lines += signers
    clean_lines += signers

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
