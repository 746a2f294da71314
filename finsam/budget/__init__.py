"""A förbund's budget: services, the medlemsbidrag calculator, the utfall import, pages and API."""
