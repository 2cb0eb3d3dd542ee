"""Handbooks from the KB: a context gathered once, rendered to HTML or Markdown by jinja2 templates."""
