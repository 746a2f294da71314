"""The permission matrix of the web pages: one row per route, GET and an empty POST.

Callers in the order of AKTORER:  A  S  K  C  B  U  P  N
(anonymous, samordnare of the insats, samordnare of another insats,
förbundschef, styrelse, förbundschef of another förbund, part key,
the samordnare's personal key). L is a redirect to the sign-in page, R any
other redirect.

Rules that hold throughout: the pages are behind the sign-in, and a key
signs no one in to them (P and N are always L: keys are for the API).
Anything outside one's role or reach is 404, never 403 (finsam/grindar.py),
so a page does not tell that a row exists. A page of the förbundschef's own
förbund (no row in the URL) opens for U too: it shows B's data, not A's.
An empty POST is refused with 404 to the wrong roles before any form is
read; the right role gets the form back with its errors (400), the page
(200, a GET-only page ignores the method) or a redirect (R).
"""

from tests.sakerhet.matris import Rad

INLOGGADE = "L 200 200 200 200 200 L L"
FEL_METOD = "L 405 405 405 405 405 L L"  # the method is not the page's, for everyone signed in
INGEN = "L 404 404 404 404 404 L L"
# The samordnare's pages about the insats's rows: only the insats's own samordnare.
SAMORDNAREN = "L 200 404 404 404 404 L L"
SAMORDNAREN_400 = "L 400 404 404 404 404 L L"
# The förbundschef's pages about a row of A's.
CHEFEN = "L 404 404 200 404 404 L L"
CHEFEN_400 = "L 404 404 400 404 404 L L"
CHEFEN_R = "L 404 404 R 404 404 L L"
# A POST-only page: a förbundschef (either förbund's) gets 405 to a GET, since
# the role is checked before the method, and the row only then.
CHEFEN_405 = "L 404 404 405 404 404 L L"
VARJE_CHEF_405 = "L 404 404 405 404 405 L L"
# The förbundschef's pages of the own förbund.
VARJE_CHEF = "L 404 404 200 404 200 L L"
VARJE_CHEF_400 = "L 404 404 400 404 400 L L"
STATISTIK_FOR_INSATSEN = "L 200 404 200 200 404 L L"  # its samordnare, the chef, the styrelse
BUDGETEN = "L 404 404 200 200 404 L L"  # the chef writes, the styrelse reads
# Every member of A's förbund.
FORBUNDETS_MEDLEMMAR = "L 200 200 200 200 404 L L"
# A measurement's own: its samordnare and the chef get the form back (400).
MATNINGENS_400 = "L 400 404 400 404 404 L L"
ALLA = "200 200 200 200 200 200 200 200"
ALLA_400 = "400 400 400 400 400 400 400 400"
ALLA_405 = "405 405 405 405 405 405 405 405"
ALLA_503 = "503 503 503 503 503 503 503 503"
# The förbund's figures unmasked: its chef and styrelse (another förbund's chef sees its own).
FORBUNDETS_STATISTIK = "L 404 404 200 200 200 L L"

SIDOR = {
    # --- Konto: every signed-in user's own account, keys and two-factor. The sign-in
    # page answers everyone; a signed-in user is sent on from the TOTP step (R).
    "mitt_konto": Rad(get=INLOGGADE, post=INLOGGADE),
    "login": Rad(get="200 200 200 200 200 200 200 200", post="200 200 200 200 200 200 200 200"),
    "logout": Rad(get="405 405 405 405 405 405 405 405", post="L L L L L L L L"),
    "tvafaktor_verifiera": Rad(get="L R R R R R L L", post="L R R R R R L L"),
    "tvafaktor_aktivera": Rad(get=INLOGGADE, post=INLOGGADE),
    "tvafaktor_avaktivera": Rad(get=FEL_METOD, post="L R R R R R L L"),
    "nycklar": Rad(get=INLOGGADE, post=INLOGGADE),
    "nyckel_ny": Rad(get=INLOGGADE, post="L 400 400 400 400 400 L L"),
    "nyckel_skapad": Rad("personlig_nyckel", get=SAMORDNAREN, post=SAMORDNAREN),
    "nyckel_aterkalla": Rad("personlig_nyckel", get=FEL_METOD, post="L R 404 404 404 404 L L"),
    # --- The samordnare's insats pages and deltagare: identities are theirs alone.
    "mina_insatser": Rad(get="L 200 200 404 404 404 L L", post="L 200 200 404 404 404 L L"),
    "insats_berattelse": Rad("insats", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "insats_anonyma": Rad("insats", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:lista": Rad(get=SAMORDNAREN, post=FEL_METOD),
    "deltagare:sok": Rad(get=FEL_METOD, post=SAMORDNAREN_400),
    "deltagare:registrera": Rad(get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:uppfoljningar": Rad(get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:sida": Rad("deltagare", get=SAMORDNAREN, post=FEL_METOD),
    "deltagare:rattelse": Rad("deltagare", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:bedomning": Rad("inskrivning", get=FEL_METOD, post=SAMORDNAREN_400),
    "deltagare:startuppgifter": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:avsluta": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:felregistrera": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:bedomning_andra": Rad("bedomning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:bedomning_ta_bort": Rad("bedomning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:avslut_ratta": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:ateroppna": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:felregistrering_angra": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    "deltagare:samtycke_aterkalla": Rad("inskrivning", get=SAMORDNAREN, post=SAMORDNAREN_400),
    # --- Registerutdrag: the chef sees status and frist, never the content (README).
    "registerutdrag:chef": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "registerutdrag:besvara": Rad("begaran", get=VARJE_CHEF_405, post=CHEFEN_R),
    "registerutdrag:mina": Rad(get="L 200 200 404 404 404 L L", post="L 405 405 404 404 404 L L"),
    "registerutdrag:registrera": Rad("deltagare", get=FEL_METOD, post="L R 404 404 404 404 L L"),
    "registerutdrag:begaran": Rad("begaran", get=SAMORDNAREN, post=FEL_METOD),
    "registerutdrag:del": Rad("begaran", get=FEL_METOD, post="L R 404 404 404 404 L L"),
    "registerutdrag:lamna": Rad("begaran", get=FEL_METOD, post="L R 404 404 404 404 L L"),
    "registerutdrag:pdf": Rad("begaran", get=SAMORDNAREN, post=FEL_METOD),
    "registerutdrag:json": Rad("begaran", get=SAMORDNAREN, post=FEL_METOD),
    # --- Access log and gallring: the förbundschef's.
    "atkomstlogg": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "atkomstlogg_export": Rad(get=VARJE_CHEF, post=VARJE_CHEF_405),
    "atkomstlogg_granskningar": Rad(get=VARJE_CHEF, post=VARJE_CHEF_405),
    "atkomstlogg_granskning": Rad(get=CHEFEN, post=CHEFEN),
    "gallring": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    # --- Rapporter: published versions for the styrelse, the writing for the chef.
    # The world's version is still queued: no file to fetch for anyone yet.
    "rapporter": Rad(get="L 404 404 404 200 404 L L", post="L 404 404 404 200 404 L L"),
    "rapport_fil": Rad("rapport", get=INGEN, post=INGEN),
    "rapport_bestall_helarsekvivalenter": Rad(get=VARJE_CHEF_405, post="L 404 404 R 404 R L L"),
    "rapport_status": Rad("rapport", get=CHEFEN, post=CHEFEN),
    "rapport_hamta": Rad("rapport", get=INGEN, post=INGEN),
    "rapport_publicera": Rad("rapport", get=VARJE_CHEF_405, post=CHEFEN_R),
    "rapportdokument:lista": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "rapportdokument:ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "rapportdokument:visa": Rad("dokument", get=CHEFEN, post=CHEFEN),
    "rapportdokument:installningar": Rad("dokument", get=VARJE_CHEF_405, post=CHEFEN_400),
    "rapportdokument:generera": Rad("dokument", get=VARJE_CHEF_405, post=CHEFEN_R),
    "rapportdokument:paminn": Rad("dokument", get=VARJE_CHEF_405, post=CHEFEN_R),
    "rapportdokument:avsnitt_ny": Rad("dokument", get=VARJE_CHEF_405, post=CHEFEN_400),
    "rapportdokument:avsnitt": Rad("dokument", get=CHEFEN, post=CHEFEN_400),
    "rapportdokument:avsnitt_flytta": Rad("dokument", get=VARJE_CHEF_405, post=CHEFEN_R),
    "rapportdokument:avsnitt_ta_bort": Rad("dokument", get=CHEFEN, post=CHEFEN_R),
    # --- Statistik: SCB's import is the administrator's alone (no förbund's user).
    "statistik_scb_import": Rad(get=INGEN, post=INGEN),
    # The dashboard shows a samordnare the links to its own insatser; an insats's page
    # is for those who see it unmasked (the API gives other samordnare a masked view).
    "statistik": Rad(get=INLOGGADE, post=INLOGGADE),
    "statistik_insats": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "statistik_jamstalldhet": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    "statistik_jamstalldhet_csv": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    "statistik_jamstalldhet_excel": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    # --- Kalkyl: every member reads the assumptions a figure rests on; the chef writes.
    "kalkyl_antaganden": Rad(get=INLOGGADE, post=VARJE_CHEF_400),
    "kalkyl_metod": Rad(get=INLOGGADE, post=INLOGGADE),
    "kalkyl_insats": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "kalkyl_insats_csv": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "kalkyl_insats_excel": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    # --- Deltagarenkät: every member reads the questionnaires, the chef loads them; the
    # chef and the insats's samordnare open its measurements; results as statistics.
    "enkater": Rad(get=INLOGGADE, post=VARJE_CHEF_400),
    "enkat_exempel": Rad(get=FEL_METOD, post="L 404 404 R 404 R L L"),
    # Its settings (free text, yardsticks) are the chef's; an empty form turns free text off.
    "enkat": Rad("enkat", get=FORBUNDETS_MEDLEMMAR, post=CHEFEN_R),
    "enkat_xlsform": Rad("enkat", get=FORBUNDETS_MEDLEMMAR, post=FORBUNDETS_MEDLEMMAR),
    "enkat_csv": Rad("enkat", get=FORBUNDETS_MEDLEMMAR, post=FORBUNDETS_MEDLEMMAR),
    # In use by a measurement: the chef's removal is refused and sent back.
    "enkat_radera": Rad("enkat", get=FEL_METOD, post=CHEFEN_R),
    "enkat_insats": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=MATNINGENS_400),
    "enkat_insats_csv": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "enkat_insats_excel": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "enkat_matning": Rad("matning", get=STATISTIK_FOR_INSATSEN, post=MATNINGENS_400),
    # It has answers: the removal is refused and sent back.
    "enkat_matning_radera": Rad("matning", get=FEL_METOD, post="L R 404 R 404 404 L L"),
    "enkat_affisch": Rad("matning", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "enkat_papper": Rad("matning", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "enkat_papperssvar": Rad("matning", get="L 200 404 200 404 404 L L", post=MATNINGENS_400),
    "enkat_papperssvar_angra": Rad("matning", get=FEL_METOD, post="L R 404 R 404 404 L L"),
    # The participants' pages answer everyone with the link, signed in or not, keys too.
    "enkat_start": Rad(get=ALLA, post=ALLA),
    "enkat_svara": Rad(get=ALLA, post=ALLA),
    "enkat_tack": Rad(get=ALLA, post=ALLA),
    "statistik_behov": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    "statistik_behov_csv": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    "statistik_behov_excel": Rad(get=FORBUNDETS_STATISTIK, post=FORBUNDETS_STATISTIK),
    "statistik_insats_jamstalldhet": Rad(
        "insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN
    ),
    "statistik_insats_jamstalldhet_csv": Rad(
        "insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN
    ),
    "statistik_insats_jamstalldhet_excel": Rad(
        "insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN
    ),
    "statistik_insats_csv": Rad("insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN),
    "statistik_insats_excel": Rad(
        "insats", get=STATISTIK_FOR_INSATSEN, post=STATISTIK_FOR_INSATSEN
    ),
    "helarsekvivalenter": Rad(get=INLOGGADE, post=INLOGGADE),
    "helarsekvivalenter_csv": Rad(get=INLOGGADE, post=INLOGGADE),
    "helarsekvivalenter_excel": Rad(get=INLOGGADE, post=INLOGGADE),
    # --- Hantering: the förbundschef's.
    # --- Login with e-legitimation: open to everyone, as the sign-in page is. Without
    # SP keys in this world SAML's metadata answers 503; an answer or a logout
    # without its SAML message is 400; OIDC to no known provider 404, back with no state 403.
    # Without ?idp= the login goes back to the sign-in page, where the IdPs are.
    "saml2_login": Rad(get="L L L L L L L L", post=ALLA_405),
    "saml2_acs": Rad(get=ALLA_405, post=ALLA_400),
    "saml2_logout": Rad(get=ALLA_405, post="L L L L L L L L"),
    "saml2_ls": Rad(get=ALLA_400, post=ALLA_405),
    "saml2_metadata": Rad(get=ALLA_503, post=ALLA_405),
    "oidc_login": Rad(get="404 404 404 404 404 404 404 404", post=ALLA_405),
    "oidc_callback": Rad(get="403 403 403 403 403 403 403 403", post=ALLA_405),
    "oidc_jwks": Rad(get=ALLA, post=ALLA_405),
    # The förbundschef's invitations.
    "elegitimation:inbjudningar": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "elegitimation:inbjudan_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "elegitimation:inbjudan_aterkalla": Rad("inbjudan", get=CHEFEN, post=CHEFEN_R),
    "hantering:insatser": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "hantering:insats_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:insats_andra": Rad("insats", get=CHEFEN, post=CHEFEN_400),
    "hantering:insats_avsluta": Rad("insats", get=CHEFEN, post=CHEFEN_400),
    "hantering:nyckeltal": Rad("strukturinsats", get=CHEFEN, post=CHEFEN_400),
    "hantering:nyckeltal_andra": Rad("strukturinsats", get=CHEFEN, post=CHEFEN_400),
    "hantering:stegskalor": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "hantering:stegskala_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:organisation": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:uppdrag_andra": Rad("uppdrag", get=CHEFEN, post=CHEFEN_400),
    "hantering:uppdrag_ta_bort": Rad("uppdrag", get=CHEFEN, post=CHEFEN_R),
    "hantering:parter": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:part_andra": Rad("part", get=CHEFEN, post=CHEFEN_400),
    "hantering:part_ta_bort": Rad("part", get=CHEFEN, post=CHEFEN_400),
    "hantering:installningar": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:nycklar": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "hantering:partnyckel_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:nyckel_skapad": Rad("partnyckel", get=CHEFEN, post=CHEFEN),
    "hantering:nyckel_aterkalla": Rad("partnyckel", get=VARJE_CHEF_405, post=CHEFEN_R),
    "hantering:anvandare": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    "hantering:anvandare_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "hantering:anvandare_skapad": Rad("anvandare", get=CHEFEN, post=CHEFEN),
    "hantering:roll_lagg_till": Rad("anvandare", get=CHEFEN, post=CHEFEN_400),
    "hantering:roll_ta_bort": Rad("medlemskap", get=CHEFEN, post=CHEFEN_R),
    "oversikt": Rad(get=VARJE_CHEF, post=VARJE_CHEF),
    # --- Budget: the styrelse reads the list and summaries; the rest is the chef's.
    "budget:budgetar": Rad(get="L 404 404 200 200 200 L L", post="L 404 404 200 200 200 L L"),
    "budget:budgetar_ny": Rad(get=VARJE_CHEF, post=VARJE_CHEF_400),
    "budget:sammanstallning": Rad("budgetar", get=BUDGETEN, post=BUDGETEN),
    "budget:sammanstallning_csv": Rad("budgetar", get=BUDGETEN, post=BUDGETEN),
    "budget:sammanstallning_excel": Rad("budgetar", get=BUDGETEN, post=BUDGETEN),
    "budget:budgetar_andra": Rad("budgetar", get=CHEFEN, post=CHEFEN_400),
    "budget:intakter": Rad("budgetar", get=CHEFEN, post=CHEFEN_400),
    "budget:medlemsbidrag": Rad("budgetar", get=CHEFEN, post=CHEFEN),
    "budget:rader": Rad("budgetar", get=CHEFEN, post=CHEFEN),
    "budget:rad_ny": Rad("budgetar", get=CHEFEN, post=CHEFEN),
    "budget:rad_andra": Rad("budgetar", get=CHEFEN, post=CHEFEN_400),
    "budget:rad_ta_bort": Rad("budgetar", get=CHEFEN, post=CHEFEN_400),
    "budget:utfallsimport_ny": Rad(get=CHEFEN, post=CHEFEN_400),
    "budget:utfallsimport_granska": Rad("utfallsimport", get=CHEFEN, post=CHEFEN),
    "budget:utfallsimport_koppla": Rad("utfallsimport", get=CHEFEN_405, post=CHEFEN_400),
    "budget:utfallsimport_starta": Rad("utfallsimport", get=CHEFEN_405, post=CHEFEN_R),
    "budget:utfallsimport_status": Rad("utfallsimport", get=CHEFEN, post=CHEFEN),
    # --- The start page sends each role to its own; choosing a förbund needs one of the user's.
    "startsida": Rad(get="L R R R R R L L", post="L R R R R R L L"),
    "forbund_valj": Rad(get=FEL_METOD, post=INGEN),
    # --- Drift: the health check answers everyone, keys too, with ok or fel per service only.
    "halsa": Rad(get="200 200 200 200 200 200 200 200", post="405 405 405 405 405 405 405 405"),
}
