"""Helpers of the management tests."""

import pytest


def fel_for(anrop) -> dict:
    """The field messages a service refuses with."""
    with pytest.raises(Exception) as fel:
        anrop()
    return fel.value.message_dict
