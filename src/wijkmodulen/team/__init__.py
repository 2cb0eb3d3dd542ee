"""Team profiles: a neighbourhood team's competences and knowledge against what its modules need."""
