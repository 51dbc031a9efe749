"""Rules as text goes through them: any case, patterns, one cable, a mark that hides the length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebase.archive.redaction import MARK, RuleError, Rules, compile_rule, mark


def _rules(*specs: tuple[int, str, bool, int | None]) -> Rules:
    rules = Rules(generation="1")
    for rule_id, text, is_regex, cable in specs:
        pattern = compile_rule(text, is_regex)
        if cable is None:
            rules.everywhere.append((rule_id, pattern))
        else:
            rules.by_cable.setdefault(cable, []).append((rule_id, pattern))
    return rules


def test_a_literal_matches_in_any_case_and_nothing_else() -> None:
    rules = _rules((1, "Saltanov", False, None))
    text = "SALTANOV met saltanov; Saltanova? a.b"
    assert rules.apply(text, 7) == f"{mark(1)} met {mark(1)}; {mark(1)}a? a.b"


def test_a_literal_is_not_a_pattern() -> None:
    rules = _rules((1, "a.b", False, None))
    assert rules.apply("axb a.b", None) == f"axb {mark(1)}"


def test_a_pattern_and_a_rule_for_one_cable() -> None:
    rules = _rules((1, r"source \d+", True, None), (2, "Burns", False, 5))
    assert rules.apply("Source 12 and Burns", 5) == f"{mark(1)} and {mark(2)}"
    assert rules.apply("Source 12 and Burns", 6) == f"{mark(1)} and Burns"
    # With no cable known (a row without its cable), every rule applies: more, never less.
    assert rules.apply("Burns", None) == mark(2)


def test_json_values_are_redacted_all_the_way_down() -> None:
    rules = _rules((3, "Burns", False, None))
    record = {"signers": ["BURNS"], "paragraphs": [{"text": "Burns said", "number": "1"}]}
    assert rules.apply(record, 1) == {
        "signers": [mark(3)],
        "paragraphs": [{"text": f"{mark(3)} said", "number": "1"}],
    }


@given(
    secret=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=60),
    before=st.text(alphabet="xyz ", max_size=20),
)
def test_the_mark_has_one_width_whatever_it_hides(secret: str, before: str) -> None:
    rules = _rules((9, secret, False, None))
    out = rules.apply(f"{before}{secret}.", None)
    assert mark(9) in out and secret not in out.lower().replace("redacted", "")
    assert len(out) - len(before.replace(secret, "")) <= len(mark(9)) * (out.count(MARK)) + 1


@pytest.mark.parametrize("pattern", [r"(a|aa)+$", r"(a|a)+$", r"( |  )+$"])
def test_a_catastrophic_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(RuleError, match="too long"):
        compile_rule(pattern, True)


def test_a_pattern_that_runs_too_long_on_a_text_withholds_all_of_it() -> None:
    """Past its time limit a pattern fails closed: the whole text becomes one mark."""
    rules = _rules((4, r"(b|bb)+$", True, None))  # the probes hold no b: it was accepted
    assert rules.apply("b" * 60 + "!", None) == mark(4)
    assert rules.apply("a harmless bb", None) == f"a harmless {mark(4)}"


@pytest.mark.parametrize("pattern", ["", "(", "a*"])
def test_an_empty_or_broken_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(RuleError):
        compile_rule(pattern, True)


@pytest.mark.django_db
def test_every_kind_of_row_leaves_the_database_redacted() -> None:
    """Instances, deferred columns, values(), values_list() (flat and named) and iterator()."""
    from cablebase.archive import redaction as r
    from cablebase.archive.models import Cable

    from ..sample_archive import store_sample_archive

    store_sample_archive()
    rule = r.add_rule("Saltanov", reason="a contact")
    moscow = Cable.objects.filter(reference_id="06MOSCOW1323")
    rows = [
        moscow.get().body,
        moscow.only("id").get().body,  # loaded later, still redacted
        moscow.values("body").get()["body"],
        moscow.values_list("id", "body").get()[1],
        moscow.values_list("body", flat=True).get(),
        moscow.values_list("body", named=True).get().body,
        next(moscow.iterator()).body,
        next(iter(moscow.get().paragraphs.values_list("text", flat=True).filter(position=1))),
    ]
    for text in rows:
        assert "saltanov" not in text.lower() and mark(rule.pk) in text
    assert "Saltanov" in Cable.stored.get(reference_id="06MOSCOW1323").body
