"""Stage 6: what binds states — treaties, memberships, alliance claims, arms, troops, support.

Input: a parsed document, its resolved actor mentions, its events and a date source.
Output: :class:`~realpolitik.model.Relation` records, merged within the document so that
later text about the same treaty enriches one record.
"""

from __future__ import annotations

from collections import defaultdict

from realpolitik.config import Config
from realpolitik.model import Event, Mention, Obligations, ParsedDoc, Relation
from realpolitik.relations.arms import arms_transfers
from realpolitik.relations.context import DocumentMentions, SentenceContext
from realpolitik.relations.dates import DateSource
from realpolitik.relations.enumerations import enumerated_allies, enumeration_lexicon
from realpolitik.relations.findings import Finding, symmetric
from realpolitik.relations.merge import RelationMerger
from realpolitik.relations.obligations import (
    ObligationLexicon,
    ObligationStatement,
    find_obligations,
    obligation_lexicon,
)
from realpolitik.relations.support import diplomatic_support
from realpolitik.relations.syntax import lemma, lower
from realpolitik.relations.ties import alliance_claims, memberships, tie_lexicon
from realpolitik.relations.transfer_lexicon import transfer_lexicon
from realpolitik.relations.treaties import (
    TreatyLexicon,
    fill_from_sentence,
    nearest,
    obligation_parties,
    read_treaty,
    treaty_finding,
    treaty_lexicon,
    treaty_triggers,
)
from realpolitik.relations.troops import troop_deployments

#: CAMEO 057: sign formal agreement; its coded source and target are a treaty's parties
_SIGN_AGREEMENT = "057"


class RelationExtractor:
    """Finds the relations stated in one document."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.treaties: TreatyLexicon = treaty_lexicon()
        self.obligations: ObligationLexicon = obligation_lexicon()
        self.ties = tie_lexicon()
        self.enumerations = enumeration_lexicon()
        self.transfers = transfer_lexicon()
        self._treaty_nouns = self.treaties.strong_nouns | self.treaties.weak_nouns

    def extract(self, doc: ParsedDoc, mentions: list[Mention], events: list[Event],
                dates: DateSource, contexts: DocumentMentions | None = None) -> list[Relation]:
        """``contexts`` (of the same document and mentions) lets stages share sentence
        contexts; built here when not given."""
        contexts = contexts or DocumentMentions(doc, mentions)
        signed: dict[int, list[list[str]]] = defaultdict(list)
        for e in events:
            if e.code.startswith(_SIGN_AGREEMENT) and e.polarity == "asserted":
                pair = [p.country for p in (e.source, e.target) if p and p.country]
                signed[e.sentence].append(pair)
        merger = RelationMerger()
        for sentence in doc.sentences:
            ctx = contexts.context(sentence)
            taken = self._treaties(ctx, merger, signed.get(sentence.index, []))
            for finding in [
                *memberships(ctx, self.ties),
                *alliance_claims(ctx, self.ties, taken),
                *arms_transfers(ctx, self.transfers),
                *troop_deployments(ctx, self.transfers),
                *diplomatic_support(ctx, self.transfers),
            ]:
                merger.add(finding)
        # allies counted in one sentence and listed in the next ("lost its third ally ...
        # First, A ..., then B ...")
        for finding in enumerated_allies(doc, contexts, self.enumerations):
            merger.add(finding)
        return merger.relations(doc, dates)

    def _treaties(self, ctx: SentenceContext, merger: RelationMerger,
                  signed: list[list[str]]) -> set[int]:
        """Treaty findings of one sentence; returns the tokens read as treaty nouns."""
        lex = self.treaties
        nouns = self._treaty_nouns
        mentions_treaty = any(
            lower(ctx.doc, i) in nouns or lemma(ctx.doc, i) in nouns for i in ctx.token_range())
        statement = find_obligations(ctx, self.obligations, mentions_treaty)
        triggers = treaty_triggers(ctx, lex, statement is not None)
        owner = nearest(triggers, statement.cue_heads[0]) if statement and triggers else None
        for trigger in triggers:
            mention = read_treaty(ctx, lex, trigger, statement is not None)
            obligations = statement.obligations if statement and trigger == owner else None
            if len(mention.parties) < 2:
                # the event coder's "sign formal agreement" with both sides coded
                pair = next((p for p in signed if len(set(p)) == 2), None)
                if pair is not None:
                    mention.parties, mention.anaphoric = list(pair), False
            if len(set(mention.parties)) >= 2 and not mention.anaphoric:
                finding = treaty_finding(ctx, mention, obligations or Obligations())
                merger.add(finding)
            elif obligations is not None:
                merger.enrich_latest_treaty(obligations, ctx.sentence.index)
        if statement is not None and not triggers:
            self._bare_obligations(ctx, merger, statement)
        return set(triggers)

    def _bare_obligations(self, ctx: SentenceContext, merger: RelationMerger,
                          statement: ObligationStatement) -> None:
        """"Moscow has no military obligations to Tehran"; "the two countries pledged ..."."""
        parties, collective = obligation_parties(ctx, self.treaties, statement)
        if not collective:
            parties = fill_from_sentence(ctx, parties)
        if len(parties) >= 2 and not collective:
            merger.add(Finding(
                kind="treaty", parties=symmetric(parties), sentence=ctx.sentence.index,
                date_token=None, obligations=statement.obligations,
            ), anchored=False)
        else:
            merger.enrich_latest_treaty(statement.obligations, ctx.sentence.index)

