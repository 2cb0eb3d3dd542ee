"""`wijkmodulen serve`: the HTML handbook on 127.0.0.1, rebuilt and reloaded while an author edits."""
