"""Checks on what the database holds encrypted: which key opens a raw token."""

from cryptography.fernet import Fernet, InvalidToken


def oppnas_av(nyckel: str, token: str) -> bool:
    try:
        Fernet(nyckel).decrypt(token.encode())
    except InvalidToken:
        return False
    return True
