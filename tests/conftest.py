import pytest

from tests import builders


@pytest.fixture
def sections(db):
    return builders.site_sections()


def pytest_collection_modifyitems(config, items):
    """Run browser tests last: they commit demo content to the test database."""
    items.sort(key=lambda item: "tests/browser/" in item.nodeid)
