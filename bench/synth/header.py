"""Transmission header and text-header lines (classification, E.O., TAGS, SUBJECT, REF,
Classified By) in the notations the real cables use, each with its ground-truth value."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from bench.synth import shape
from bench.synth.text import SURNAMES, person, title_words, wrap

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
SECURITY = {"S": "SSSSS", "C": "CCCCC", "U": "EEEEE"}
TITLES = ("Ambassador", "DCM", "Charge d'Affaires", "A/S", "Acting DCM", "Consul General")
NAME_FIRST_TITLES = ("Ambassador", "Deputy Chief of Mission", "Political Counselor")


@dataclass(slots=True)
class Header:
    """Lines of a transmission header and the truth they carry."""

    lines: list[str] = field(default_factory=list)
    precedence: str | None = None
    dtg: str | None = None
    transmission_id: str | None = None
    sender: str | None = None
    recipients: list[dict] = field(default_factory=list)
    info_recipients: list[dict] = field(default_factory=list)


def dtg_of(created: datetime) -> str:
    return f"{created:%d%H%M}Z {MONTHS[created.month - 1]} {created:%y}"


def sender_of(code: str, name: str) -> str:
    if code == "STATE":
        return "SECSTATE WASHDC"
    post = name.split(" ", 1)[1].upper() if " " in name else code
    if name.startswith("Consulate"):
        return f"AMCONSUL {post}"
    if name.startswith("Embassy"):
        return f"AMEMBASSY {post}"
    return f"USMISSION {code}"


def _addressee(rng: random.Random, prec: str) -> tuple[str, dict]:
    route, name = rng.choice(shape.routing_indicators())
    mcn = f"{rng.randrange(10000):04d}" if rng.random() < 0.7 else None
    if rng.random() < 0.08 and name[:1].isalpha() and name == name.upper():
        route = None  # a bare addressee, as "TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE"
    text = f"{route}/{name}" if route else name
    text += f" {prec}" + (f" {mcn}" if mcn else "")
    rec = {"name": name, "route": route, "precedence": prec, "mcn": mcn, "excluded": []}
    return text, rec


def transmission_header(
    rng: random.Random,
    code: str,
    serial: int,
    created: datetime,
    sections: int,
    name: str,
    level: str,
    style: str,
) -> Header:
    """``style``: "full" (VZCZC..BT), "short" (DTG/FM/TO only, as seed 000), "none"."""
    h = Header()
    if style == "none":
        return h
    letter = rng.choices("ROPZ", weights=(35, 33, 30, 2))[0]
    prec = PRECEDENCE[letter]
    h.precedence, h.dtg, h.sender = prec, dtg_of(created), sender_of(code, name)
    station = f"RUEH{code[:2]}"
    julian = f"{created.timetuple().tm_yday:03d}{created:%H%M}"
    sec = "/01" if sections > 1 or rng.random() < 0.3 else ""
    if style == "full":
        h.transmission_id = f"{station} #{serial:04d}{sec} {julian}"
        h.lines += [f"VZCZCXRO{rng.randrange(10000):04d}", f"{letter}{letter} RUEHWEB", ""]
        h.lines += [f"DE {h.transmission_id}", f"ZNY {SECURITY[level]} ZZH"]
    h.lines += [f"{letter} {h.dtg}", f"FM {h.sender}"]
    for key, target, count in (("TO", h.recipients, 1), ("INFO", h.info_recipients, 0)):
        n = count + (rng.randint(0, 2) if key == "TO" else rng.choice((0, 0, 1, 2, 4, 7)))
        for i in range(n):
            text, rec = _addressee(rng, prec)
            h.lines.append(f"{key} {text}" if i == 0 else text)
            target.append(rec)
    if style == "full":
        h.lines.append("BT")
    return h


CLASS_LINES = {
    "SECRET": ("S E C R E T", "SECRET"),
    "SECRET//NOFORN": ("S E C R E T", "SECRET//NOFORN"),
    "CONFIDENTIAL": ("C O N F I D E N T I A L", "CONFIDENTIAL"),
    "CONFIDENTIAL//NOFORN": ("C O N F I D E N T I A L", "CONFIDENTIAL//NOFORN"),
    "UNCLASSIFIED": ("UNCLAS", "UNCLASSIFIED"),
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": ("UNCLAS FOUO", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
    "LIMITED OFFICIAL USE": ("LIMITED OFFICIAL USE", "LIMITED OFFICIAL USE"),
}


def classification_line(
    rng: random.Random, classification: str, section: int, sections: int, post: str, serial: int
) -> str:
    word = CLASS_LINES[classification][rng.random() < 0.5]
    sec = f" SECTION {section:02d} OF {sections:02d}" if sections > 1 else ""
    return f"{word}{sec} {post} {serial:06d}"


def eo_line(rng: random.Random, created: datetime, classified: bool) -> tuple[str, dict]:
    """E.O. line in one of the real notations, with eo/declassify_on/declassify_rule truth."""
    if created >= datetime(2010, 6, 27):
        eo = "13526"
    else:
        eo = "12958" if created.year >= 1995 else "12356"
    lead = rng.choice(("E.O. {eo}: ", "EO {eo} ", "E.O. {eo}: ")).format(eo=eo)
    if not classified:
        return f"{lead}N/A", {"eo": eo, "declassify_on": None, "declassify_rule": "N/A"}
    r = rng.random()
    if r < 0.06 or created.year < 1995:
        rule = rng.choice(("OADR", "1.6 X1", "1.6 X5"))
        return f"{lead}DECL: {rule}", {"eo": eo, "declassify_on": None, "declassify_rule": rule}
    year = min(created.year + rng.choice((10, 10, 10, 5, 15, 25)), 2049)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if r < 0.6:
        date = f"{month:02d}/{day:02d}/{year}"
    elif r < 0.85:
        date = f"{month}/{day}/{year % 100:02d}"
    else:
        date = f"{year}/{month:02d}/{day:02d}"
    return f"{lead}DECL: {date}", {"eo": eo, "declassify_on": iso, "declassify_rule": None}


def tags_lines(rng: random.Random) -> tuple[list[str], list[str]]:
    kinds = shape.tag_codes()
    tags: list[str] = []
    for kind, k in (("subject", rng.randint(1, 3)), ("country", rng.randint(0, 2))):
        tags += rng.sample(kinds[kind], k)
    if rng.random() < 0.4:
        tags.append(rng.choice(kinds["program"]))
    if rng.random() < 0.15:
        tags.append(rng.choice(kinds["organization"]))
    tags = list(dict.fromkeys(tags))
    sep = rng.choice((", ", ", ", " ", ",", "; "))
    lead = rng.choice(("TAGS: ", "TAGS: ", "TAGS "))
    if len(tags) > 3 and rng.random() < 0.3:
        cut = len(tags) // 2
        first = lead + sep.join(tags[:cut]) + sep.rstrip()
        return [first, "       " + sep.join(tags[cut:])], tags
    return [lead + sep.join(tags)], tags


def subject_lines(rng: random.Random, classified: bool) -> tuple[list[str], str]:
    subj = title_words(rng)
    lead = "SUBJECT: " if rng.random() < 0.85 else "SUBJ: "
    mark = f"({rng.choice('CU') if classified else 'U'}) " if rng.random() < 0.25 else ""
    line = lead + mark + subj
    if len(line) > 50 and rng.random() < 0.5:
        words = line.split(" ")
        cut = max(3, len(words) // 2)
        return [" ".join(words[:cut]), " ".join(words[cut:])], subj
    return [line], subj


def classified_by_line(rng: random.Random, created: datetime) -> tuple[str, dict, list[str]]:
    """``Classified By`` in title-first or name-first order with a reasons notation."""
    letters = sorted(rng.sample("abcdeg", rng.choice((1, 2, 2, 2, 3))))
    section = "1.5" if created.year < 2004 and rng.random() < 0.7 else "1.4"
    reasons = [f"{section}({c})" for c in letters]
    up = [c.upper() for c in letters] if rng.random() < 0.6 else letters
    notations = [
        f"{section} ({') AND ('.join(up)})",
        f"{section}({'/'.join(up)})",
        f"{section} {' and '.join(up)}",
        f"{section}({','.join(up)})",
        f"{section} ({'), ('.join(up)})",
    ]
    note = rng.choice(notations if len(up) > 1 else [f"{section} ({up[0]})", f"{section}({up[0]})"])
    r = rng.random()
    if r < 0.45:
        title, name = rng.choice(TITLES), person(rng)
        text = f"{title} {name}.  Reasons: {note}."
        lead = "Classified By: "
    elif r < 0.65:
        title, name = "A/S", rng.choice(SURNAMES)
        text = f"{title} {name} FOR REASONS {note}"
        lead = "Classified By: "
    else:
        title, name = rng.choice(NAME_FIRST_TITLES), person(rng)
        text = f"{name}, {title}. REASON: {note}"
        lead = "CLASSIFIED BY: "
    return lead + text, {"name": name, "title": title, "text": text}, reasons


NON_CABLE_REFS = ("{n} EMAIL {d}", "{n}-{m} TELCON {d}", "MEMCON {d}", "{n} LETTER {d}")


def ref_lines(
    rng: random.Random, own_yy: str, cited: list[tuple[str, str, int]]
) -> tuple[list[str], list[dict]]:
    """REF list over ``cited`` (yy, code, serial); adds a non-cable ref now and then."""
    entries: list[tuple[str, str, str | None]] = []  # (text, kind, reference_id)
    for yy, code, serial in cited:
        post = shape.spaced_post(code) if rng.random() < 0.3 else code
        num = f"{serial:06d}" if rng.random() < 0.3 else str(serial)
        if yy == own_yy and rng.random() < 0.7:
            text = f"{post} {num}"
        elif rng.random() < 0.8:
            text = f"{yy} {post} {num}"
        else:
            text = f"{yy}{code}{serial}"
        entries.append((text, "cable", f"{yy}{code}{int(serial)}"))
    if rng.random() < 0.12 or not entries:
        d = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{own_yy}"
        form = rng.choice(NON_CABLE_REFS)
        text = form.format(n=rng.choice(SURNAMES), m=rng.choice(SURNAMES), d=d)
        entries.insert(rng.randrange(len(entries) + 1), (text, "other", None))
    if entries[-1][1] == "cable" and rng.random() < 0.08:
        text, kind, rid = entries[-1]
        entries[-1] = (f"{text} AND PREVIOUS", kind, rid)
    refs: list[dict] = []
    if len(entries) == 1 and rng.random() < 0.6:
        text, kind, rid = entries[0]
        refs.append({"label": None, "kind": kind, "reference_id": rid, "text": text})
        return [f"REF: {text}"], refs
    style = rng.choice(("{l}. ", "{l}) ", "({l}) "))
    parts = []
    for i, (text, kind, rid) in enumerate(entries):
        label = chr(65 + i)
        refs.append({"label": label, "kind": kind, "reference_id": rid, "text": text})
        parts.append(style.format(l=label) + text)
    if rng.random() < 0.5:
        return wrap("REF: " + " ".join(parts)).split("\n"), refs
    return ["REF: " + parts[0]] + ["     " + p for p in parts[1:]], refs
