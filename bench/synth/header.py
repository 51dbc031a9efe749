"""Transmission header and text-header lines (classification, E.O., TAGS, SUBJECT, REF,
Classified By) in the notations the real cables use, each with its ground-truth value."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bench.synth import shape
from bench.synth.text import SURNAMES, wrap

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
            if i and key == "INFO" and rng.random() < 0.03:
                h.lines.append("")  # a blank line inside the INFO list
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


SLASH_TAGS = ("EUN/CFSP", "UNGA/C-6", "EU/CFSP")


def tags_lines(rng: random.Random) -> tuple[list[str], list[str]]:
    """A TAGS line (or two) in one of the real notations, with the codes it carries."""
    kinds = shape.tag_codes()
    tags: list[str] = []
    for kind, k in (("subject", rng.randint(1, 3)), ("country", rng.randint(0, 2))):
        tags += rng.sample(kinds[kind], k)
    if rng.random() < 0.4:
        tags.append(rng.choice(kinds["program"]))
    if rng.random() < 0.15:
        tags.append(rng.choice(kinds["organization"]))
    if rng.random() < 0.03:  # codes with a slash are one tag
        tags.append(rng.choice(SLASH_TAGS))
    tags = list(dict.fromkeys(tags))
    sep = rng.choice((", ", ", ", " ", ",", "; "))
    lead = rng.choice(("TAGS: ", "TAGS: ", "TAGS: ", "TAGS ", "Tags: "))
    lower = lead.endswith(": ") and rng.random() < 0.03
    shown = [t.lower() for t in tags] if lower else tags  # lower case codes
    if len(tags) > 3 and rng.random() < 0.3:
        cut = len(tags) // 2  # a trailing separator continues on the next line
        first = lead + sep.join(shown[:cut]) + sep.rstrip()
        return [first, "       " + sep.join(shown[cut:])], tags
    return [lead + sep.join(shown)], tags


SUBJECT_LEADS = ("SUBJECT: ",) * 15 + ("SUBJ: ", "SUBJ: ", "Subject: ", "SUBJECT ")


def subject_lines(rng: random.Random, subj: str, classified: bool) -> tuple[list[str], str]:
    """SUBJECT line(s): the keyword in its variants, an optional portion marking before the
    subject or after it (neither is subject), wrapped over two lines now and then."""
    lead = rng.choice(SUBJECT_LEADS)
    mark = f"({rng.choice('CU') if classified else 'U'})"
    line = lead + (mark + " " if rng.random() < 0.25 else "") + subj
    if rng.random() < 0.05:
        line += f" ({rng.choice('SC') if classified else 'U'})"
    if len(line) > 50 and rng.random() < 0.5:
        words = line.split(" ")
        cut = max(3, len(words) // 2)
        return [" ".join(words[:cut]), " ".join(words[cut:])], subj
    return [line], subj


def one_line_header(
    rng: random.Random, eo_text: str, tags: list[str], subject: str
) -> tuple[str, str] | None:
    """Now and then the E.O., TAGS and SUBJECT of an older or reformatted cable on one line,
    in lower case (``E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, tu Subject: ...``);
    returns the line and the subject as it is written there."""
    if rng.random() >= 0.03 or not eo_text.startswith("E.O. ") or len(tags) > 5:
        return None
    eo = "E.o. " + eo_text[5:].lower()
    subj = subject.lower()
    return f"{eo} Tags: {', '.join(t.lower() for t in tags)} Subject: {subj}", subj


def classified_by_line(
    rng: random.Random, created: datetime, official: Callable[[random.Random], str]
) -> tuple[str, dict, list[str]]:
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
        title, name = rng.choice(TITLES), official(rng)
        text = f"{title} {name}.  Reasons: {note}."
        lead = "Classified By: "
    elif r < 0.65:
        title, name = "A/S", official(rng).split()[-1].upper()
        text = f"{title} {name} FOR REASONS {note}"
        lead = "Classified By: "
    else:
        title, name = rng.choice(NAME_FIRST_TITLES), official(rng)
        text = f"{name}, {title}. REASON: {note}"
        lead = "CLASSIFIED BY: "
    return lead + text, {"name": name, "title": title, "text": text}, reasons


NON_CABLE_REFS = ("{n} EMAIL {d}", "{n}-{m} TELCON {d}", "MEMCON {d}", "{n} LETTER {d}")


def _cite(rng: random.Random, own_yy: str, yy: str, code: str, serial: int) -> str:
    """One cited cable as REF lines write it: post name or code (``SECSTATE`` for STATE),
    serial with or without zeros, year implied, two-digit, four-digit or glued."""
    post = shape.spaced_post(code) if rng.random() < 0.3 else code
    if code == "STATE" and rng.random() < 0.2:
        post = "SECSTATE"
    num = f"{serial:06d}" if rng.random() < 0.3 else str(serial)
    if yy == own_yy and rng.random() < 0.7:
        return f"{post} {num}"
    r = rng.random()
    if r < 0.7:
        return f"{yy} {post} {num}"
    if r < 0.85:
        century = "19" if int(yy) >= 66 else "20"
        return f"{century}{yy} {post} {num}"
    return f"{yy}{code}{serial}"


def ref_lines(
    rng: random.Random, own_yy: str, cited: list[tuple[str, str, int]]
) -> tuple[list[str], list[dict]]:
    """REF list over ``cited`` (yy, code, serial); adds a non-cable ref now and then."""
    entries: list[tuple[str, str, str | None]] = []  # (text, kind, reference_id)
    for yy, code, serial in cited:
        text = _cite(rng, own_yy, yy, code, serial)
        entries.append((text, "cable", f"{yy}{code}{int(serial)}"))
    if rng.random() < 0.12 or not entries:
        d = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{own_yy}"
        form = rng.choice(NON_CABLE_REFS)
        text = form.format(n=rng.choice(SURNAMES), m=rng.choice(SURNAMES), d=d)
        entries.insert(rng.randrange(len(entries) + 1), (text, "other", None))
    if entries[-1][1] == "cable" and rng.random() < 0.08:
        text, kind, rid = entries[-1]
        entries[-1] = (f"{text} AND PREVIOUS", kind, rid)
    lead = rng.choice(("REF: ",) * 8 + ("Ref: ", "REF "))
    refs: list[dict] = []
    if len(entries) == 1 and rng.random() < 0.6:
        text, kind, rid = entries[0]
        refs.append({"label": None, "kind": kind, "reference_id": rid, "text": text})
        return [f"{lead}{text}"], refs
    if all(kind == "cable" for _, kind, _ in entries) and rng.random() < 0.1:
        # no labels: cites separated by semicolons
        refs = [{"label": None, "kind": k, "reference_id": r, "text": t} for t, k, r in entries]
        return wrap(lead + "; ".join(t for t, _, _ in entries)).split("\n"), refs
    style = rng.choice(("{l}. ", "{l}) ", "({l}) ", "({l}) ", "({l})"))  # glued: "(A)STATE 1"
    parts = []
    for i, (text, kind, rid) in enumerate(entries):
        label = chr(65 + i)
        refs.append({"label": label, "kind": kind, "reference_id": rid, "text": text})
        parts.append(style.format(l=label) + text)
    if rng.random() < 0.5 or style == "({l})":
        return wrap(lead + (", " if style == "({l})" else " ").join(parts)).split("\n"), refs
    return [lead + parts[0]] + ["     " + p for p in parts[1:]], refs
