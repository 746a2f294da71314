"""Demo data: a believable förbund for trying Finsam out (`manage.py seed_demo`, demo/seed.py)."""
