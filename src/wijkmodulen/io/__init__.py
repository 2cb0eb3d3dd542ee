"""The tool's only ways in and out for files on the KB's behalf: ``reader`` and ``writer``."""
