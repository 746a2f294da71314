"""`deltagare/`, `inskrivningar/` and `insatser/{id}/anonyma/` (API.md).

Scoped like the pages: rows come from `visible_to` (the samordnare of the
insats only; anything else is 404), writes go through the same services,
and every read is written to the access log by `DeltagardataViewSet`.
"""

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from deltagare.api.filters import DeltagareFilter, InskrivningFilter
from deltagare.api.serializers import (
    AnonymaSerializer,
    AnonymaSvarSerializer,
    AteroppnaSerializer,
    AvslutSerializer,
    DeltagareSerializer,
    DeltagareSokSerializer,
    InskrivningAndraSerializer,
    InskrivningSerializer,
    StegbedomningSerializer,
    UppfoljningSerializer,
)
from deltagare.atkomstlogg import Handling, logga_sedda
from deltagare.models import UPPFOLJNINGSTYPER, Deltagare, Forsorjning, Inskrivning
from deltagare.selectors import anonyma_lista, deltagare_sok, personnummer_maskerade
from deltagare.services import (
    anonyma_registrera,
    deltagare_registrera,
    inskrivning_ateroppna,
    inskrivning_avsluta,
    inskrivning_skapa,
    inskrivning_uppdatera,
    stegbedomning_lagg_till,
    uppfoljning_registrera,
)
from deltagare.services.rimlighet import SammaPersonFraga
from finsam.api.behorighet import ArInloggad
from finsam.api.felform import felsvar
from finsam.api.schema import felsvar_schema
from finsam.api.views import SynligViewSet
from insatser.models import Insats


class IngenPartnyckel(BasePermission):
    """Deltagare-level data are never for a part key: parter see aggregates only (DOMAIN.md §6)."""

    message = "En partnyckel ger endast tillgång till sammanställda uppgifter."

    def has_permission(self, request, view) -> bool:
        return not hasattr(request.user, "part_nyckel")


class DeltagardataViewSet(SynligViewSet):
    # Deltagare-level data (DOMAIN.md §2). Every read is logged here, once,
    # whatever the endpoint: a list page logs the deltagare on it and a
    # detail read (a sub-resource such as bedomningar too) logs its
    # deltagare. Writes are logged by their service, so a write's own
    # `get_object` is not logged again. Part keys are refused before that.

    # The part-key check comes first so a part key always hears why.
    permission_classes = [IngenPartnyckel, ArInloggad]

    def loggpost(self, rad) -> tuple[Deltagare, Insats | None]:
        """The deltagare a row shows, and the insats it was seen in (if any)."""
        raise NotImplementedError

    def paginate_queryset(self, queryset: QuerySet):
        sida = super().paginate_queryset(queryset)
        self.logga_lasning(queryset if sida is None else sida)
        return sida

    def get_object(self):
        objekt = super().get_object()
        if self.request.method in SAFE_METHODS:
            self.logga_lasning([objekt])
        return objekt

    def logga_lasning(self, rader) -> None:
        # One row per deltagare per read, even when a page shows a person
        # twice; a person seen in two insatser is logged without insats.
        sedda: dict[int, tuple[Deltagare, Insats | None]] = {}
        for rad in rader:
            deltagare, insats = self.loggpost(rad)
            if deltagare.pk in sedda and sedda[deltagare.pk][1] != insats:
                insats = None
            sedda[deltagare.pk] = (deltagare, insats)
        logga_sedda(user=self.request.user, handling=Handling.LAS, sedda=sedda.values())


class DeltagareViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, DeltagardataViewSet
):
    """Deltagare i anroparens egna insatser (endast samordnare för insatsen).

    Registrera med `{forbund, personnummer, samtycke_datum}` eller, utan
    identitet, `{forbund, referens, kon, fodelsear}`. En samordnare ser också
    de deltagare hen själv har registrerat men ännu inte skrivit in.
    Personnummer visas aldrig, högst `personnummer_maskerat`. Varje läsning loggas.
    """

    queryset = Deltagare.objects.order_by("id")
    serializer_class = DeltagareSerializer
    filterset_class = DeltagareFilter

    def loggpost(self, rad: Deltagare) -> tuple[Deltagare, None]:
        return rad, None

    def get_serializer(self, *args, **kwargs):
        # A list asks once whose identity the caller may see (consent per
        # inskrivning), not once per row.
        if kwargs.get("many") and args:
            rader = list(args[0])
            args = (rader, *args[1:])
            kwargs["context"] = {
                **self.get_serializer_context(),
                "personnummer_maskerade": personnummer_maskerade(rader, self.request.user),
            }
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, serializer) -> None:
        serializer.instance = deltagare_registrera(
            **serializer.validated_data, user=self.request.user
        )

    @extend_schema(
        responses={
            201: DeltagareSerializer,
            409: felsvar_schema(
                "SammaPersonFraga",
                ["samma_person"],
                samma_person_fraga=serializers.BooleanField(),
            ),
        }
    )
    def create(self, request, *args, **kwargs) -> Response:
        """Registrera. En referens som redan används svarar 409 utan `ny_person: true`."""
        try:
            return super().create(request, *args, **kwargs)
        except SammaPersonFraga as fraga:
            (meddelande,) = fraga.messages
            return Response(
                {
                    **felsvar(kod="samma_person", detalj=meddelande, attr="referens"),
                    "samma_person_fraga": True,
                },
                status=status.HTTP_409_CONFLICT,
            )

    @extend_schema(request=DeltagareSokSerializer, responses=DeltagareSerializer(many=True))
    @action(detail=False, methods=["post"], pagination_class=None, filter_backends=[])
    def sok(self, request, *args, **kwargs) -> Response:
        """Sök bland anroparens deltagare på personnummer (exakt) eller referens (del av).

        Ett POST, så att personnumret aldrig står i en adress. Träffarna loggas.
        """
        fraga = DeltagareSokSerializer(data=request.data)
        fraga.is_valid(raise_exception=True)
        # The search logs its hits itself.
        traffar = deltagare_sok(user=request.user, **fraga.validated_data)
        return Response(self.get_serializer(traffar, many=True).data)


@extend_schema_view(partial_update=extend_schema(responses={200: InskrivningSerializer}))
class InskrivningViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    DeltagardataViewSet,
):
    """Inskrivningar i anroparens egna insatser (endast samordnare för insatsen).

    Filter: `insats` (dess delinsatser ingår), `deltagare`, `aktiv`,
    `startdatum_fran`, `startdatum_till`. PATCH ändrar startuppgifterna; med
    `version` svarar ändringen 409 om någon annan har sparat under tiden.
    Varje läsning loggas.
    """

    queryset = (
        Inskrivning.objects.select_related("deltagare", "insats__stegskala")
        .prefetch_related("forsorjning")
        .order_by("-startdatum", "-id")
    )
    serializer_class = InskrivningSerializer
    filterset_class = InskrivningFilter
    # PATCH only: a PUT would reset every field left out to its default.
    # DELETE only on `avslut/` (reopen): there is no destroy.
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_serializer_class(self):
        if self.action == "partial_update":
            return InskrivningAndraSerializer
        return self.serializer_class

    def loggpost(self, rad: Inskrivning) -> tuple[Deltagare, Insats]:
        return rad.deltagare, rad.insats

    def perform_create(self, serializer) -> None:
        serializer.instance = inskrivning_skapa(**serializer.validated_data, user=self.request.user)

    def perform_update(self, serializer) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = inskrivning_uppdatera(
            inskrivning=serializer.instance,
            version=data.pop("version", None),
            forsorjning_vid_start=data.pop("forsorjning_vid_start", None),
            user=self.request.user,
            **data,
        )

    @extend_schema(methods=["GET"], responses=StegbedomningSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=StegbedomningSerializer,
        responses={201: StegbedomningSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=StegbedomningSerializer,
        pagination_class=None,
        filter_backends=[],
    )
    def bedomningar(self, request, *args, **kwargs) -> Response:
        """Inskrivningens stegbedömningar i datumordning; POST lägger till en.

        `steg` är stegets nummer i insatsens stegskala.
        """
        inskrivning = self.get_object()
        if request.method == "POST":
            indata = self.get_serializer(data=request.data)
            indata.is_valid(raise_exception=True)
            bedomning = stegbedomning_lagg_till(
                inskrivning=inskrivning,
                datum=indata.validated_data["datum"],
                typ=indata.validated_data["typ"],
                steg_nummer=indata.validated_data["steg"],
                user=request.user,
            )
            return Response(self.get_serializer(bedomning).data, status=status.HTTP_201_CREATED)
        rader = inskrivning.bedomningar.select_related("steg").order_by("datum", "id")
        return Response(self.get_serializer(rader, many=True).data)

    def _inskrivningen(self, inskrivning: Inskrivning) -> Response:
        # Read again for the answer: the change's försörjning is newer than
        # what was prefetched. The service has logged the change.
        aktuell = self.get_queryset().get(pk=inskrivning.pk)
        return Response(InskrivningSerializer(aktuell, context=self.get_serializer_context()).data)

    @extend_schema(
        methods=["POST"],
        request=AvslutSerializer,
        responses={200: InskrivningSerializer},
    )
    @extend_schema(
        methods=["DELETE"],
        request=AteroppnaSerializer,
        responses={200: InskrivningSerializer},
        description=(
            "Återöppna inskrivningen: slutdatum, avslutsorsak, försörjning och "
            "sysselsättning vid avslut tas bort. `orsak` krävs och sparas i "
            "ändringshistoriken. Nekas om inskrivningen har uppföljningar."
        ),
    )
    @action(
        detail=True,
        methods=["post", "delete"],
        serializer_class=AvslutSerializer,
        filter_backends=[],
    )
    def avslut(self, request, *args, **kwargs) -> Response:
        """Avsluta inskrivningen med slutdatum, avslutsorsak, försörjning, sysselsättning
        och eventuellt steg vid avslut (skrivs som en stegbedömning av typen avslut).

        Svarar med den avslutade inskrivningen. En inskrivning avslutas bara en gång;
        DELETE med `{orsak}` återöppnar den.
        """
        inskrivning = self.get_object()
        if request.method == "DELETE":
            indata = AteroppnaSerializer(data=request.data)
            indata.is_valid(raise_exception=True)
            inskrivning_ateroppna(
                inskrivning=inskrivning,
                skal=indata.validated_data["orsak"],
                version=indata.validated_data.get("version"),
                user=request.user,
            )
            return self._inskrivningen(inskrivning)
        indata = self.get_serializer(data=request.data)
        indata.is_valid(raise_exception=True)
        data = dict(indata.validated_data)
        inskrivning_avsluta(
            inskrivning=inskrivning, steg_nummer=data.pop("steg", None), **data, user=request.user
        )
        return self._inskrivningen(inskrivning)

    @extend_schema(methods=["GET"], responses=UppfoljningSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=UppfoljningSerializer, responses={201: UppfoljningSerializer}
    )
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=UppfoljningSerializer,
        pagination_class=None,
        filter_backends=[],
    )
    def uppfoljningar(self, request, *args, **kwargs) -> Response:
        """Inskrivningens uppföljningar 6 och 18 månader efter avslut; POST registrerar en.

        `utfall` är `genomford` (med `steg`, och gärna `forsorjning` och
        `sysselsattning` vid uppföljningen) eller `kunde_inte_nas` (bara datum).
        """
        inskrivning = self.get_object()
        if request.method == "POST":
            indata = self.get_serializer(data=request.data)
            indata.is_valid(raise_exception=True)
            data = indata.validated_data
            uppfoljning_registrera(
                inskrivning=inskrivning,
                typ=data["typ"],
                datum=data["datum"],
                utfall=data["utfall"],
                steg_nummer=data.get("steg"),
                forsorjning=data.get("forsorjning", []),
                sysselsattning=data.get("sysselsattning", ""),
                user=request.user,
            )
            rad = next(u for u in self._uppfoljningar(inskrivning) if u["typ"] == data["typ"])
            return Response(rad, status=status.HTTP_201_CREATED)
        return Response(self._uppfoljningar(inskrivning))

    @staticmethod
    def _uppfoljningar(inskrivning: Inskrivning) -> list[dict]:
        """The follow-ups with their steg and försörjning (three queries)."""
        steg = {
            b.typ: b.steg.nummer
            for b in inskrivning.bedomningar.select_related("steg").filter(
                typ__in=[t.value for t in UPPFOLJNINGSTYPER]
            )
        }
        forsorjning: dict[str, list[str]] = {}
        for rad in Forsorjning.objects.filter(inskrivning=inskrivning).order_by("id"):
            forsorjning.setdefault(rad.tidpunkt, []).append(rad.kalla)
        return [
            {
                "id": u.pk,
                "typ": u.typ,
                "datum": u.datum.isoformat(),
                "utfall": u.utfall,
                "steg": steg.get(u.typ),
                "forsorjning": forsorjning.get(u.typ, []),
                "sysselsattning": u.sysselsattning,
            }
            for u in inskrivning.uppfoljningar.order_by("datum", "id")
        ]


class InsatsAnonymaViewSet(SynligViewSet):
    # `insatser/{id}/anonyma/`, registered beside the insats resource.
    # Aggregates, so every member and part key of the förbund reads them
    # (the selector masks them as `min_cell_for` says); only the insats's
    # samordnare write them (the service says so).

    queryset = Insats.objects.all()

    @extend_schema(methods=["GET"], responses=AnonymaSvarSerializer(many=True))
    @extend_schema(methods=["POST"], request=AnonymaSerializer, responses=AnonymaSvarSerializer)
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def anonyma(self, request, *args, **kwargs) -> Response:
        """Anonyma deltagare per år och kön; POST (samordnare för insatsen) sätter ett års antal.

        För en partnyckel är antal från 1 till förbundets `min_cell` − 1 null.
        """
        insats = self.get_object()
        if request.method == "POST":
            indata = AnonymaSerializer(data=request.data)
            indata.is_valid(raise_exception=True)
            rad = anonyma_registrera(insats=insats, **indata.validated_data, user=request.user)
            return Response(AnonymaSvarSerializer(rad).data)
        return Response(
            AnonymaSvarSerializer(anonyma_lista(user=request.user, insats=insats), many=True).data
        )
