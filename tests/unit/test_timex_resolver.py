"""Dating events in parsed documents: governing expressions, carry-over, fallback."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from realpolitik.model import DateInterval, Event, ParsedDoc
from realpolitik.timex import TimeResolver, Window

PUB = date(2026, 3, 5)
INFERRED = DateInterval(PUB, PUB, "day", inferred=True)


@pytest.fixture(scope="module")
def resolver(time_resolver: TimeResolver) -> TimeResolver:
    return time_resolver


@pytest.fixture(scope="module")
def parse(nlp_stage: Any) -> Any:
    def parse_text(text: str, when: date | None = PUB) -> ParsedDoc:
        return nlp_stage.parse_text(text, when=when)  # type: ignore[no-any-return]
    return parse_text


def token(doc: ParsedDoc, word: str, nth: int = 0) -> int:
    matches = [t.i for t in doc.tokens if t.text == word]
    return matches[nth]


def interval(start: str, end: str, precision: str, inferred: bool = False) -> DateInterval:
    return DateInterval(date.fromisoformat(start), date.fromisoformat(end),
                        precision, inferred)  # type: ignore[arg-type]


def event_at(doc: ParsedDoc, index: int) -> Event:
    tok = doc.tokens[index]
    return Event(
        id=f"e{index}", source=None, target=None, code="010", root="01", quad_class=1,
        goldstein=0.0, plover=None, polarity="asserted", modality="actual", sentence=tok.sent,
        evidence=doc.sentences[tok.sent].text, confidence=1.0,
        span=(tok.idx, tok.idx + len(tok.text)), trigger=tok.text, trigger_token=index,
    )


Y2019 = interval("2019-01-01", "2019-12-31", "year")

# (text, word, expected date of that word's clause)
GOVERNING = [
    ("In 2019, the army seized the port.", "seized", Y2019),
    ("The minister resigned when the coalition collapsed in 2019.", "resigned", Y2019),
    ("When the coalition collapsed in 2019, the minister resigned.", "resigned", Y2019),
    ("The general, who fought in the 1990s, was arrested yesterday.", "fought",
     interval("1990-01-01", "1999-12-31", "decade")),
    ("The general, who fought in the 1990s, was arrested yesterday.", "arrested",
     interval("2026-03-04", "2026-03-04", "day")),
    ("Officials said on Monday that rebels had attacked the town last week.", "attacked",
     interval("2026-02-23", "2026-03-01", "day")),
    ("Officials said on Monday that rebels had attacked the town last week.", "said",
     interval("2026-03-02", "2026-03-02", "day")),
    ("Officials said on Monday that rebels attacked the town.", "attacked",
     interval("2026-03-02", "2026-03-02", "day")),
    ("Russia condemned and sanctioned Iran on Monday.", "condemned",
     interval("2026-03-02", "2026-03-02", "day")),
    ("The leaders will meet on Sunday.", "meet", interval("2026-03-08", "2026-03-08", "day")),
    ("The ministry will publish the figures in July.", "publish",
     interval("2026-07-01", "2026-07-31", "month")),
    ("The ministry published the figures in July.", "published",
     interval("2025-07-01", "2025-07-31", "month")),
    ("Both sides violated the 2025 agreement.", "agreement",
     interval("2025-01-01", "2025-12-31", "year")),
    ("Both sides violated the 2025 agreement.", "violated", INFERRED),
    ("The treaty signed in January 2025 forbids it.", "treaty",
     interval("2025-01-01", "2025-01-31", "month")),
    ("The talks opened on 3 February 2026. Two weeks later, the delegations signed a deal.",
     "signed", interval("2026-02-17", "2026-02-17", "day")),
    ("Since last year's floods, Dhaka knows it can count on Delhi.", "floods",
     interval("2025-01-01", "2025-12-31", "year")),
    ("Since last year's floods, Dhaka knows it can count on Delhi.", "knows",
     interval("2025-01-01", "2026-03-05", "year")),
    ("Today, the minister is in a difficult position.", "is",
     interval("2026-03-05", "2026-03-05", "day")),
    ("The minister is in a difficult position.", "is", INFERRED),
]


@pytest.mark.parametrize(("text", "word", "expected"), GOVERNING)
def test_governing_expression(parse: Any, resolver: TimeResolver, text: str, word: str,
                              expected: DateInterval) -> None:
    doc = parse(text)
    assert resolver.date_for(doc, token(doc, word)) == expected


# (text, word, carried from the previous sentence?)
CARRY_OVER = [
    ("In 2019, the army seized the port. The navy blockaded the coast.", True),
    ("In 2019, the army seized the port. The navy had blockaded the coast.", True),
    ("In 2019, the army seized the port. The coast was blockaded by the navy.", True),
    ("In 2019, the army seized the port. The navy blockades the coast.", False),
    ("In 2019, the army seized the port. The navy has blockaded the coast.", False),
    ("In 2019, the army seized the port. The navy will blockade the coast.", False),
    ("In 2019, the army seized the port.\n\nThe navy blockaded the coast.", False),
    ("In 2019, the army seized the port. But the navy blockaded the coast.", False),
    ("In 2019, the army seized the port. Today the navy blockaded the coast.", False),
    ("The army seized the port. The navy blockaded the coast.", False),
    ("By 2030, the army will seize the port. The navy blockaded the coast.", False),
]


@pytest.mark.parametrize(("text", "carried"), CARRY_OVER)
def test_carry_over(parse: Any, resolver: TimeResolver, text: str, carried: bool) -> None:
    doc = parse(text)
    verb = next(t.i for t in doc.tokens if t.lemma in ("blockade", "blockaded")
                and t.pos in ("VERB", "AUX"))
    got = resolver.date_for(doc, verb)
    if carried:
        assert got == Y2019
    else:
        assert got != Y2019


def test_carry_over_chains_within_a_paragraph(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("Last year, auditors accused the port authority. They demanded receipts. "
                "The receipts were eventually found.")
    last_year = interval("2025-01-01", "2025-12-31", "year")
    assert resolver.date_for(doc, token(doc, "demanded")) == last_year
    assert resolver.date_for(doc, token(doc, "found")) == last_year


def test_a_subordinate_date_does_not_date_the_main_clause(parse: Any,
                                                           resolver: TimeResolver) -> None:
    doc = parse("The mayor cannot afford to criticise the unions as harshly as she did in 2011, "
                "when she called the plan a betrayal.")
    assert resolver.date_for(doc, token(doc, "called")) == interval(
        "2011-01-01", "2011-12-31", "year")
    assert resolver.date_for(doc, token(doc, "criticise")) == INFERRED


def test_date_events_sets_every_date(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("Last May, she opened a new bridge. The minister is worried.")
    events = [event_at(doc, token(doc, "opened")), event_at(doc, token(doc, "worried"))]
    dated = resolver.date_events(doc, events)
    assert [e.date for e in dated] == [interval("2025-05-01", "2025-05-31", "month"),
                                       INFERRED]
    assert all(e.date is None for e in events)  # new events, the inputs untouched
    assert [e.id for e in dated] == [e.id for e in events]


def test_bad_trigger_token_falls_back(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("In 2011, she called it a betrayal.")
    event = replace(event_at(doc, token(doc, "called")), trigger_token=999)
    assert resolver.date_events(doc, [event])[0].date == interval(
        "2011-01-01", "2011-12-31", "year")
    lost = replace(event, sentence=42)
    assert resolver.date_events(doc, [lost])[0].date == INFERRED
    assert resolver.date_for(doc, -1) == INFERRED


def test_unknown_publication_date_is_inferred(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("Yesterday the army left. In 2011, she called it a betrayal.", when=None)
    today = date.today()
    fallback = resolver.date_for(doc, token(doc, "the"))
    assert fallback.inferred
    yesterday = resolver.date_for(doc, token(doc, "left"))
    assert yesterday.inferred and yesterday.start < today
    assert resolver.date_for(doc, token(doc, "called")) == interval(
        "2011-01-01", "2011-12-31", "year")


def test_expressions_are_cached_per_document(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("Ten years ago, the army left. At that time, the city was calm.")
    first = resolver.expressions(doc)
    assert resolver.expressions(doc) == first
    assert [(e.text, e.role) for e in first] == [("Ten years ago", "point"),
                                                 ("At that time", "point")]
    assert first[1].interval == interval("2016-01-01", "2016-12-31", "year")
    assert first[0].to_json()["interval"]["precision"] == "year"


def test_windows_and_unresolved(parse: Any, resolver: TimeResolver) -> None:
    doc = parse("The club has lost its third coach within fifteen months. "
                "In recent years, the league has announced a new format.")
    windows = [e for e in resolver.expressions(doc) if e.role == "window"]
    assert [(w.text, w.window, w.interval) for w in windows] == [
        ("within fifteen months", Window(15, "month"), None)]
    assert [s.text for s in resolver.unresolved(doc)] == ["recent years"]
    assert resolver.date_for(doc, token(doc, "lost")) == INFERRED


# ------------------------------------------------------------------ an invented article
#: an invented analysis piece (dated like PUB) with the temporal constructions of real
#: commentary: windows, anchored and relative points, "since", "by", carry-over, appositions
ARTICLE = (
    "Border guards near Tabatinga came under fire. The Brazilian Foreign Ministry condemned"
    " the raid within hours. What explains the restraint?\n\n"
    "Brasília has lost three partners within fifteen months. First, the government in Lima "
    "was overthrown, then the Bolivian president was detained, and now the border post has "
    "been hit.\n\n"
    "Lula's return to the presidency in 2023 changed the mood in Brasília. So the president"
    " cannot afford to criticise Argentina the way he did in 2009, when Lula, then Brazil's"
    " president, called the tariff plan a betrayal.\n\n"
    "Today, the Brazilian leader is in a weaker position. Last May, he signed a trade pact "
    "with La Paz. But Lula refrained from any comment on the detention.\n\n"
    "Brazilian exports to Chile rose by 40 per cent to 11 billion US dollars in 2022. By "
    "2025, they should top $15 billion.\n\n"
    "Under the Defence Cooperation Agreement that Brazil and Peru signed in January 2025, "
    "each side must share radar data.\n\n"
    "Since last year's war with Ecuador, Lima knows that Brazil offers little beyond "
    "sympathy.\n\n"
    "Last year, Peruvian officials accused Brazil of delaying spare parts for their "
    "helicopters. They claimed Brasília was supporting Ecuador.\n\n"
    "In recent years, Brazil has announced a new South American defence council.\n\n"
    "Ten years ago, Brazilian engineers displayed new patrol boats in Lima when they came "
    "to help the Peruvian navy. At that time, the two navies jointly drew up a plan for "
    "river security. Today, Lula is demonstrating caution."
)


@pytest.fixture(scope="module")
def article(nlp_stage: Any) -> ParsedDoc:
    return nlp_stage.parse_text(ARTICLE, when=PUB)  # type: ignore[no-any-return]


def _in_sentence(doc: ParsedDoc, sentence_start: str, word: str) -> int:
    sent = next(s for s in doc.sentences if s.text.startswith(sentence_start))
    return next(i for i in range(sent.start, sent.end) if doc.tokens[i].text == word)


ARTICLE_DATES = [
    ("Last May", "signed", interval("2025-05-01", "2025-05-31", "month")),
    ("Under the", "signed", interval("2025-01-01", "2025-01-31", "month")),
    ("Under the", "Agreement", interval("2025-01-01", "2025-01-31", "month")),
    ("So the president", "called", interval("2009-01-01", "2009-12-31", "year")),
    ("So the president", "criticise", INFERRED),
    ("Lula's return", "return", interval("2023-01-01", "2023-12-31", "year")),
    ("Brazilian exports", "rose", interval("2022-01-01", "2022-12-31", "year")),
    ("By 2025", "top", interval("2025-01-01", "2025-12-31", "year")),
    ("Since last year", "war", interval("2025-01-01", "2025-12-31", "year")),
    ("Since last year", "knows", interval("2025-01-01", "2026-03-05", "year")),
    ("Last year", "accused", interval("2025-01-01", "2025-12-31", "year")),
    ("They claimed", "supporting", interval("2025-01-01", "2025-12-31", "year")),
    ("Ten years ago", "displayed", interval("2016-01-01", "2016-12-31", "year")),
    ("Ten years ago", "came", interval("2016-01-01", "2016-12-31", "year")),
    ("At that time", "drew", interval("2016-01-01", "2016-12-31", "year")),
    ("Today, Lula", "demonstrating", interval("2026-03-05", "2026-03-05", "day")),
    ("But Lula refrained", "refrained", INFERRED),
    ("The Brazilian Foreign Ministry", "condemned", INFERRED),
    ("First, the government", "overthrown", INFERRED),
    ("In recent years", "announced", INFERRED),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), ARTICLE_DATES)
def test_article_dates(article: ParsedDoc, resolver: TimeResolver, sentence: str,
                       word: str, expected: DateInterval) -> None:
    assert resolver.date_for(article, _in_sentence(article, sentence, word)) == expected


def test_article_expressions(article: ParsedDoc, resolver: TimeResolver) -> None:
    found = {(e.text, e.role) for e in resolver.expressions(article)}
    assert {("within fifteen months", "window"), ("Last May", "point"),
            ("in January 2025", "point"), ("in 2009", "point"), ("By 2025", "by"),
            ("Ten years ago", "point"), ("At that time", "point")} <= found
    assert any(text.lower().startswith("since last year") and role == "since"
               for text, role in found)


@pytest.mark.parametrize(("text", "word", "expected"), [
    # "later" takes no object, so no comma is needed after it
    ("The talks began on February 14. Twelve days later the envoys signed a deal.",
     "signed", interval("2026-02-26", "2026-02-26", "day")),
    ("The talks began on February 14. Two weeks later the envoys signed a deal.",
     "signed", interval("2026-02-28", "2026-02-28", "day")),
    # a year inside a noun phrase dates that noun, not the story: "the next day" counts
    # from the story's last date
    ("Jets struck on February 26, the first raid since the 1971 war. The next day "
     "Pakistani aircraft struck back.", "back", interval("2026-02-27", "2026-02-27", "day")),
])
def test_narrative_anchors(resolver: TimeResolver, parse: Any, text: str, word: str,
                           expected: DateInterval) -> None:
    doc = parse(text)
    assert resolver.date_for(doc, token(doc, word)) == expected


def test_next_day_after_a_bare_year_is_no_day(resolver: TimeResolver, parse: Any) -> None:
    doc = parse("The border was drawn in 1971. The next day the armies withdrew.")
    assert resolver.date_for(doc, token(doc, "withdrew")).precision != "day"
