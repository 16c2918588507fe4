"""Lexicon of the grammatical cues the coder reads: negation, modality, light verbs."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from realpolitik.datafiles import data_file, read_yaml_mapping
from realpolitik.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Grammar:
    negators: frozenset[str]
    negating_governors: frozenset[str]
    pausing_verbs: frozenset[str]
    negating_prepositions: frozenset[str]
    participation_verbs: frozenset[str]
    negating_adverbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_governors: frozenset[str]
    demand_governors: frozenset[str]
    report_governors: frozenset[str]
    light_verbs: frozenset[str]
    message_nouns: frozenset[str]
    reciprocal_codes: frozenset[str]
    absorbing_roots: frozenset[str]
    consuming_roots: frozenset[str]
    named_event_entities: frozenset[str]
    symmetric_codes: frozenset[str]
    addressed_codes: frozenset[str]
    anonymous_speakers: frozenset[str]
    audience_nouns: frozenset[str]
    flow_nouns: frozenset[str]
    flow_roots: frozenset[str]
    economic_context: frozenset[str]
    accusing_verbs: frozenset[str]
    question_verbs: frozenset[str]
    serving_verbs: frozenset[str]
    press_askers: frozenset[str]
    halting_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    accepting_verbs: frozenset[str]
    provoking_verbs: frozenset[str]
    killing_verbs: frozenset[str]
    carrier_nouns: frozenset[str]
    asked_roots: frozenset[str]
    one_sided_verbs: frozenset[str]
    symmetric_verbs: frozenset[str]
    stative_passives: frozenset[str]
    private_nouns: frozenset[str]
    private_bodies: frozenset[str]
    idiom_objects: frozenset[str]
    considering_codes: frozenset[str]
    considered_options: frozenset[str]
    hostile_options: frozenset[str]
    official_nouns: frozenset[str]
    story_unfilled: frozenset[str]
    debt_service_words: frozenset[str]
    halting_nouns: frozenset[str]
    decision_nouns: frozenset[str]
    deciding_verbs: frozenset[str]
    domestic_measures: frozenset[str]
    group_act_codes: frozenset[str]
    collective_bodies: frozenset[str]
    contest_nouns: frozenset[str]
    path_nouns: frozenset[str]
    owned_measures: frozenset[str]
    imposing_verbs: frozenset[str]
    mutual_objects: frozenset[str]
    verdict_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    self_directed_verbs: frozenset[str]
    negative_pronouns: frozenset[str]
    report_nouns: frozenset[str]
    reaction_roots: frozenset[str]
    measure_verbs: frozenset[str]
    frame_preps: frozenset[str]
    topic_preps: frozenset[str]
    document_nouns: frozenset[str]
    making_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    backing_verbs: frozenset[str]
    transfer_roots: frozenset[str]
    labelling_verbs: frozenset[str]
    condemning_labels: frozenset[str]
    blame_words: frozenset[str]
    blocking_verbs: frozenset[str]
    crowd_nouns: frozenset[str]
    violent_roots: frozenset[str]
    generic_violence_codes: frozenset[str]
    military_context: frozenset[str]
    armed_agents: frozenset[str]
    member_nouns: frozenset[str]
    labour_context: frozenset[str]
    property_harm_codes: frozenset[str]
    withholding_codes: frozenset[str]
    directive_verbs: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    addressed_nouns: frozenset[str]
    combatant_nouns: frozenset[str]
    battle_words: frozenset[str]
    information_nouns: frozenset[str]
    market_nouns: frozenset[str]
    market_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    judging_verbs: frozenset[str]
    mass_killing_victims: int
    person_target_codes: dict[str, str]
    attitude_codes: dict[str, str]
    economic_senses: dict[str, str]
    labour_senses: dict[str, str]
    weapon_codes: dict[str, str]

    def is_reciprocal(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.reciprocal_codes)

    def mutual_verb(self, lemma: str, quad_class: int) -> bool:
        """A verb that is mutual when it codes material conflict ("clashed with", "exchanged
        fire"), whatever its sides; "fight Japan's attempt" (120) is one side's act."""
        return lemma in self.symmetric_verbs and quad_class == 4


#: the word lists grammar.yaml must give: every ``frozenset[str]`` field of :class:`Grammar`
_KEYS = tuple(f.name for f in fields(Grammar) if f.type == "frozenset[str]")


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    data = read_yaml_mapping(data_file("events", "grammar.yaml"), "grammar.yaml")
    missing = [k for k in _KEYS if not isinstance(data.get(k), list)]
    if missing:
        raise DataFileError(f"grammar.yaml: missing word lists {missing}")
    cased = {"named_event_entities", "collective_bodies"}
    return Grammar(
        **{k: frozenset(str(w) if k in cased else str(w).lower() for w in data[k])
           for k in _KEYS},
        person_target_codes=_code_mapping(data, "person_target_codes"),
        attitude_codes={k.lower(): v for k, v in _code_mapping(data, "attitude_codes").items()},
        economic_senses={k.lower(): v
                         for k, v in _code_mapping(data, "economic_senses").items()},
        labour_senses={k.lower(): v for k, v in _code_mapping(data, "labour_senses").items()},
        weapon_codes={k.lower(): v for k, v in _code_mapping(data, "weapon_codes").items()},
        mass_killing_victims=_positive_int(data.get("mass_killing_victims")),
    )


def _code_mapping(data: dict[str, object], key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DataFileError(f"grammar.yaml: '{key}' must be a mapping")
    return {str(k): str(v) for k, v in value.items()}


def _positive_int(value: object) -> int:
    if not isinstance(value, int) or value <= 0:
        raise DataFileError("grammar.yaml: 'mass_killing_victims' must be a positive integer")
    return value


@dataclass(frozen=True, slots=True)
class Families:
    """CAMEO's speech-act families: appeals, intents, demands, rejections and threats are
    coded by their content (``data/events/families.yaml``)."""

    generic: dict[str, str]
    tables: dict[str, dict[str, str]]
    intent_roots: frozenset[str]
    threat_roots: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    obligation_governors: frozenset[str]
    advice_auxiliaries: frozenset[str]
    intent_governors: frozenset[str]

    def code_for(self, family_root: str, content_code: str) -> str | None:
        """The family's code for that content, by longest prefix, else its generic code."""
        if family_root not in self.tables:
            return None
        return self.specific_code(family_root, content_code) or self.generic.get(family_root)

    def specific_code(self, family_root: str, content_code: str) -> str | None:
        """The family's own code for that content, by longest prefix, or None."""
        table = self.tables.get(family_root, {})
        for n in range(len(content_code), 1, -1):
            found = table.get(content_code[:n])
            if found:
                return found
        return None


@lru_cache(maxsize=1)
def default_families() -> Families:
    data = read_yaml_mapping(data_file("events", "families.yaml"), "families.yaml")
    try:
        return Families(
            generic={str(k): str(v) for k, v in data["generic"].items()},
            tables={str(root): {str(k): str(v) for k, v in table.items()}
                    for root, table in data["families"].items()},
            intent_roots=frozenset(str(r) for r in data["intent_roots"]),
            threat_roots=frozenset(str(r) for r in data["threat_roots"]),
            obligation_auxiliaries=frozenset(str(w) for w in data["obligation_auxiliaries"]),
            obligation_governors=frozenset(str(w) for w in data["obligation_governors"]),
            advice_auxiliaries=frozenset(str(w) for w in data["advice_auxiliaries"]),
            intent_governors=frozenset(str(w) for w in data["intent_governors"]),
        )
    except (KeyError, AttributeError, TypeError) as exc:
        raise DataFileError(f"families.yaml: malformed ({exc})") from None
