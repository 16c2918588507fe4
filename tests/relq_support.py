"""Test helpers for the relation and quantity stages: hand-made mentions and dates.

``GazetteerMentions`` stands in for the actor resolver where it is not installed: it marks
the surface forms of a small table as mentions. ``YearDates`` stands in for the time stage:
a sentence's explicit year (or "last year"/"next year"), else the publication date, inferred.
"""

from __future__ import annotations

import re
from datetime import date

from realpolitik.model import Actor, DateInterval, Mention, ParsedDoc

_STATES = {
    "RUS": ["Russia", "Russian", "Moscow", "the Kremlin", "Kremlin", "Russian president"],
    "IRN": ["Iran", "Iranian", "Tehran", "Islamic Republic"],
    "USA": ["United States", "US", "U.S.", "America", "American", "Washington"],
    "ARE": ["United Arab Emirates", "UAE", "Emirates", "Emirati"],
    "CHN": ["China", "Chinese", "Beijing"], "PRK": ["North Korea", "North Korean", "Pyongyang"],
    "KOR": ["South Korea", "South Korean", "Seoul"], "UKR": ["Ukraine", "Ukrainian", "Kyiv"],
    "GBR": ["Britain", "British", "London", "United Kingdom", "UK"],
    "BLR": ["Belarus", "Minsk"], "VEN": ["Venezuela", "Caracas"], "PHL": ["Philippines"],
    "PAK": ["Pakistan"], "SAU": ["Saudi Arabia", "Saudi"], "FRA": ["France", "French", "Paris"],
    "GRC": ["Greece", "Greek"], "POL": ["Poland", "Polish"], "AUS": ["Australia", "A$"],
    "JPN": ["Japan", "Tokyo"], "HUN": ["Hungary"], "SRB": ["Serbia"], "ARM": ["Armenia"],
    "IND": ["India", "Indian"], "TUR": ["Turkey", "Turkish", "Ankara"], "EGY": ["Egypt", "Cairo"],
    "ISR": ["Israel", "Israeli"], "KAZ": ["Kazakhstan"], "UZB": ["Uzbekistan"],
    "MNG": ["Mongolia"], "BGR": ["Bulgaria"], "AZE": ["Azerbaijan", "Azerbaijani", "Baku"],
    "MDA": ["Moldova"],
    "ROU": ["Romania"], "SDN": ["Sudan", "Khartoum"], "FIN": ["Finland"], "SWE": ["Sweden"],
    "ETH": ["Ethiopia"], "IDN": ["Indonesia"], "QAT": ["Qatar", "Qatari"],
    "SVK": ["Slovakia"], "SYR": ["Syria", "Damascus"], "DEU": ["Germany", "German"],
    "CUB": ["Cuba", "Havana"], "TJK": ["Tajikistan"], "RWA": ["Rwanda"],
    "COD": ["Democratic Republic of the Congo"], "VNM": ["Vietnam"],
    "BRA": ["Brazil", "Brazilian", "Brasília"],
    "IRQ": ["Iraq"], "KWT": ["Kuwait"], "JOR": ["Jordan"], "TWN": ["Taiwan"],
    "ARG": ["Argentina"], "AFG": ["Afghanistan"], "PSE": ["Gaza"],
    "NGA": ["Nigeria", "Abuja"], "DJI": ["Djibouti"], "NIC": ["Nicaragua", "Managua"],
    "SEN": ["Senegal", "Dakar"], "TCD": ["Chad"], "MLI": ["Mali"],
}
#: organisations by their CAMEO codes, as the actor knowledge base has them
_ORGS = {
    "NAT": ["NATO"], "SCO": ["Shanghai Cooperation Organisation", "SCO"],
    "CSTO": ["Collective Security Treaty Organization"], "BRICS": ["BRICS"],
    "ASN": ["ASEAN"], "GCC": ["Gulf Cooperation Council"],
    "IAE": ["International Atomic Energy Agency", "IAEA"],
    "EEC": ["European Union", "EU"], "UNO": ["UN Security Council", "Security Council"],
}
_DEMONYM_SUFFIXES = ("an", "ese", "ish", "i", "ian")


def _table() -> list[tuple[str, Actor]]:
    rows: list[tuple[str, Actor]] = []
    for iso, names in _STATES.items():
        actor = Actor(id=f"state:{iso}", code=iso, name=names[0], country=iso, role=None,
                      kind="state")
        rows.extend((n, actor) for n in names)
    for code, names in _ORGS.items():
        actor = Actor(id=f"org:{code}", code=code, name=names[0], country=None, role=None,
                      kind="organisation")
        rows.extend((n, actor) for n in names)
    rows.sort(key=lambda r: -len(r[0]))
    return rows


_ROWS = _table()


def gazetteer_mentions(doc: ParsedDoc) -> list[Mention]:
    """Mentions for every table name found in the text (longest first, no overlaps)."""
    text = doc.document.text
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for name, actor in _ROWS:
        for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
            s, e = m.span()
            if any(s < te and e > ts for ts, te in taken):
                continue
            toks = [t.i for t in doc.tokens if t.idx < e and t.idx + len(t.text) > s]
            if not toks:
                continue
            taken.append((s, e))
            head = toks[-1]
            for t in toks:
                if doc.tokens[t].head not in toks or doc.tokens[t].head == t:
                    head = t
            kind = "demonym" if name[:1].isupper() and name.endswith(_DEMONYM_SUFFIXES) \
                and actor.country else ("organisation" if actor.country is None else "name")
            mentions.append(Mention(
                sentence=doc.tokens[toks[0]].sent, start=toks[0], end=toks[-1] + 1,
                start_char=s, end_char=e, text=text[s:e], actor=actor, kind=kind, head=head))
    mentions.sort(key=lambda m: m.start)
    return mentions


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class YearDates:
    """A stand-in date source: the sentence's explicit year, else the publication date."""

    def date_for(self, doc: ParsedDoc, token: int) -> DateInterval:
        published = doc.document.date or date(2000, 1, 1)
        sentence = doc.sentences[doc.tokens[token].sent].text
        lowered = sentence.lower()
        if "last year" in lowered:
            y = published.year - 1
            return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")
        if "next year" in lowered:
            y = published.year + 1
            return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")
        if "this year" in lowered:
            y = published.year
            return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")
        found = _YEAR.search(sentence)
        if found:
            y = int(found.group(1))
            return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")
        return DateInterval(published, published, "day", inferred=True)


class PublicationDates:
    """A date source that knows no expressions: always the publication date, inferred."""

    def date_for(self, doc: ParsedDoc, token: int) -> DateInterval:
        published = doc.document.date or date(2000, 1, 1)
        return DateInterval(published, published, "day", inferred=True)
