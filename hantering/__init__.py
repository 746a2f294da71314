"""The förbundschef's management pages: insatser, stegskalor, nyckeltal, users and roles."""
