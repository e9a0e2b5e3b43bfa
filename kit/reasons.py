"""The catalogue of reason codes a client can meet in a problem's `code`, with the HTTP
status it comes with and what it means. The merged OpenAPI document publishes it (the
`Problem` schema) and `docs/integrating.md` repeats it; a test scans the code for every code
raised or answered and holds this catalogue to it.

Codes are stable: a code is never renamed or reused for another meaning; new ones may be
added within a version.
"""
from __future__ import annotations

CODES: dict[str, tuple[int, str]] = {
    # Any request
    "MALFORMED_REQUEST": (400, "The body is not a JSON object or cannot be read."),
    "UNAUTHORIZED": (401, "No credentials, or a token or key that is not valid (expired, revoked, unknown)."),
    "INVALID_CREDENTIALS": (401, "Wrong username or password."),
    "SESSION_EXPIRED": (401, "The login session is over; log in again."),
    "FORBIDDEN": (403, "The role or the key's scopes do not allow this, or the record is another point's."),
    "NOT_FOUND": (404, "No such record or resource, or none the caller may know of."),
    "METHOD_NOT_ALLOWED": (405, "The resource does not answer this method."),
    "PAYLOAD_TOO_LARGE": (413, "The body is larger than the gateway accepts."),
    "UNSUPPORTED_MEDIA_TYPE": (415, "The body is not sent as `application/json`."),
    "VALIDATION_FAILED": (422, "Some fields are invalid or unknown; `errors` names each."),
    "RATE_LIMITED": (429, "Too many requests from this caller; wait `Retry-After` seconds."),
    "ACCOUNT_LOCKED": (429, "Too many wrong passwords from this address; wait `Retry-After` seconds."),
    "SERVICE_UNAVAILABLE": (503, "A service or store is not reachable; retry after `Retry-After` seconds."),
    "INTERNAL_ERROR": (500, "An unexpected error; it has been logged with the request's `X-Request-ID`."),
    "ERROR": (400, "Any other refusal of the HTTP layer; act on the status."),
    # Idempotency (any POST with an Idempotency-Key)
    "IDEMPOTENCY_MISMATCH": (409, "The Idempotency-Key was used before with another request."),
    "IDEMPOTENCY_IN_PROGRESS": (409, "A request with this Idempotency-Key is still being answered; retry shortly."),
    "IDEMPOTENCY_OUTCOME_UNKNOWN": (409, "A request with this Idempotency-Key was cut off and its outcome is not "
                                         "known; look the record up before sending it with a new key."),
    # Records
    "CONFLICT": (409, "The record conflicts with an existing one."),
    "DUPLICATE_USERNAME": (409, "That username is taken."),
    "DUPLICATE_ID_NUMBER": (409, "An elder with this ID number is registered already."),
    "DUPLICATE_CITIZEN_CARD": (409, "An elder with this citizen card is registered already."),
    "INVALID_TRANSITION": (409, "The record's status does not allow this step (e.g. a visit step out of order, "
                                "a closed elder changed)."),
    "ALREADY_RECORDED": (409, "This complaint is already recorded against this staff member."),
    "ALREADY_ANSWERED": (409, "This survey link has been answered already (single use)."),
    # Check-in (POST /visits), in the order they are checked
    "UNKNOWN_CARD": (409, "No elder holds this citizen card."),
    "ELDER_SUSPENDED": (409, "The elder's record is suspended or closed."),
    "NOT_ELIGIBLE": (409, "The elder's latest assessment does not allow bathing (level 2 or more is needed)."),
    "NO_SAFETY_COMMITMENT": (409, "The elder has not signed the safety commitment in force."),
    "POINT_CLOSED": (409, "The point is closed at this time (its opening hours)."),
    "ALREADY_IN_VISIT": (409, "The elder is in a visit that has not been checked out."),
    # The visit and the point's day
    "BATHS_FULL": (409, "Every bath of the point is in use."),
    "SLOT_FULL": (409, "The booking slot is full."),
    "DOUBLE_BOOKING": (409, "The elder has a booking at that time already."),
    "REMINDERS_MISSING": (409, "The required safety reminders were not all given; `missing` names them."),
    "REST_TOO_SHORT": (409, "The elder has not rested the minimum time after the bath."),
    "ASSISTANT_BUSY": (409, "The assistant is bathing another elder (one bath at a time)."),
    "REST_FULL": (409, "Every seat of the point's rest hall is taken."),
    "STAFF_NOT_QUALIFIED": (409, "The staff member doing the step is not a qualified staff member of the "
                                 "visit's point (screening, rest and check-out: the one named or the user's "
                                 "own, none at all included), or the assistant may not bathe this elder (not a "
                                 "qualified assistant of the point, or not of the gender the elder asked for)."),
    # The service desk
    "CALLBACK_REQUIRED": (409, "The complaint needs its callback (回访) before it can close."),
    "NOT_STAFF_MISCONDUCT": (409, "The complaint is not a staff-misconduct complaint."),
    "CALLBACK_NOT_INDEPENDENT": (409, "The closing callback is recorded by desk staff who did not handle the "
                                      "complaint."),
    "MERGE_REFUSED": (409, "This complaint cannot be merged into that one (itself, another point's, or a closed one)."),
    # Webhooks
    "WEBHOOK_REVOKED": (409, "The webhook's owner (its API key or user) was revoked or disabled: it stays stopped; "
                             "make a new one with a valid key."),
    "WEBHOOK_DISABLED": (409, "The webhook is disabled (too many failed deliveries in a row); enable it first."),
    # Subsidies
    "DUPLICATE_APPLICATION": (409, "The elder has an open or approved application of this category already."),
}


def status_of(code: str) -> int:
    return CODES[code][0]
