"""SCB's table of helårsekvivalenter 20–64 år: reading its files and importing them."""
