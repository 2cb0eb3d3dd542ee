"""wijkmodulen: a knowledge base of neighbourhood social-work modules, checked and printed."""

__version__ = "0.1.0"
