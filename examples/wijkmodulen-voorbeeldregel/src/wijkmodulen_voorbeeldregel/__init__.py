"""An example rule plugin for wijkmodulen (see titel_lengte.py and pyproject.toml)."""
