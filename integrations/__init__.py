"""aplguard.integrations: hosts other than plain Python (installed from integrations/)."""
