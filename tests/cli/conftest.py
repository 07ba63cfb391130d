"""The inventory's stores (SQLite, and a real PostgreSQL server) for the tests of `enforcer inventory`."""

from tests.inventory.conftest import pg_server, pg_url, store_url  # noqa: F401 - fixtures, shared
