"""The rule registry: every rule, explicitly, in code order. A duplicate code fails at import."""

from __future__ import annotations

from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.rules.activity_punctuation import ActivityPunctuation
from wijkmodulen.lint.rules.doelen_results import DoelenResults
from wijkmodulen.lint.rules.duplicate_id import DuplicateId
from wijkmodulen.lint.rules.duplicate_nummer import DuplicateNummer
from wijkmodulen.lint.rules.id_matches_file import IdMatchesFile
from wijkmodulen.lint.rules.koppeling_beoordeling import KoppelingBeoordeling
from wijkmodulen.lint.rules.koppeling_collectief import KoppelingCollectief
from wijkmodulen.lint.rules.koppeling_toelichting import KoppelingToelichting
from wijkmodulen.lint.rules.ocr_debris import OcrDebris
from wijkmodulen.lint.rules.placeholder import Placeholder
from wijkmodulen.lint.rules.required_sections import RequiredSections
from wijkmodulen.lint.rules.schakel_counterpart import SchakelCounterpart
from wijkmodulen.lint.rules.schakel_drift import SchakelDrift
from wijkmodulen.lint.rules.schema import Schema
from wijkmodulen.lint.rules.specificatie import Specificatie
from wijkmodulen.lint.rules.stray_file import StrayFile
from wijkmodulen.lint.rules.suppression_invalid import SuppressionInvalid
from wijkmodulen.lint.rules.suppression_unused import SuppressionUnused
from wijkmodulen.lint.rules.syntax import Syntax
from wijkmodulen.lint.rules.tegenhangers import Tegenhangers
from wijkmodulen.lint.rules.trema import Trema
from wijkmodulen.lint.rules.unknown_reference import UnknownReference
from wijkmodulen.lint.rules.unreached import Unreached
from wijkmodulen.lint.rules.unsafe_characters import UnsafeCharacters
from wijkmodulen.lint.rules.word_budget import WordBudget

_RULES: list[type[Rule]] = [
    Syntax, Schema, StrayFile, SuppressionUnused, SuppressionInvalid, IdMatchesFile, DuplicateId, UnknownReference, DuplicateNummer,
    Tegenhangers, SchakelCounterpart, Specificatie, KoppelingToelichting, KoppelingCollectief, KoppelingBeoordeling,
    RequiredSections, Placeholder, WordBudget, ActivityPunctuation, DoelenResults, OcrDebris, Trema,
    SchakelDrift, Unreached, UnsafeCharacters,
]


def _registry() -> dict[str, type[Rule]]:
    registry: dict[str, type[Rule]] = {}
    for rule in _RULES:
        if rule.code in registry:
            raise RuntimeError(f"rule code {rule.code} used by {registry[rule.code].__name__} and {rule.__name__}")
        registry[rule.code] = rule
    return dict(sorted(registry.items()))


RULES: dict[str, type[Rule]] = _registry()
