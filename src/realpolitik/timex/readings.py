"""What each grammar rule's match means: the readings behind :mod:`.grammar`'s patterns.

:class:`Readings` holds one method per rule, turning a regular-expression match into a
date interval (core rules), an interval with a role (role rules) or a duration (window
rules), read in a :class:`~realpolitik.timex.resolution.Context`. It is the base class of
:class:`~realpolitik.timex.grammar.Grammar`, which supplies the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from realpolitik.model import DateInterval
from realpolitik.timex import anchoring
from realpolitik.timex import calendar as cal
from realpolitik.timex.lexicon import Lexicon
from realpolitik.timex.numbers import parse_number
from realpolitik.timex.resolution import Context, Resolution, Unresolvable
from realpolitik.timex.window import window_from_words


class Readings:
    """The readings of all rules; subclasses provide the lexicon, patterns and ``core``."""

    lex: Lexicon
    MONTH: str
    DAY: str

    def core(self, text: str, ctx: Context) -> DateInterval:
        """The interval of a core expression (used inside role rules)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ helpers
    def _month_of(self, text: str) -> int:
        return self.lex.months[" ".join(text.lower().split())]

    @staticmethod
    def _day_of(text: str) -> int:
        return int(re.sub(r"\D", "", text))

    @staticmethod
    def _rel(m: re.Match[str]) -> str | None:
        rel = m.groupdict().get("rel")
        return " ".join(rel.lower().split()) if rel else None

    def _relative_year(self, rel: str | None, ctx: Context) -> int:
        if rel == "last":
            return ctx.publication.year - 1
        if rel == "next":
            return ctx.publication.year + 1
        if rel == "that":
            return ctx.anchor.start.year
        return ctx.publication.year

    # ------------------------------------------------------------------ core readings
    def _iso(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.days(date(int(m["y"]), int(m["m"]), int(m["d"])))

    def _two_digit_year(self, text: str, ctx: Context) -> int:
        if len(text) == 4:
            return int(text)
        value = int(text)
        return 2000 + value if 2000 + value <= ctx.publication.year + 1 else 1900 + value

    def _slash(self, m: re.Match[str], ctx: Context) -> DateInterval:
        a, b = int(m["a"]), int(m["b"])
        month_, day = (b, a) if a > 12 else (a, b)  # US order unless impossible
        return cal.days(date(self._two_digit_year(m["y"], ctx), month_, day))

    def _dot(self, m: re.Match[str], ctx: Context) -> DateInterval:
        a, b = int(m["a"]), int(m["b"])
        day, month_ = (b, a) if b > 12 else (a, b)  # European order unless impossible
        return cal.days(date(int(m["y"]), month_, day))

    def _day_month_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.days(date(int(m["y"]), self._month_of(m["mon"]), self._day_of(m["d"])))

    def _month_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.month(int(m["y"]), self._month_of(m["mon"]))

    def _month_rel_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.month(self._relative_year(self._rel(m), ctx), self._month_of(m["mon"]))

    def _day_month(self, m: re.Match[str], ctx: Context) -> DateInterval:
        found = anchoring.day_in_year(self._month_of(m["mon"]), self._day_of(m["d"]),
                                      ctx.publication, None, ctx.future)
        if found is None:
            raise Unresolvable(m.group(0))
        return cal.days(found)

    def _rel_month(self, m: re.Match[str], ctx: Context) -> DateInterval:
        number = self._month_of(m["mon"])
        return cal.month(anchoring.month_year(number, ctx.publication, self._rel(m),
                                              ctx.future), number)

    def _month(self, m: re.Match[str], ctx: Context) -> DateInterval:
        number = self._month_of(m["mon"])
        return cal.month(anchoring.month_year(number, ctx.publication, None, ctx.future),
                         number)

    def _holiday(self, m: re.Match[str], ctx: Context) -> DateInterval:
        name = " ".join(m["h"].lower().replace("’", "'").split())
        in_year: Callable[[int], date]
        if name in self.lex.holidays_fixed:
            mo, dy = self.lex.holidays_fixed[name]
            def in_year(y: int) -> date:
                return date(y, mo, dy)
        else:
            offset = self.lex.holidays_easter[name]
            def in_year(y: int) -> date:
                return cal.easter_sunday(y) + timedelta(days=offset)
        if m["y"]:
            return cal.days(in_year(int(m["y"])))
        found = anchoring.holiday(in_year, ctx.publication, self._rel(m), ctx.future)
        if found is None:
            raise Unresolvable(m.group(0))
        return cal.days(found)

    def _part_key(self, part: str) -> str:
        words = part.lower().split()
        for word in reversed(words):
            if word in self.lex.year_parts:
                return word
        raise Unresolvable(part)

    def _month_part(self, year_: int, month_: int, part: str) -> DateInterval:
        first, last = self.lex.month_parts[self._part_key(part)]
        end = cal.month_end(year_, month_)
        return DateInterval(date(year_, month_, first), min(end, date(year_, month_, min(
            last, end.day))), "month")

    def _year_part(self, year_: int, part: str) -> DateInterval:
        first, last = self.lex.year_parts[self._part_key(part)]
        return cal.months(year_, first, last)

    def _part_month(self, m: re.Match[str], ctx: Context) -> DateInterval:
        number = self._month_of(m["mon"])
        year_ = int(m["y"]) if m["y"] else anchoring.month_year(
            number, ctx.publication, None, ctx.future)
        return self._month_part(year_, number, m["part"])

    def _part_rel_month(self, m: re.Match[str], ctx: Context) -> DateInterval:
        rel = self._rel(m)
        if rel == "that":
            base = ctx.anchor.start
        elif rel == "last":
            base = cal.add_months(ctx.publication, -1)
        elif rel == "next":
            base = cal.add_months(ctx.publication, 1)
        else:
            base = ctx.publication
        return self._month_part(base.year, base.month, m["part"])

    def _part_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return self._year_part(int(m["y"]), m["part"])

    def _part_rel_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return self._year_part(self._relative_year(self._rel(m), ctx), m["part"])

    def _season_first_month(self, m: re.Match[str]) -> int:
        return self.lex.seasons[m["s"].lower()]

    def _season_year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return anchoring.season(self._season_first_month(m), int(m["y"]))

    def _season(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return anchoring.season_occurrence(self._season_first_month(m), ctx.publication,
                                           self._rel(m), ctx.future)

    def _period(self, m: re.Match[str], ctx: Context, length: int, index: int
                ) -> DateInterval:
        """Quarter or half number ``index`` (1-based) of ``length`` months."""
        groups = m.groupdict()
        first = (index - 1) * length + 1
        if groups.get("y"):
            year_ = int(groups["y"])
        elif groups.get("rel") and groups["rel"].lower() in ("this", "last", "next", "the",
                                                            "that"):
            year_ = self._relative_year(self._rel(m), ctx)
        else:
            year_ = anchoring.period_year(first, length, ctx.publication, None, ctx.future)
        return cal.months(year_, first, first + length - 1)

    def _quarter(self, m: re.Match[str], ctx: Context) -> DateInterval:
        groups = m.groupdict()
        if groups.get("q"):
            return self._period(m, ctx, 3, int(groups["q"]))
        if groups.get("o"):
            index = self.lex.ordinals[groups["o"].lower()]
            return self._period(m, ctx, 3, index)
        rel = self._rel(m)
        current = (ctx.publication.month - 1) // 3
        shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel or "", 0)
        start = cal.add_months(date(ctx.publication.year, current * 3 + 1, 1), 3 * shift)
        return cal.months(start.year, start.month, start.month + 2)

    def _half(self, m: re.Match[str], ctx: Context) -> DateInterval:
        groups = m.groupdict()
        index = int(groups["h"]) if groups.get("h") else (
            1 if groups["o"].lower() in ("first", "1st") else 2)
        return self._period(m, ctx, 6, index)

    def _decade(self, m: re.Match[str], ctx: Context) -> DateInterval:
        groups = m.groupdict()
        if groups.get("dec"):
            start = int(groups["dec"])
        else:
            tens = (self.lex.decade_words[groups["w"].lower()] * 10 if groups.get("w")
                    else int(groups["dd"]))
            start = ctx.publication.year // 100 * 100 + tens
            if start > ctx.publication.year:
                start -= 100
        part = (groups.get("part") or "").lower()
        if part == "early":
            return cal.years(start, start + 3)
        if part == "mid":
            return cal.years(start + 4, start + 6)
        if part == "late":
            return cal.years(start + 7, start + 9)
        return cal.years(start, start + 9, "decade")

    def _century(self, m: re.Match[str], ctx: Context) -> DateInterval:
        number = int(m["c"])
        if not 1 <= number <= 21:
            raise Unresolvable(m.group(0))
        return cal.years((number - 1) * 100 + 1, number * 100, "decade")

    def _weekday(self, m: re.Match[str], ctx: Context) -> DateInterval:
        target = self.lex.weekdays[m["wd"].lower()]
        return cal.days(anchoring.weekday(target, ctx.publication, self._rel(m), ctx.future))

    def _weekend(self, m: re.Match[str], ctx: Context) -> DateInterval:
        rel = self._rel(m) or "the"
        pub = ctx.publication
        this_saturday = pub + timedelta(days=5 - pub.weekday())
        past_saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # current if weekend
        next_saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        if rel == "this":
            saturday = this_saturday
        elif rel == "next":
            saturday = next_saturday
        elif rel in ("last", "the past"):
            saturday = past_saturday - timedelta(days=7 if pub.weekday() >= 5 else 0)
        elif ctx.future is None:
            saturday = anchoring.nearest(
                cal.days(past_saturday, past_saturday + timedelta(days=1)),
                cal.days(this_saturday, this_saturday + timedelta(days=1)), pub).start
        else:
            saturday = this_saturday if ctx.future else past_saturday
        return cal.days(saturday, saturday + timedelta(days=1))

    def _deictic(self, m: re.Match[str], ctx: Context) -> DateInterval:
        word = " ".join(m["w"].lower().split())
        pub = ctx.publication
        if word == "the day before yesterday":
            return cal.days(pub - timedelta(days=2))
        if word == "the day after tomorrow":
            return cal.days(pub + timedelta(days=2))
        if word == "this time last year":
            return cal.days(cal.add_years(pub, -1))
        if word.startswith("so far this"):
            unit = word.rsplit(" ", 1)[1]
            current = cal.unit_containing(pub, unit)
            return DateInterval(current.start, pub, cal.UNIT_PRECISION[unit])
        if word in ("yesterday", "last night"):
            return cal.days(pub - timedelta(days=1))
        if word == "tomorrow":
            return cal.days(pub + timedelta(days=1))
        return cal.days(pub)

    def _before_last(self, m: re.Match[str], ctx: Context) -> DateInterval:
        unit = m["u"].lower()
        return cal.unit_containing(cal.step(ctx.publication, -2, unit), unit)

    def _rel_unit(self, m: re.Match[str], ctx: Context) -> DateInterval:
        unit = m["u"].lower()
        rel = self._rel(m)
        shift = {"last": -1, "next": 1, "coming": 1}.get(rel or "", 0)
        pub = ctx.publication
        if unit == "decade":
            start = (pub.year // 10 + shift) * 10
            return cal.years(start, start + 9, "decade")
        return cal.unit_containing(cal.step(pub, shift, unit), unit)

    def _earlier_later(self, m: re.Match[str], ctx: Context) -> DateInterval:
        unit = m["u"].lower()
        rel = self._rel(m)
        if rel == "that":
            base = ctx.anchor
            whole = cal.unit_containing(base.start, unit)
            pivot_start, pivot_end = base.start, base.end
        else:
            pivot_start = pivot_end = ctx.publication
            whole = cal.unit_containing(pivot_start, unit)
        precision = cal.UNIT_PRECISION[unit]
        if m["dir"].lower() == "earlier":
            end = max(whole.start, pivot_start - timedelta(days=1))
            return DateInterval(whole.start, end, precision)
        start = min(whole.end, pivot_end + timedelta(days=1))
        return DateInterval(start, whole.end, precision)

    def _amount(self, m: re.Match[str]) -> tuple[int, str]:
        amount = parse_number(m["n"], self.lex)
        unit = self.lex.units.get(m["u"].lower())
        if amount is None or unit is None or amount > 5000:
            raise Unresolvable(m.group(0))
        return amount, unit

    def _ago(self, m: re.Match[str], ctx: Context) -> DateInterval:
        amount, unit = self._amount(m)
        point = cal.step(ctx.publication, -amount, unit)
        return cal.unit_containing(point, "year" if unit == "decade" else unit)

    def _shift(self, m: re.Match[str], ctx: Context) -> DateInterval:
        amount, unit = self._amount(m)
        direction = (m["dir"] or m["dir2"]).lower()
        sign = 1 if direction in ("later", "afterwards", "after", "on") else -1
        return cal.shift(ctx.anchor, sign * amount, unit)

    def _next_unit(self, m: re.Match[str], ctx: Context) -> DateInterval:
        unit = m["u"].lower()
        rel = self._rel(m)
        base = ctx.anchor
        if cal.coarser(base.precision, cal.UNIT_PRECISION[unit]) != cal.UNIT_PRECISION[unit]:
            # "the next day" after "1971" names no day
            raise Unresolvable(m.group(0))
        if rel == "same":
            return cal.unit_containing(base.start, unit)
        sign = 1 if rel in ("next", "following") else -1
        return cal.unit_containing(cal.step(base.start, sign, unit), unit)

    def _unit_before_after(self, m: re.Match[str], ctx: Context) -> DateInterval:
        unit = m["u"].lower()
        sign = 1 if m["dir"].lower() == "after" else -1
        return cal.unit_containing(cal.step(ctx.anchor.start, sign, unit), unit)

    def _that_unit(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.unit_containing(ctx.anchor.start, m["u"].lower())

    def _at_that_time(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return ctx.anchor

    def _year(self, m: re.Match[str], ctx: Context) -> DateInterval:
        return cal.year(int(m["y"]))

    # ------------------------------------------------------------------ role readings
    def _point(self, m: re.Match[str], ctx: Context) -> Resolution:
        interval = self.core(m["x"], ctx)
        return Resolution(interval, None, "point", interval)

    def _since(self, m: re.Match[str], ctx: Context) -> Resolution:
        ctx.future = False  # what something runs "since" lies in the past
        point = self.core(m["x"], ctx)
        pub = ctx.publication
        end = pub if point.start <= pub else point.end
        return Resolution(DateInterval(point.start, max(end, point.start), point.precision),
                          None, "since", point)

    def _after(self, m: re.Match[str], ctx: Context) -> Resolution:
        point = self.core(m["x"], ctx)
        start = point.end + timedelta(days=1)
        pub = ctx.publication
        end = pub if start <= pub else start + (point.end - point.start)
        return Resolution(DateInterval(start, end, point.precision), None, "since", point)

    def _by(self, m: re.Match[str], ctx: Context) -> Resolution:
        point = self.core(m["x"], ctx)
        return Resolution(point, None, "by", point)

    def _range_left(self, text: str, right: DateInterval, ctx: Context) -> DateInterval:
        """The left end of a range, borrowing the year (and month) from the right end."""
        cleaned = " ".join(text.split())
        if re.fullmatch(self.DAY, cleaned, re.IGNORECASE):
            day = self._day_of(cleaned)
            start = date(right.start.year, right.start.month, day)
            return cal.days(start)
        has_year = re.search(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)", cleaned) is not None
        if has_year or not re.search(self.MONTH, cleaned, re.IGNORECASE):
            return self.core(cleaned, ctx)
        try:  # "from May to July 2024", "between 5 March and 2 April": the right's year
            left = self.core(f"{cleaned} {right.start.year}", ctx)
            if left.start > right.start:
                left = self.core(f"{cleaned} {right.start.year - 1}", ctx)
            return left
        except Unresolvable:  # "from last May to January"
            return self.core(cleaned, ctx)

    def _range(self, m: re.Match[str], ctx: Context) -> Resolution:
        right = self.core(m["z"], ctx)
        left = self._range_left(m["x"], right, ctx)
        if left.start > right.end:
            raise Unresolvable(m.group(0))
        interval = cal.span(left, right)
        return Resolution(interval, None, "range", interval)

    def _year_range(self, m: re.Match[str], ctx: Context) -> Resolution:
        first = int(m["x"])
        last_text = m["z"]
        last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
        if last < first:
            raise Unresolvable(m.group(0))
        interval = cal.years(first, last)
        return Resolution(interval, None, "range", interval)

    def _month_day_range(self, m: re.Match[str], ctx: Context) -> Resolution:
        number = self._month_of(m["mon"])
        d1, d2 = self._day_of(m["d1"]), self._day_of(m["d2"])
        if m["y"]:
            year_ = int(m["y"])
        else:
            found = anchoring.day_in_year(number, d2, ctx.publication, None, ctx.future)
            if found is None:
                raise Unresolvable(m.group(0))
            year_ = found.year
        interval = cal.days(date(year_, number, d1), date(year_, number, d2))
        if interval.start > interval.end:
            raise Unresolvable(m.group(0))
        return Resolution(interval, None, "range", interval)

    def _window(self, m: re.Match[str], ctx: Context) -> Resolution:
        amount_text = m.groupdict().get("n") or "1"
        window = window_from_words(amount_text, m["u"], self.lex)
        if window is None or window.amount > 100_000:
            raise Unresolvable(m.group(0))
        direction = (m.groupdict().get("dir") or "").lower()
        if direction in ("past", "last"):
            pub = ctx.publication
            interval = DateInterval(window.before(pub), pub, cal.UNIT_PRECISION[window.unit])
            return Resolution(interval, window, "range", interval)
        if direction in ("next", "coming"):
            pub = ctx.publication
            interval = DateInterval(pub, window.after(pub), cal.UNIT_PRECISION[window.unit])
            return Resolution(interval, window, "range", interval)
        return Resolution(None, window, "window", None)

