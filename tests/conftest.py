import pytest

from tests import builders


@pytest.fixture
def sections(db):
    return builders.site_sections()
