"""Lint: rules over a KnowledgeBase, an engine that runs them, reporters that print the result."""
