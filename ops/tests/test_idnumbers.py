"""The ID numbers the demo city, the tests and the benchmarks make pass registration's rule."""
from __future__ import annotations

import sqlite3
from datetime import date

from hypothesis import given, strategies as st

from ops import idnumbers
from services.registration import domain  # the rule itself, read by a test only


@given(born=st.dates(date(1900, 1, 1), date(2030, 12, 31)), male=st.booleans(), serial=st.integers(0, 10 ** 6),
       area=st.sampled_from(["330106", "110105", "321202"]))
def test_every_number_made_passes_registrations_rule(born, male, serial, area):
    number = idnumbers.id_number(born, male, serial, area)
    assert domain.validate_id_number(number, born, "male" if male else "female") == number


def test_the_numbers_of_one_birthday_and_gender_differ_for_every_serial():
    for male in (False, True):
        made = {idnumbers.id_number(date(1945, 3, 1), male, serial) for serial in range(idnumbers.ORDERS_PER_DAY)}
        assert len(made) == idnumbers.ORDERS_PER_DAY


@given(first17=st.text("0123456789", min_size=17, max_size=17))
def test_the_sql_check_character_is_the_rules(first17):
    with sqlite3.connect(":memory:") as conn:
        [(check,)] = conn.execute(f"SELECT {idnumbers.check_character_sql(repr(first17))}")
    assert check == domain.id_check_digit(first17) == idnumbers.check_character(first17)
