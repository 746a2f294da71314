from rest_framework.pagination import PageNumberPagination


class Sidindelning(PageNumberPagination):
    """`?page=2&page_size=100`; at most 500 rows a page."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    # DRF's own descriptions have no Swedish translation; they show in docs/.
    page_query_description = "Sidnummer, från 1."
    page_size_query_description = "Antal rader per sida (högst 500, 50 om inget anges)."
