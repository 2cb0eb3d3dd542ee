"""The application layer: what the command line, the preview and the editor server call."""
