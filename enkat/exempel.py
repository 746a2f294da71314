"""Finsam's own example questionnaire, in its own words.

The national indicator questionnaires' wording belongs to their owner and
is not shipped here: a förbund with a licence loads it as an XLSForm. This
one shows every kind of question: a scale, several answers, a show-if
question and free text (off until the förbund turns it on).
"""

from enkat.models import Frageform, Varde
from enkat.xlsform import Alternativ, Enkatdata, Fragedata, Indikatordata

P, N, E = Varde.POSITIV, Varde.NEGATIV, Varde.EJ_AKTUELLT
VET_INTE = Alternativ("vet_inte", "Vet inte", E, "Jag vet inte", {"en": "Don't know"})


def _skala(kod, text, lattlast, engelska, alternativ, **villkor) -> Fragedata:
    return Fragedata(
        kod, Frageform.SKALA, text, lattlast, {"en": engelska},
        [Alternativ(k, t, v, lt, {"en": en}) for k, t, v, lt, en in alternativ] + [VET_INTE],
        **villkor,
    )  # fmt: skip


EXEMPELENKAT = Enkatdata(
    kod="finsam-exempel",
    namn="Finsams exempelenkät",
    fragor=[
        _skala(
            "bemotande", "Hur har du blivit bemött i insatsen?",
            "Hur har personalen varit mot dig?", "How have you been treated?",
            [("mycket_bra", "Mycket bra", P, "Mycket bra", "Very well"),
             ("ganska_bra", "Ganska bra", P, "Ganska bra", "Fairly well"),
             ("varken_eller", "Varken bra eller dåligt", N, "Varken bra eller dåligt",
              "Neither well nor badly"),
             ("ganska_daligt", "Ganska dåligt", N, "Ganska dåligt", "Fairly badly"),
             ("mycket_daligt", "Mycket dåligt", N, "Mycket dåligt", "Very badly")],
        ),
        _skala(
            "inflytande", "Har du kunnat påverka vad som händer i insatsen?",
            "Har du fått bestämma saker själv?", "Have you had a say in what happens?",
            [("helt", "Ja, helt", P, "Ja", "Yes, fully"),
             ("delvis", "Ja, delvis", P, "Ja, lite", "Yes, partly"),
             ("nej", "Nej", N, "Nej", "No")],
        ),
        _skala(
            "narmare", "Känner du dig närmare arbete eller studier nu än när du började?",
            "Är du närmare ett jobb eller en utbildning nu?",
            "Do you feel closer to work or studies than when you started?",
            [("mycket", "Ja, mycket närmare", P, "Ja, mycket", "Yes, much closer"),
             ("lite", "Ja, lite närmare", P, "Ja, lite", "Yes, a little closer"),
             ("ingen", "Nej, ingen skillnad", N, "Nej", "No difference"),
             ("langre", "Nej, längre ifrån", N, "Nej, längre bort", "No, further away")],
        ),
        Fragedata(
            "hjalp", Frageform.FLERVAL, "Vad har hjälpt dig mest? Välj ett eller flera.",
            "Vad har hjälpt dig? Du kan välja flera.", {"en": "What helped you most?"},
            [Alternativ("samtal", "Samtal med min kontaktperson", N, "Att prata med någon",
                        {"en": "Talks with my contact person"}),
             Alternativ("praktik", "Praktik", N, "Praktik", {"en": "Work placement"}),
             Alternativ("kurs", "Kurser", N, "Kurser", {"en": "Courses"}),
             Alternativ("myndigheter", "Hjälp med kontakter med myndigheter", N,
                        "Hjälp med myndigheter", {"en": "Help with public authorities"}),
             Alternativ("annat", "Annat", N, "Något annat", {"en": "Something else"})],
        ),
        _skala(
            "myndigheter", "Har det blivit lättare att ha kontakt med myndigheterna?",
            "Är det lättare att prata med myndigheter nu?",
            "Is it easier to deal with public authorities now?",
            [("ja", "Ja", P, "Ja", "Yes"), ("nej", "Nej", N, "Nej", "No")],
            # Only for those who chose help with authorities.
            visa_om="hjalp", visa_om_svar="myndigheter",
        ),
        _skala(
            "rekommendera", "Skulle du rekommendera insatsen till någon i din situation?",
            "Skulle du säga till en kompis att gå hit?",
            "Would you recommend it to someone in your situation?",
            [("ja", "Ja", P, "Ja", "Yes"), ("kanske", "Kanske", N, "Kanske", "Maybe"),
             ("nej", "Nej", N, "Nej", "No")],
        ),
        Fragedata(
            "mer", Frageform.FRITEXT, "Vill du berätta något mer?",
            "Vill du säga något mer?", {"en": "Anything else you want to tell us?"},
        ),
    ],
    indikatorer=[
        Indikatordata("bemotande", "Bra bemötande", [("bemotande", "mycket_bra"),
                                                     ("bemotande", "ganska_bra")]),
        Indikatordata("inflytande", "Inflytande", [("inflytande", "helt"),
                                                   ("inflytande", "delvis")]),
        Indikatordata("narmare", "Närmare arbete eller studier", [("narmare", "mycket"),
                                                                   ("narmare", "lite")]),
        Indikatordata("rekommendera", "Skulle rekommendera", [("rekommendera", "ja")]),
    ],
)  # fmt: skip
