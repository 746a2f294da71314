"""The förbundschef's gallring page: the period, what the next run removes, the last runs."""
