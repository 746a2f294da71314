"""A förbund's budget: budget years, intäkter, rader, utfall and imports of utfall.

Services, the medlemsbidrag calculator, the reading of the economy system's
file, the sammanställning and its tables, pages and API. The app stands
below statistik: the dashboard reads the sammanställning, and the budget
reads nothing of statistik's but SCB's folkmängd for the medlemsbidrag.
"""
