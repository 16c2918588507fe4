"""The command-line edge: thin Typer commands over the library."""
