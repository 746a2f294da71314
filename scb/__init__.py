"""SCB's reference data: regions, helårsekvivalenter and folkmängd 20–64 år, read and imported.

On the ground floor beside finsam: it imports nothing of the apps that use it.
"""
