"""One module per schema version, named after it (0001, 0002 ...): append, never edit a released one."""
