"""`wijkmodulen lsp`: the language server for editors (needs the optional extra `lsp`, pygls)."""
