"""The jämställdhetsanalys from the engine's figures, checked against hand-computed cases."""

from statistik.berakning import forbund_statistik, insats_statistik
from statistik.jamstalldhet.analys import MATT, forbundets_utfall, insatsens_utfall
from tests.factories import InsatsFactory
from tests.statistik.bygg import D, inskriv

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)


def _avslutad(insats, kon, orsak, steg=None):
    bedomningar = (
        ((D(2024, 2, 1), "start", steg[0]), (D(2024, 5, 31), "avslut", steg[1])) if steg else ()
    )
    inskriv(
        insats,
        kon=kon,
        start=D(2024, 2, 1),
        slut=D(2024, 5, 31),
        orsak=orsak,
        bedomningar=bedomningar,
    )


def _blandad(insats):
    """Women: arbete ×2 (steg 1 → 3), egen begäran, avliden. Men: ohälsa ×2 (steg 2 → 2),
    flyttat. Annat: studier."""
    _avslutad(insats, "kvinna", "arbete", steg=(1, 3))
    _avslutad(insats, "kvinna", "arbete", steg=(1, 3))
    _avslutad(insats, "kvinna", "egen_begaran")
    _avslutad(insats, "kvinna", "avliden")
    _avslutad(insats, "man", "ohalsa", steg=(2, 2))
    _avslutad(insats, "man", "ohalsa")
    _avslutad(insats, "man", "flyttat")
    _avslutad(insats, "annat", "studier")


def _per_matt(utfall):
    return {u.matt: u for u in utfall}


def test_insatsens_utfall_for_hand(insats):
    _blandad(insats)
    utfall = _per_matt(insatsens_utfall(insats_statistik(insats=insats, fran=FRAN, till=TILL)))
    assert list(utfall) == list(MATT)

    # Till arbete eller studier: 2 of 4 women (the avlidna count here), 0 of 3 men.
    # Fisher: 2 successes among 7; P(k women) = C(4, k) C(3, 2 − k) / C(7, 2) =
    # 3, 12, 6 of 21 for k = 0, 1, 2; as likely or less than the 6 seen: k = 0 and 2,
    # p = 9/21 = 0.429.
    arbete = utfall["till_arbete_eller_studier"]
    j = arbete.jamforelse
    assert (j.kvinnor.antal, j.kvinnor.av, j.kvinnor.andel) == (2, 4, 50.0)
    assert (j.man.antal, j.man.av, j.man.andel) == (0, 3, 0.0)
    assert j.kvinnor.ki_lag is None  # fewer than five: no interval
    assert j.skillnad.procentenheter == 50.0
    assert (j.p_varde, j.sakerstalld) == (0.429, False)
    assert (arbete.annat.antal, arbete.annat.av, arbete.annat.andel) == (1, 1, 100.0)

    # Avbrott: egen begäran of the 3 women who did not die, all 3 men (ohälsa, flyttat).
    # Fisher: 4 among 6; P(k) = C(3, k) C(3, 4 − k) / C(6, 4) = 3, 9, 3 of 15 for
    # k = 1, 2, 3; p = 6/15 = 0.4.
    j = utfall["avbrott"].jamforelse
    assert (j.kvinnor.antal, j.kvinnor.av, j.kvinnor.andel) == (1, 3, 33.3)
    assert (j.man.antal, j.man.av, j.man.andel) == (3, 3, 100.0)
    assert j.skillnad.procentenheter == -66.7
    assert j.p_varde == 0.4

    # Stegförflyttning: both women with two bedömningar moved up, the one man did not.
    # Fisher: 2 among 3; P(k women) = C(2, k) C(1, 2 − k) / C(3, 2) = 2, 1 of 3 for
    # k = 1, 2; only the table seen is as unlikely, p = 1/3.
    j = utfall["stegforflyttning"].jamforelse
    assert (j.kvinnor.antal, j.kvinnor.av, j.man.antal, j.man.av) == (2, 2, 0, 1)
    assert j.p_varde == 0.333

    # No follow-ups: nothing to compare, and the page says why.
    j = utfall["effekt_6_manader"].jamforelse
    assert j.sakerstalld is None and j.skillnad.procentenheter is None
    assert j.utlatande == "Går inte att jämföra: underlaget har inga kvinnor."


def test_en_insats_med_bara_kvinnor(forbund):
    insats = InsatsFactory(forbund=forbund, namn="Kvinnohälsa")
    _avslutad(insats, "kvinna", "arbete", steg=(1, 4))
    _avslutad(insats, "kvinna", "ohalsa", steg=(2, 1))
    for utfall in insatsens_utfall(insats_statistik(insats=insats, fran=FRAN, till=TILL)):
        j = utfall.jamforelse
        assert j.man.av == 0 and j.p_varde is None and j.sakerstalld is None
        if j.kvinnor.av:
            assert j.utlatande == "Går inte att jämföra: underlaget har inga män."
    arbete = insatsens_utfall(insats_statistik(insats=insats, fran=FRAN, till=TILL))[0]
    assert (arbete.jamforelse.kvinnor.antal, arbete.jamforelse.kvinnor.av) == (1, 2)


def test_forbundet_summerar_sina_insatser(forbund, insats):
    _blandad(insats)
    annan = InsatsFactory(forbund=forbund, namn="ALL-IN")
    _avslutad(annan, "kvinna", "studier")
    _avslutad(annan, "man", "arbete")
    utfall = _per_matt(forbundets_utfall(forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)))
    j = utfall["till_arbete_eller_studier"].jamforelse
    # 2 of 4 and 1 of 1 women; 0 of 3 and 1 of 1 men.
    assert (j.kvinnor.antal, j.kvinnor.av, j.man.antal, j.man.av) == (3, 5, 1, 4)
    assert (j.kvinnor.andel, j.man.andel) == (60.0, 25.0)
    assert j.kvinnor.ki_lag is not None  # five women: an interval


def test_for_en_partnyckel_doljs_rader_med_fa_personer(insats):
    _blandad(insats)
    statistik = insats_statistik(insats=insats, fran=FRAN, till=TILL)
    utfall = _per_matt(insatsens_utfall(statistik, min_cell=3))
    # 2 of 4 women to arbete (and annat's 1): the whole row is hidden, or the
    # difference and p-value would give the counts back.
    j = utfall["till_arbete_eller_studier"].jamforelse
    assert j.dold
    assert (j.kvinnor.antal, j.man.av, j.skillnad.procentenheter, j.p_varde, j.sakerstalld) == (
        None,
    ) * 5
    assert j.utlatande == "Visas inte: för få personer för att redovisas."
    # Nobody followed up: zero describes nobody, nothing to hide.
    assert not utfall["effekt_6_manader"].jamforelse.dold
    # The förbundschef sees every row.
    assert not any(u.jamforelse.dold for u in insatsens_utfall(statistik))


def test_forbundets_rad_doljs_nar_en_insats_rad_doljs(forbund, insats):
    for i in range(6):
        _avslutad(insats, "kvinna", "arbete" if i < 3 else "annan")
        _avslutad(insats, "man", "arbete" if i < 3 else "annan")
    liten = InsatsFactory(forbund=forbund, namn="Liten")
    _avslutad(liten, "kvinna", "arbete")
    statistik = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    arbete = _per_matt(forbundets_utfall(statistik, min_cell=3))["till_arbete_eller_studier"]
    # 4 of 7 women and 3 of 6 men is no small count, but the small insats's 1 of 1
    # is hidden in its own statistics: the sum less the large one would give it back.
    assert arbete.jamforelse.dold
    utan_mask = _per_matt(forbundets_utfall(statistik))["till_arbete_eller_studier"]
    assert (utan_mask.jamforelse.kvinnor.antal, utan_mask.jamforelse.kvinnor.av) == (4, 7)
