"""Reading the KB: guarded file reads, safe YAML with positions, the KnowledgeBase, git revisions."""
