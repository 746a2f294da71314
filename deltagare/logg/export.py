"""The access log as a CSV file, for the förbund's dataskyddsombud.

Written by finsam.export like every other file, so a cell typed by a user
(a username, an insats's name) cannot run as a formula in a spreadsheet.
"""

import pandas as pd
from django.db.models import QuerySet
from django.utils import timezone

from deltagare.models import Atkomstlogg
from finsam.export import som_csv
from finsam.models import Forbund
from finsam.tabeller import Tabellvy

KOLUMNER = [
    "Användare",
    "Handling",
    "Deltagare (pseudonym)",
    "Insats",
    "Från (IP-adress)",
    "Sida eller anrop",
]


def _tid(tidpunkt) -> str:
    return f"{timezone.localtime(tidpunkt):%Y-%m-%d %H:%M:%S}"


def atkomstlogg_som_csv(*, forbund: Forbund, rader: QuerySet[Atkomstlogg]) -> bytes:
    """One line per event, newest first, full pseudonyms (the DSO may need to follow one)."""
    tider, data = [], []
    for rad in rader.select_related("insats").iterator(chunk_size=2000):
        tider.append(_tid(rad.tidpunkt))
        data.append(
            [
                rad.anvandarnamn,
                rad.get_handling_display(),
                str(rad.deltagare_pseudonym),
                rad.insats.namn if rad.insats else "",
                rad.ursprung,
                rad.vag,
            ]
        )
    tabell = Tabellvy(
        id="handelser",
        rubrik="Händelser",
        radrubrik="Tidpunkt",
        data=pd.DataFrame(data, index=pd.Index(tider), columns=KOLUMNER),
    )
    huvud = [
        ("Åtkomstlogg", forbund.namn),
        ("Uttagen", _tid(timezone.now())),
        ("Antal händelser", str(len(tider))),
    ]
    return som_csv(huvud, [tabell])
