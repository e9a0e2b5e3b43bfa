"""Valid resident ID numbers (居民身份证号码, GB 11643) for the demo city, the tests and the
benchmarks.

Registration's `domain.py` holds the rule that checks a number; this only makes numbers
that pass it: an area code, the birth date, a three-digit order number (odd for a man, even
for a woman) and the ISO 7064 MOD 11-2 check character.
"""
from __future__ import annotations

from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
ORDERS_PER_DAY = 500  # of each gender


def check_character(first17: str) -> str:
    return CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def id_number(born: date, male: bool, serial: int = 0, area: str = "330106") -> str:
    """The number of the `serial`-th man or woman born on `born` in `area`; distinct for
    each serial below `ORDERS_PER_DAY`."""
    first17 = f"{area}{born:%Y%m%d}{serial % ORDERS_PER_DAY * 2 + (1 if male else 0):03d}"
    return first17 + check_character(first17)


def check_character_sql(first17: str) -> str:
    """`check_character` as an SQL expression (PostgreSQL and SQLite) over a text
    expression of 17 digits, for loading many rows in one statement."""
    total = " + ".join(f"CAST(substr({first17}, {i + 1}, 1) AS INTEGER) * {w}" for i, w in enumerate(WEIGHTS))
    return f"substr('{CHECK_CHARACTERS}', ({total}) % 11 + 1, 1)"
