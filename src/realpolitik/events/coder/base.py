"""The coder's dictionaries and how a matched pattern becomes a trigger."""

from __future__ import annotations

from realpolitik.config import Config
from realpolitik.events.calibration import ConfidenceModel, default_confidence_model
from realpolitik.events.codebook import Codebook, default_codebook
from realpolitik.events.coder.common import (
    Trigger,
    or_none,
    sides,
)
from realpolitik.events.coder.participants import Clause
from realpolitik.events.grammar import Families, Grammar, default_families, default_grammar
from realpolitik.events.patterns import (
    NO_EVENT,
    NounPattern,
    PatternSet,
    VerbPattern,
    default_patterns,
    load_pattern_file,
)
from realpolitik.learned.stage import ModelStage
from realpolitik.model import Mention


class CoderBase:
    """Pattern dictionaries, grammar word lists and the codebook, loaded once."""

    def __init__(self, config: Config, codebook: Codebook | None = None,
                 patterns: PatternSet | None = None, grammar: Grammar | None = None,
                 require_actor: bool = True, confidence: ConfidenceModel | None = None,
                 calibrated: bool = True, models: ModelStage | None = None) -> None:
        self.config = config
        #: the learned models the config turns on (None: rules alone); pass one to share it
        self.models = models if models is not None else ModelStage.from_config(config)
        #: turns the patterns' scores into probabilities of being right (off when fitting it)
        self.confidence: ConfidenceModel | None = (
            confidence or default_confidence_model() if calibrated else None)
        #: keep only events with at least one resolved actor (off for code-only evaluation)
        self.require_actor = require_actor
        self.codebook = codebook or default_codebook()
        base = patterns or default_patterns()
        for path in config.pattern_files:
            base = base.extended(load_pattern_file(path, self.codebook))
        self.patterns = base
        self.grammar = grammar or default_grammar()
        self.families: Families = default_families()
        g = self.grammar
        #: armed forces and weapons as doers ("warships destroyed", "jets struck"), and
        #: with the words of armed conflict every word of arms: built once, read per trigger
        self.armed_doers = g.armed_agents | frozenset(g.weapon_codes)
        self.arms_words = g.military_context | self.armed_doers

    def _best_verb_pattern(self, c: Clause, v: int) -> VerbPattern | None:
        matching = [p for p in self.patterns.verbs.get(c.doc.tokens[v].lemma.lower(), ())
                    if c.satisfies(v, p)]
        if len(matching) > 1:
            counted = c.counted_words(v)
            for pattern in matching:
                # "approved $350 million in military aid": what is counted says more than
                # the amount
                if pattern.object & counted:
                    return pattern
            obj = c.object_of(v)
            if obj is not None and c.lemma(obj) in self.grammar.document_nouns:
                # "violated the ceasefire agreement": the kind of agreement decides (196),
                # not that it is one (128)
                modifiers = {c.lemma(k) for k in c.kids(obj, "compound")}
                for pattern in matching:
                    if pattern.object & modifiers:
                        return pattern
        return matching[0] if matching else None

    def _noun_pattern(self, c: Clause, n: int) -> NounPattern | None:
        pattern = self._matching_noun_pattern(c, n)
        if pattern is not None and pattern.code == NO_EVENT:
            return None
        labour = self.labour_sense(c, n, pattern.code if pattern else None)
        if labour is not None:
            # "launched week-long strikes against the wage law": a labour strike
            return NounPattern(labour, c.lemma(n), prep=pattern.prep if pattern else (),
                               confidence=0.6, origin="grammar.yaml labour_senses")
        return pattern

    def labour_sense(self, c: Clause, n: int, reading: str | None) -> str | None:
        """"widespread strikes over a wage freeze": a strike among words of work and pay,
        and none of arms, is a labour strike (grammar.yaml labour_senses). It replaces no
        reading or an attack or protest one (``reading``'s root 19 or 14), never another
        ("called off a strike" stays 082). None when it does not apply."""
        g = self.grammar
        sense = g.labour_senses.get(c.lemma(n))
        if sense is None or (reading is not None and reading[:2] not in ("14", "19")):
            return None
        words = c.sentence_lemmas(n)
        return sense if words & g.labour_context and not words & self.arms_words else None

    def _matching_noun_pattern(self, c: Clause, n: int) -> NounPattern | None:
        candidates = self.patterns.nouns.get(c.doc.tokens[n].lemma.lower())
        if not candidates:
            return None
        preps = c.prep_lemmas(n)
        modifiers = c.modifier_words(n)
        plain = [p for p in candidates if not p.modifier and not p.of and not p.xcomp]
        for pattern in candidates:
            if pattern.modifier and not modifiers & pattern.modifier:
                continue
            if pattern.of and not c.complement_words(n) & pattern.of:
                continue
            if pattern.xcomp and not {c.lemma(k) for k in c.infinitives(n)} & pattern.xcomp:
                continue
            if not pattern.prep or preps.intersection(pattern.prep):
                return pattern
        return plain[-1] if plain else None

    def _trigger(self, c: Clause, token: int, code: str, confidence: float,
                 sources: list[Mention], targets: list[Mention]) -> Trigger:
        obj = c.object_of(token)
        if not targets and code[:2] in self.grammar.reaction_roots:
            # "Britain opposes the tax", "voted against the plan": whoever's it is
            own = sides(sources)
            reacted = [obj] if obj is not None else [
                o for p in c.kids(token, "prep") if c.lemma(p) in ("against", "to")
                for o in c.kids(p, "pobj")]
            targets = [m for n in reacted for m in c.measure_owners(n)
                       if not (m.actor and m.actor.side in own)]
        if not sources and self.codebook[code].root == "14":
            # "riots erupted in New Caledonia", "rallied in Barcelona": a protest with no
            # named protesters is the place's people, against their own state unless the
            # text names another target
            sources = c.places(token)[:1] or c.places(c.doc.tokens[token].head)[:1]
            if sources and not targets:
                targets = list(sources)
        if (not targets and self.codebook[code].quad_class >= 3
                and c.lemma(token) not in self.grammar.report_governors):
            # the place of a hostile act is its target: "massed troops near Ukraine's
            # borders"; the place of a meeting is only where it happened, and the place of
            # a statement where it was said ("told a news conference in Damascus")
            targets = [t for t in c.places(token) if t not in sources]
        if not targets:
            # "telephoned Erdogan to offer condolences": the purpose is aimed at the object
            targets = c.purpose_targets(token)
        # "the war between Iran and Iraq", "fighting between Iranian and Iraqi troops": the
        # parties "between" whom it is act on each other
        between = c.prep_objects(token, ("between", "among", "amongst"))
        if len(between) >= 2 and not sources:
            sources = list(between)
            targets = [t for t in targets if t not in between]
        mutual = (self.grammar.is_reciprocal(code)
                  or self.grammar.mutual_verb(c.lemma(token), self.codebook[code].quad_class)
                  or (obj is not None and c.lemma(obj) in self.grammar.mutual_objects)
                  or (len(between) >= 2 and all(m in sources for m in between))
                  or (not targets and c.lemma(token) in self.grammar.contest_nouns
                      and _hyphen_pair(c, sources)))
        if len(sources) >= 2 and mutual:
            # "A and B signed a treaty at the Kremlin": the host is no third party
            countries = {m.actor.country for m in sources if m.actor}
            targets = [t for t in targets if not (t.actor and t.actor.country in countries)]
        if not targets and len(sources) >= 2 and mutual:
            # "A and B met", "A and B exchanged fire": each acts on the other; _events
            # skips self-pairs (but "A and B launched strikes" is no fight between them)
            targets = list(sources)
        return Trigger(token, code, confidence, or_none(sources), or_none(targets))


def _hyphen_pair(c: Clause, sources: list[Mention]) -> bool:
    """ "the Iran-Iraq war": two parties joined by a hyphen before a noun of contest are its
    two sides (before a strike, "the Saudi-Emirati strike", they are partners)."""
    if len(sources) != 2:
        return False
    first, second = sorted(sources, key=lambda m: m.start)
    return (second.start == first.end + 1 and c.doc.tokens[first.end].text == "-")
