"""Finsam's OpenID Connect endpoints under /oidc/.

The redirect address and the JWKS address are registered with each provider.
"""

from django.urls import path

from elegitimation.oidc import vyer

urlpatterns = [
    path("login/", vyer.oidc_login, name="oidc_login"),
    path("callback/", vyer.oidc_callback, name="oidc_callback"),
    path("jwks/", vyer.jwks, name="oidc_jwks"),
]
