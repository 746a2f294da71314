from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.models import Medlemskap
from tests.factories import InsatsFactory

User = get_user_model()
LOSENORD = "ett-riktigt-bra-losenord"


def kor(*args) -> list[str]:
    ut = StringIO()
    call_command("skapa_anvandare", *args, stdout=ut)
    return ut.getvalue().splitlines()


def test_ny_anvandare_med_losenord(forbund):
    rader = kor(
        "karin", "--forbund", str(forbund.pk), "--roll", "forbundschef", "--password", LOSENORD
    )
    karin = User.objects.get(username="karin")
    assert karin.check_password(LOSENORD)
    assert atkomst(karin).roller == {forbund.pk: frozenset({Roll.FORBUNDSCHEF})}
    assert rader[0].startswith("Användaren karin skapad; roll förbundschef")
    assert not any(LOSENORD in rad for rad in rader)


def test_ny_anvandare_utan_losenord_far_ett_slumpat_som_visas_en_gang(forbund):
    rader = kor("per", "--forbund", str(forbund.pk), "--roll", "styrelse")
    losenord = rader[-1].removeprefix("Lösenord (visas bara nu): ")
    assert losenord != rader[-1]
    assert len(losenord) >= 20
    assert User.objects.get(username="per").check_password(losenord)
    # A second user gets another password.
    andra = kor("eva", "--forbund", str(forbund.pk), "--roll", "styrelse")[-1]
    assert andra.removeprefix("Lösenord (visas bara nu): ") != losenord


def test_befintlig_anvandare_far_ytterligare_roll_och_behaller_losenordet(
    forbund, insats, annan_insats
):
    kor("ahmed", "--forbund", str(forbund.pk), "--roll", "styrelse", "--password", LOSENORD)
    rader = kor(
        "ahmed",
        "--forbund",
        str(forbund.pk),
        "--roll",
        "samordnare",
        "--insats",
        str(insats.pk),
        "--insats",
        str(annan_insats.pk),
    )
    ahmed = User.objects.get(username="ahmed")
    assert ahmed.check_password(LOSENORD)
    assert atkomst(ahmed).roller == {forbund.pk: frozenset({Roll.STYRELSE, Roll.SAMORDNARE})}
    assert atkomst(ahmed).samordnare_insatser == {insats.pk, annan_insats.pk}
    assert rader[0].startswith("Användaren ahmed finns redan; roll samordnare")
    assert not any(rad.startswith("Lösenord") for rad in rader)


@pytest.mark.parametrize(
    ("argument", "meddelande"),
    [
        (["--forbund", "999999", "--roll", "styrelse"], "Det finns inget förbund med id 999999."),
        (["--forbund", "ett", "--roll", "styrelse"], "Förbundets id ska vara ett heltal"),
        (["--forbund", "{forbund}", "--roll", "chef"], "Okänd roll ”chef”. Välj forbundschef"),
        (["--roll", "styrelse"], "Ange både --forbund ID och --roll."),
        (
            ["--forbund", "{forbund}", "--roll", "samordnare", "--insats", "{annat}"],
            "Förbundet har ingen insats med id {annat}.",
        ),
        (
            ["--forbund", "{forbund}", "--roll", "styrelse", "--insats", "{insats}"],
            "Endast samordnare knyts till insatser.",
        ),
        (
            ["--forbund", "{forbund}", "--roll", "styrelse", "--password", "kort"],
            "Det här lösenordet är för kort.",
        ),
    ],
)
def test_felaktiga_argument_ger_svenskt_fel_och_ingen_anvandare(
    forbund, insats, annat_forbund, argument, meddelande
):
    annat = InsatsFactory(forbund=annat_forbund)
    ersatt = {"forbund": forbund.pk, "insats": insats.pk, "annat": annat.pk}
    argument = [a.format(**ersatt) for a in argument]
    with pytest.raises(CommandError, match=meddelande.format(**ersatt)):
        kor("ny", *argument)
    assert not User.objects.filter(username="ny").exists()
    assert not Medlemskap.objects.filter(user__username="ny").exists()
