"""Finsam's SAML endpoints under /saml/: their addresses are in every IdP's copy of our metadata."""

from django.urls import path

from elegitimation.saml import utloggning, vyer

urlpatterns = [
    path("login/", vyer.SamlInloggning.as_view(), name="saml2_login"),
    path("acs/", vyer.SamlMottagning.as_view(), name="saml2_acs"),
    path("logout/", utloggning.SamlUtloggning.as_view(), name="saml2_logout"),
    path("ls/", utloggning.SamlLogout.as_view(), name="saml2_ls"),
    path("metadata/", vyer.SamlMetadata.as_view(), name="saml2_metadata"),
]
