"""One module per ``smpolicy`` subcommand; errors become click errors only here."""
