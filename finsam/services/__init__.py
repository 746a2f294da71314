"""Every write of the core app: validated, in a transaction, permission-checked."""
