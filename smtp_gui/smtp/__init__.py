"""The mail engine: connection check and test send, with diagnosis. No Qt here."""
