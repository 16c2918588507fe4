"""Within one document: later text about the same tie enriches the same record."""

from __future__ import annotations

from dataclasses import dataclass, field

from realpolitik.model import DateInterval, Obligations, ParsedDoc, Relation, stable_id
from realpolitik.relations.dates import DateSource
from realpolitik.relations.findings import Finding

_LIST_ATTRIBUTES = ("system", "forums")


@dataclass
class _Record:
    finding: Finding
    sentences: list[int] = field(default_factory=list)
    #: the sentence that names the tie with its own word ("agreement", "ally"), which is
    #: the evidence shown; obligation-only statements do not displace it
    anchor_sentence: int | None = None


def _names_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower()


class RelationMerger:
    """Collects findings in document order and merges those about the same tie."""

    def __init__(self) -> None:
        self._records: list[_Record] = []
        self.latest_treaty: _Record | None = None

    def add(self, finding: Finding, anchored: bool = True) -> None:
        record = self._find(finding)
        if record is None:
            record = _Record(finding)
            self._records.append(record)
        else:
            self._absorb(record, finding)
        if finding.sentence not in record.sentences:
            record.sentences.append(finding.sentence)
        if anchored and record.anchor_sentence is None:
            record.anchor_sentence = finding.sentence
        if finding.kind == "treaty":
            self.latest_treaty = record

    def enrich_latest_treaty(self, obligations: Obligations, sentence: int) -> bool:
        """Attach what an anaphoric sentence says ("the pact obliges ...") to the last treaty."""
        record = self.latest_treaty
        if record is None:
            return False
        record.finding.obligations = record.finding.obligations.merged(obligations)
        if sentence not in record.sentences:
            record.sentences.append(sentence)
        return True

    def _find(self, finding: Finding) -> _Record | None:
        for record in self._records:
            f = record.finding
            if f.kind != finding.kind or f.parties != finding.parties:
                continue
            if finding.kind == "treaty":
                if _names_compatible(f.name, finding.name):
                    return record
            elif f.polarity == finding.polarity:
                return record
        return None

    @staticmethod
    def _absorb(record: _Record, new: Finding) -> None:
        old = record.finding
        old.obligations = old.obligations.merged(new.obligations)
        old.name = old.name or new.name
        if (new.dated_by_verb and not old.dated_by_verb) or old.date_token is None:
            old.date_token = new.date_token
            old.dated_by_verb = new.dated_by_verb
        for key, value in new.attributes.items():
            if key in _LIST_ATTRIBUTES and key in old.attributes:
                values = old.attributes[key].split("; ") + value.split("; ")
                old.attributes[key] = "; ".join(dict.fromkeys(v for v in values if v))
            else:
                old.attributes.setdefault(key, value)

    def relations(self, doc: ParsedDoc, dates: DateSource) -> list[Relation]:
        out: list[Relation] = []
        for record in self._records:
            f = record.finding
            sentence = record.anchor_sentence if record.anchor_sentence is not None \
                else record.sentences[0]
            attributes = dict(f.attributes)
            if len(record.sentences) > 1:
                attributes["sentences"] = ",".join(str(s) for s in sorted(record.sentences))
            out.append(Relation(
                id=stable_id(doc.document.id, f.kind, ",".join(f.parties), f.name or "",
                             f.polarity, sentence),
                kind=f.kind, parties=f.parties, name=f.name,
                date=_date(doc, dates, f), obligations=f.obligations, polarity=f.polarity,
                sentence=sentence, evidence=doc.sentences[sentence].text,
                attributes=attributes,
            ))
        return out


def _date(doc: ParsedDoc, dates: DateSource, finding: Finding) -> DateInterval | None:
    """The relation's date; a treaty keeps the publication-date fallback only when a
    signing verb says it was signed then."""
    if finding.date_token is None:
        return None
    interval = dates.date_for(doc, finding.date_token)
    if interval.inferred and finding.kind == "treaty" and not finding.dated_by_verb:
        return None
    return interval
