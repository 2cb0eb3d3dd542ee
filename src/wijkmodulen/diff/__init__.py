"""Semantic comparison of two knowledge bases: what changed in the methodology, not in the YAML."""
