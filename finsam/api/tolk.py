"""The API reads JSON bodies only, and says in Swedish what is wrong with one."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class JsonTolk(JSONParser):
    # DRF's own parser answers bad JSON in English ("JSON parse error - …"),
    # and a body nested deeper than Python's recursion limit escapes it as a
    # RecursionError, a 500. Both are the caller's to mend: a 400.

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("Kroppen är för djupt nästlad för att läsas.") from None
        except ParseError:
            raise ParseError("Kroppen är inte giltig JSON.") from None
