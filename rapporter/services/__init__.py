"""Services of rapporter: writing a report, ordering and publishing its versions, building them."""
