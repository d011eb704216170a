"""The API's input types: masa.core.bounds as pydantic annotated types, for every schema and param.

The web forms check the same bounds (masa.core.forms.bound_field), so the API refuses what a
form refuses. Dates are parsed strictly as YYYY-MM-DD: in lax mode pydantic reads 0 or
1700000000 as a date (https://docs.pydantic.dev/latest/api/standard_library_types/#datetimedate),
and strict mode cannot be used for query strings, which always arrive as text.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from masa.core import bounds


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) and type(value) is date:
        text = value.isoformat()
    elif isinstance(value, str):
        text = value
    else:
        raise PydanticCustomError("date_type", "Enter a date like 2024-03-31")
    try:
        return bounds.iso_date(text)
    except ValueError as error:
        raise PydanticCustomError("date_value", str(error)) from error


def _clean_text(value: str) -> str:
    if bounds.has_control_characters(value):
        raise PydanticCustomError(
            "control_characters", "Must not include control characters, like the null character"
        )
    return value


def _json_number(value: Any) -> Any:
    # A JSON number only: pydantic's lax Decimal would also take "12" or true.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("decimal_type", "Must be a number")
    return value


# A date from 1900-01-01 to 2100-12-31, written YYYY-MM-DD (not a number, not a timestamp).
BoundedDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    Field(description=f"A date {bounds.ISO_DATE_RANGE}, written YYYY-MM-DD"),
]

# Text without NUL or other control characters (tab and new lines are fine), as on the forms.
CleanText = Annotated[
    str,
    AfterValidator(_clean_text),
    Field(json_schema_extra={"pattern": bounds.TEXT_PATTERN}),
]

# A whole number a database integer column holds, 0 and up.
Count = Annotated[int, Field(ge=0, le=bounds.MAX_COUNT)]
# A record id (a BigAutoField primary key).
RecordId = Annotated[int, Field(ge=1, le=bounds.MAX_ID)]
# Paging: how many rows to skip and how many to answer.
Offset = Annotated[int, Field(ge=0, le=bounds.MAX_OFFSET, description=f"At most {bounds.MAX_OFFSET:,}")]
Limit = Annotated[int, Field(ge=1, le=bounds.MAX_LIMIT, description=f"At most {bounds.MAX_LIMIT}")]
# An indicator figure: the columns are DecimalField(max_digits=14, decimal_places=3).
BoundedDecimal = Annotated[
    Decimal,
    BeforeValidator(_json_number),
    Field(gt=-bounds.DECIMAL_LIMIT, lt=bounds.DECIMAL_LIMIT, allow_inf_nan=False),
]

# Names and short fields, as long as their model columns allow.
Slug = Annotated[CleanText, Field(max_length=50)]
ShortText = Annotated[CleanText, Field(max_length=300)]
# Long text (a progress update): the request body's size limit bounds it.
LongText = Annotated[CleanText, Field(max_length=100_000)]
