"""Test persons shared by the deltagare tests: valid numbers and the forms a leak takes."""

import datetime

D = datetime.date
# A number with a valid check digit (a woman born 1985), and the forms a leak could take.
PNR = "19850312-2387"
PNR_FORMER = ("198503122387", "8503122387", "850312-2387", "19850312-2387")
MASKERAT = "19850312-****"
# Another valid number (a man born 1981).
PNR_MAN = "19811218-9876"
