"""An act dated after its story was published has not happened yet.

The coder reads modality from the words ("will meet", "is due to", "if"); the time stage
then dates each event. When that date, known to the day or the month, lies wholly after
the publication date ("his main demand when he arrives on Wednesday", "to prepare for the
Venice summit in June" in a story of March), the event is still to come, and one coded as an
actual fact is made ``future``: a plan or a schedule is no fact (the Reuters guide). Not
statements (01), whose date is often the reported act's, nor expressions of intent (03),
which are actual by CAMEO's convention however far off the intended act is; nor a verb in
a past tense ("two weeks later India's missiles hit nine sites"), which tells a done act
whatever date a relative expression gave it; nor an event with a side unnamed (the
leads of two stories on different news, each naming "next week's IMF meetings", would
merge as one future meeting of the IMF's: the dedup gate fell from 0.977 to 0.956).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from realpolitik.model import Event, ParsedDoc, party

#: roots whose date may be that of what they speak of, not of the speaking
_SPEECH_ROOTS = frozenset({"01", "03"})


def still_to_come(doc: ParsedDoc, events: list[Event], published: date | None
                  ) -> list[Event]:
    """``events`` with each actual event dated after ``published`` made ``future``."""
    if published is None:
        return events
    out: list[Event] = []
    for e in events:
        when = e.date
        if (when is not None and not when.inferred and when.basis is None
                and when.precision in ("day", "month") and when.start > published
                and e.modality == "actual" and e.root not in _SPEECH_ROOTS
                and not _past(doc, e.trigger_token)
                and bool(party(e.source)) and bool(party(e.target))):
            e = dataclasses.replace(e, modality="future")
        out.append(e)
    return out


def _past(doc: ParsedDoc, i: int) -> bool:
    if not 0 <= i < len(doc.tokens):
        return False
    return doc.tokens[i].tag in ("VBD", "VBN")

