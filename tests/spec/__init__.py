"""The executable specification: spec tests by instrument and article, TOML spec cases
(``cases/``), and the clause coverage check (``plugin.py``)."""
