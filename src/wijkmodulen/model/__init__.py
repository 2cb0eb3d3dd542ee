"""Pydantic models; field names are the YAML keys the authors write."""

from wijkmodulen.model.bronnen import Bronnen, Publicatie
from wijkmodulen.model.competentie import Competentie, GeneriekeCompetentie, ScwCompetentie, ScwThema
from wijkmodulen.model.inleiding import Inleiding
from wijkmodulen.model.kennisbouwsteen import Kennisbouwsteen
from wijkmodulen.model.module import Module

__all__ = [
    "Bronnen", "Competentie", "GeneriekeCompetentie", "Inleiding", "Kennisbouwsteen", "Module",
    "Publicatie", "ScwCompetentie", "ScwThema",
]
