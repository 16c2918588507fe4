"""The grammar of English time expressions: regular-expression rules and their readings.

Each :class:`Rule` pairs a pattern with a reading that turns a match into a date interval
(``core`` rules), an interval with a role (``role`` rules: "since X", "by X", "between X and
Y", "in X"), or a duration (``window`` rules). Role rules embed the alternation of all core
patterns, ordered most specific first, so "since 5 March 2026" reads the whole date.

Conventions (see also the package docstring):
- precision is the calendar unit the expression names: a day or days ("yesterday", "last
  week") -> day; a month or part of one ("last May", "earlier this month", "spring") ->
  month; a year or part of one ("in 2011", "early 2024") -> year; a decade -> decade.
- bare recurring dates (months, weekdays, holidays, seasons, quarters) mean their most
  recent occurrence up to the publication date under a past clause, the next one under a
  future clause, the nearest one otherwise (:mod:`realpolitik.timex.anchoring`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from realpolitik.errors import QueryError
from realpolitik.model import DateInterval
from realpolitik.timex.lexicon import Lexicon
from realpolitik.timex.numbers import number_pattern
from realpolitik.timex.readings import Readings
from realpolitik.timex.resolution import Context, Resolution, Unresolvable

CoreReading = Callable[[re.Match[str], Context], DateInterval]
RoleReading = Callable[[re.Match[str], Context], Resolution]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_WORDS = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
#: rules whose bare match is too ambiguous in running text: found there only inside a
#: longer expression, or when spaCy also labels the words a DATE
SCAN_NEEDS_DATE_ENTITY = frozenset({"year", "duration", "month"})
SCAN_NEVER_ALONE = frozenset({"season", "then"})
#: a following "before"/"after" must end the phrase, else it counts from a named event
_PHRASE_END = r"(?=\s*(?:[,.;:!?)]|$))"
#: what a reading raises when the words name no date in this context (e.g. 30 February,
#: "two weeks later" with nothing before it, a year outside the calendar)
_FAILURES = (Unresolvable, QueryError, ValueError, OverflowError, KeyError, StopIteration,
             IndexError)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str  # "core" | "role" | "window"
    pattern: re.Pattern[str]
    #: key of a set of words one of which every match contains: the rule is skipped on
    #: text without any (running every rule over every sentence would dominate the stage)
    trigger: str
    core: CoreReading | None = None
    role: RoleReading | None = None
    #: role rules embed a core date: skipped when no core rule's trigger fired
    needs_core: bool = False


#: rule name -> trigger key (see ``Grammar._triggers``); every match contains the trigger
_RULE_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(("iso_date", "slash_date", "dot_date", "part_year", "h_half", "decade",
                     "short_decade", "the_short_decade", "century", "year", "year_range",
                     "day_range"), "digit"),
    **dict.fromkeys(("day_month_year", "month_day_year", "month_year", "month_rel_year",
                     "day_month", "month_day", "rel_month", "part_month", "month",
                     "month_range", "month_day_range"), "month"),
    **dict.fromkeys(("part_rel_month", "part_rel_year", "before_last", "rel_unit",
                     "earlier_later", "ago", "shift", "next_unit", "unit_before_after",
                     "that_unit", "within", "for_duration", "past_n", "next_n",
                     "hyphen_duration", "duration"), "unit"),
    **dict.fromkeys(("season_year", "rel_season", "season"), "season"),
    **dict.fromkeys(("quarter", "q_quarter", "year_q_quarter", "rel_quarter"), "quarter"),
    **dict.fromkeys(("at_that_time", "then"), "anaphor"),
    "holiday": "holiday", "half": "half", "word_decade": "decade_word",
    "weekday": "weekday", "weekend": "weekend", "deictic": "deictic",
    "range": "range", "since": "since", "from_on": "from", "after": "after", "by": "by",
    "point": "point",
}


def _alternation(words: list[str]) -> str:
    escaped = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len,
                     reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def _unnamed(pattern: str) -> str:
    return _NAMED_GROUP.sub("(?:", pattern)


class Grammar(Readings):
    """All rules built from one lexicon; :meth:`read` resolves a whole expression."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._build_pieces()
        self.core_rules = self._core_rules()
        core = "(?:" + "|".join(_unnamed(r.pattern.pattern) for r in self.core_rules) + ")"
        self.core_pattern = core
        self.role_rules = self._role_rules(core)
        self.window_rules = self._window_rules()
        self.rules: list[Rule] = [*self.role_rules, *self.window_rules, *self.core_rules]
        self.triggers = self._triggers()

    # ------------------------------------------------------------------ pattern pieces
    def _build_pieces(self) -> None:
        lex = self.lex
        self.MONTH = _alternation(list(lex.months)) + r"(?![a-z])"
        self.WEEKDAY = _alternation(list(lex.weekdays)) + r"(?![a-z])"
        self.DAYPART = _alternation(list(lex.day_parts))
        self.DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
        # "at 1100 GMT", "2030 hrs": wire copy writes clock times as four digits, never years
        self.YEAR = (r"(?<![Aa]t )(?:1[0-9]{3}|20[0-9]{2})(?![\d])"
                     r"(?!\s*(?:GMT|UTC|Z|[ECMP][SD]T|BST|CET|CEST|IST|JST|MSK|EET|EEST"
                     r"|hrs|h\b|local\s+time)(?![a-z]))")
        self.NUM = number_pattern(lex)
        self.UNIT = _alternation(list(lex.units)) + r"(?![a-z])"
        self.APPROX = "(?:" + _alternation(list(lex.approximators)) + r"\s+)?"
        self.SEASON = _alternation(list(lex.seasons)) + r"(?![a-z])"
        self.ORD = _alternation(list(lex.ordinals))
        self.HOLIDAY = _alternation(
            [h.replace("'", "['’]") for h in [*lex.holidays_fixed, *lex.holidays_easter]]
        ).replace(r"\['’\]", "['’]") + r"(?![a-z])"
        self.DECADE_WORD = _alternation(list(lex.decade_words))
        self.PART = (r"(?:early|mid|middle|late|(?:at\s+)?the\s+(?:very\s+)?"
                     r"(?:beginning|start|middle|end)\s+of)")
        self.WD_PREFIX = rf"(?:{self.WEEKDAY},?\s+)?"

    def _triggers(self) -> dict[str, frozenset[str]]:
        """Trigger key -> words (lower case, split on non-alphanumerics) of which a match
        contains at least one; "digit" is tested on characters instead."""
        lex = self.lex

        def split(phrases: Iterable[str]) -> frozenset[str]:
            return frozenset(w for p in phrases for w in _WORDS.findall(p.lower()))

        return {
            "month": split(lex.months), "unit": split(lex.units),
            "season": split(lex.seasons),
            "holiday": split([*lex.holidays_fixed, *lex.holidays_easter]),
            "decade_word": split(lex.decade_words), "weekday": split(lex.weekdays),
            "quarter": frozenset({"quarter", "q1", "q2", "q3", "q4"}),
            "half": frozenset({"half"}), "weekend": frozenset({"weekend"}),
            "anaphor": frozenset({"time", "point", "moment", "then"}),
            "deictic": frozenset({"today", "tonight", "yesterday", "tomorrow", "now",
                                  "currently", "present", "moment", "morning", "afternoon",
                                  "evening", "night", "time", "far"}),
            "range": frozenset({"between", "from"}), "since": frozenset({"since"}),
            "from": frozenset({"from", "starting"}),
            "after": frozenset({"after", "following"}),
            "by": frozenset({"by", "until", "till", "up", "through", "than", "before",
                             "prior"}),
            "point": frozenset({"in", "on", "at", "during", "throughout", "around"}),
        }

    def fired_triggers(self, text: str) -> set[str]:
        """The trigger keys present in ``text``."""
        words = set(_WORDS.findall(text.lower()))
        fired = {key for key, vocabulary in self.triggers.items()
                 if not vocabulary.isdisjoint(words)}
        if _DIGIT.search(text):
            fired.add("digit")
        return fired

    def _compile(self, body: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w'’]){body}(?![\w])", re.IGNORECASE)

    # ------------------------------------------------------------------ core rules
    def _core_rules(self) -> list[Rule]:
        M, D, Y, W = self.MONTH, self.DAY, self.YEAR, self.WD_PREFIX
        table: list[tuple[str, str, CoreReading]] = [
            ("iso_date", rf"(?P<y>{Y})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?!\d)",
             self._iso),
            ("slash_date", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?!\d)",
             self._slash),
            ("dot_date", r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?!\d)",
             self._dot),
            ("day_month_year",
             rf"{W}(?:the\s+)?(?P<d>{D})(?:\s+of)?\s+(?P<mon>{M}),?\s+(?P<y>{Y})",
             self._day_month_year),
            ("month_day_year",
             rf"{W}(?P<mon>{M})\s+(?:the\s+)?(?P<d>{D}),?\s+(?P<y>{Y})", self._day_month_year),
            ("month_year", rf"(?P<mon>{M}),?\s+(?:of\s+)?(?P<y>{Y})", self._month_year),
            ("month_rel_year",
             rf"(?P<mon>{M})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year", self._month_rel_year),
            ("holiday",
             rf"(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<h>{self.HOLIDAY})"
             rf"(?:,?\s+(?P<y>{Y}))?", self._holiday),
            ("day_month", rf"{W}(?:the\s+)?(?P<d>{D})(?:\s+of)?\s+(?P<mon>{M})",
             self._day_month),
            ("month_day", rf"{W}(?P<mon>{M})\s+(?:the\s+)?(?P<d>{D})", self._day_month),
            ("rel_month", rf"(?P<rel>last|this|next|past|coming)\s+(?P<mon>{M})",
             self._rel_month),
            ("part_month",
             rf"(?P<part>{self.PART})[\s-]*(?P<mon>{M})(?:,?\s+(?:of\s+)?(?P<y>{Y}))?",
             self._part_month),
            ("part_rel_month",
             rf"(?P<part>{self.PART})[\s-]*(?P<rel>this|last|next|the|that)\s+month",
             self._part_rel_month),
            ("part_year", rf"(?P<part>{self.PART})[\s-]*(?P<y>{Y})", self._part_year),
            ("part_rel_year",
             rf"(?P<part>{self.PART})[\s-]*(?P<rel>this|last|next|the|that)\s+year",
             self._part_rel_year),
            ("season_year",
             rf"(?:the\s+)?(?P<s>{self.SEASON})(?:\s+of)?\s+(?P<y>{Y})", self._season_year),
            ("rel_season", rf"(?P<rel>last|this|next|past|coming)\s+(?P<s>{self.SEASON})",
             self._season),
            ("quarter",
             rf"(?:the\s+)?(?P<o>{self.ORD})[\s-]+quarter(?:(?:\s+of)?\s+(?P<y>{Y})|"
             rf"\s+of\s+(?P<rel>this|last|next|the|that)\s+year)?", self._quarter),
            ("q_quarter", rf"Q(?P<q>[1-4])(?:\s+(?:of\s+)?(?P<y>{Y}))?", self._quarter),
            ("year_q_quarter", rf"(?P<y>{Y})\s+Q(?P<q>[1-4])", self._quarter),
            ("rel_quarter", r"(?P<rel>last|this|next|previous|coming)\s+quarter",
             self._quarter),
            ("half",
             rf"(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?P<y>{Y})|"
             rf"\s+(?P<rel>this|last|next|the|that)\s+year)", self._half),
            ("h_half", rf"H(?P<h>[12])\s+(?P<y>{Y})", self._half),
            ("decade",
             r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
             r"(?P<dec>(?:1[0-9]|20)[0-9]0)['’]?s", self._decade),
            ("short_decade",
             r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?['’](?P<dd>[0-9]0)['’]?s",
             self._decade),
            ("the_short_decade",
             r"the\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<dd>[0-9]0)['’]?s", self._decade),
            ("word_decade",
             rf"the\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<w>{self.DECADE_WORD})",
             self._decade),
            ("century", r"(?:the\s+)?(?P<c>[12]?[0-9])(?:st|nd|rd|th)\s+century", self._century),
            ("weekday",
             rf"(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{self.WEEKDAY})"
             rf"(?:\s+(?P<dp>{self.DAYPART}))?", self._weekday),
            ("weekend", r"(?P<rel>last|this|next|the\s+past|the)\s+weekend", self._weekend),
            ("deictic",
             rf"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
             rf"this\s+time\s+last\s+year|so\s+far\s+this\s+(?:year|month|week)|"
             rf"(?:earlier|later)\s+today|today|tonight|yesterday|tomorrow|"
             rf"this\s+(?:morning|afternoon|evening)|last\s+night|right\s+now|now|currently|"
             rf"at\s+present|at\s+the\s+moment)(?:\s+{self.DAYPART})?", self._deictic),
            ("before_last", r"the\s+(?P<u>week|month|year)\s+before\s+last", self._before_last),
            ("rel_unit",
             r"(?P<rel>last|this|next|coming|(?:the\s+)?current)\s+"
             r"(?P<u>week|month|year|decade)",
             self._rel_unit),
            ("earlier_later",
             r"(?P<dir>earlier|later)\s+(?:in\s+)?(?P<rel>this|the|that)\s+"
             r"(?P<u>day|week|month|year)", self._earlier_later),
            ("ago", rf"{self.APPROX}(?P<n>{self.NUM})\s+(?P<u>{self.UNIT})\s+ago", self._ago),
            # "later", "earlier" take no object ("Twelve days later Indian jets struck");
            # "after", "before" end the phrase or else count from a named event
            ("shift",
             rf"{self.APPROX}(?P<n>{self.NUM})\s+(?P<u>{self.UNIT})\s+(?:(?P<dir>later|"
             rf"afterwards|earlier|previously)\b|(?P<dir2>after|on|before|prior)"
             rf"{_PHRASE_END})",
             self._shift),
            ("next_unit",
             r"the\s+(?P<rel>next|following|previous|preceding|prior|same)\s+"
             r"(?P<u>day|week|month|year)", self._next_unit),
            ("unit_before_after",
             rf"the\s+(?P<u>day|week|month|year)\s+(?P<dir>before|after){_PHRASE_END}",
             self._unit_before_after),
            ("that_unit", r"that\s+(?P<u>day|week|month|year)", self._that_unit),
            ("at_that_time",
             r"(?:at\s+(?:that|the)\s+(?:time|point|moment)|back\s+then)", self._at_that_time),
            ("then", r"then", self._at_that_time),
            ("year", rf"(?:the\s+year\s+)?(?P<y>{Y})", self._year),
            ("month", rf"(?P<mon>{M})", self._month),
            ("season", rf"(?:the\s+)?(?P<s>{self.SEASON})", self._season),
        ]
        return [Rule(name, "core", self._compile(body), _RULE_TRIGGERS[name], core=reading)
                for name, body, reading in table]

    # ------------------------------------------------------------------ role rules
    def _role_rules(self, core: str) -> list[Rule]:
        D, M, Y = self.DAY, self.MONTH, self.YEAR
        left = rf"(?:{core}|{D})"
        table: list[tuple[str, str, RoleReading]] = [
            ("range",
             rf"(?:between|from)\s+(?P<x>{left})\s*(?:and|to|until|till|through|[-–—])\s*"
             rf"(?P<z>{core})", self._range),
            ("year_range", rf"(?P<x>{Y})\s*[-–—/]\s*(?P<z>{Y}|[0-9]{{2}}(?![\d]))",
             self._year_range),
            ("month_range",
             rf"(?P<x>{M})\s*[-–—]\s*(?P<z>{M}(?:,?\s+{Y})?)", self._range),
            ("day_range",
             rf"(?P<x>{D})\s*[-–—]\s*(?P<z>{D}(?:\s+of)?\s+{M}(?:,?\s+{Y})?)", self._range),
            ("month_day_range",
             rf"(?P<mon>{M})\s+(?P<d1>{D})\s*[-–—]\s*(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?",
             self._month_day_range),
            ("since", rf"(?:ever\s+)?since\s+(?P<x>{core})(?P<poss>['’]s)?", self._since),
            ("from_on",
             rf"(?:from|starting(?:\s+in|\s+from)?)\s+(?P<x>{core})\s+(?:on|onwards?|forwards?)",
             self._since),
            ("after", rf"(?:after|following)\s+(?P<x>{core})(?P<poss>['’]s)?", self._after),
            ("by",
             rf"(?:by|until|till|up\s+to|through|no\s+later\s+than|before|prior\s+to)\s+"
             rf"(?P<x>{core})", self._by),
            ("point", rf"(?:in|on|at|during|throughout|around)\s+(?P<x>{core})", self._point),
        ]
        embeds_core = {"range", "since", "from_on", "after", "by", "point"}
        return [Rule(name, "role", self._compile(body), _RULE_TRIGGERS[name], role=reading,
                     needs_core=name in embeds_core)
                for name, body, reading in table]

    def _window_rules(self) -> list[Rule]:
        N, U, A = self.NUM, self.UNIT, self.APPROX
        table: list[tuple[str, str, RoleReading]] = [
            ("within",
             rf"within\s+(?:the\s+)?(?:(?P<dir>next|past|last|first|coming)\s+)?{A}"
             rf"(?P<n>{N})\s+(?P<u>{U})", self._window),
            ("for_duration",
             rf"for\s+(?:(?:the\s+)?(?P<dir>past|last|next|coming)\s+)?{A}(?P<n>{N})\s+"
             rf"(?P<u>{U})", self._window),
            ("past_n",
             rf"(?:(?:in|over|during|throughout|for)\s+)?the\s+(?P<dir>past|last)\s+"
             rf"(?:{A}(?P<n>{N})\s+)?(?P<u>{U})", self._window),
            ("next_n",
             rf"(?:in|over|during|throughout|for|within)\s+the\s+(?P<dir>next|coming)\s+"
             rf"(?:{A}(?P<n>{N})\s+)?(?P<u>{U})", self._window),
            ("hyphen_duration",
             rf"(?:an?\s+)?(?P<n>{N})-(?P<u>day|week|month|year|decade)(?:-long)?(?![\w-])",
             self._window),
            ("duration", rf"{A}(?P<n>{N})\s+(?P<u>{U})", self._window),
        ]
        return [Rule(name, "window", self._compile(body), _RULE_TRIGGERS[name], role=reading)
                for name, body, reading in table]

    # ------------------------------------------------------------------ reading
    def read(self, text: str, ctx: Context) -> Resolution | None:
        """The reading of a whole expression, or None when no rule covers all of it."""
        for rule in self.rules:
            match = rule.pattern.fullmatch(text)
            if match is None:
                continue
            resolution = self.apply(rule, match, ctx)
            if resolution is not None:
                return resolution
        return None

    def apply(self, rule: Rule, match: re.Match[str], ctx: Context) -> Resolution | None:
        """One rule's reading of its match; None when the match names no date here."""
        try:
            if rule.core is not None:
                interval = rule.core(match, ctx)
                return Resolution(interval, None, "point", interval)
            assert rule.role is not None
            return rule.role(match, ctx)
        except _FAILURES:
            return None

    def core(self, text: str, ctx: Context) -> DateInterval:
        """The interval of a core expression (used inside role rules)."""
        for rule in self.core_rules:
            match = rule.pattern.fullmatch(text)
            if match is None:
                continue
            assert rule.core is not None
            try:
                return rule.core(match, ctx)
            except _FAILURES:
                continue
        raise Unresolvable(text)
