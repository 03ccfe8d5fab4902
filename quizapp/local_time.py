"""The school's time zone (the ``TIME_ZONE`` setting, an IANA name such as "Europe/London").

Times are stored in UTC; pages show them, and teachers type them, in the school's time zone,
each shown time followed by the zone's abbreviation ("17:00 EST") so nobody has to guess.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app

#: How a moment is shown unless a page asks otherwise: "10 Dec 2026 17:00".
SHOWN = "%d %b %Y %H:%M"


def zone_named(name: str) -> ZoneInfo | None:
    """The time zone of an IANA name, or None when there is no such zone."""
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def school_zone() -> ZoneInfo:
    """The configured time zone (checked when the app starts)."""
    return ZoneInfo(current_app.config["TIME_ZONE"])


def local(moment: datetime) -> datetime:
    """An aware moment in the school's time zone."""
    return moment.astimezone(school_zone())


def shown(
    moment: datetime | None, form: str = SHOWN, empty: str = "", with_zone: bool = True
) -> str:
    """A moment as the school's clock reads it, with the zone's abbreviation ("EST") unless
    ``with_zone`` is false (a date alone)."""
    if moment is None:
        return empty
    there = local(moment)
    return f"{there.strftime(form)} {there.tzname()}" if with_zone else there.strftime(form)


def typed(value: datetime | None) -> datetime | None:
    """A date and time typed in a form (no zone), read on the school's clock, in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=school_zone()).astimezone(UTC)


def zone_label() -> str:
    """The zone's name for a form label ("Europe/London time")."""
    return f"{current_app.config['TIME_ZONE']} time"


def sqlite_school_day(stored: str | None, zone: str) -> str | None:
    """SQLite's ``school_day(timestamp, zone)`` (see ``services.analytics.sql``): the day, as
    ``YYYY-MM-DD``, of a UTC timestamp stored as text, on the clock of ``zone``."""
    if stored is None:
        return None
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone)).date().isoformat()


def today(now: datetime) -> date:
    """``now``'s date on the school's clock."""
    return local(now).date()


def midnight(day: date) -> datetime:
    """The start of a day on the school's clock, in UTC."""
    return datetime.combine(day, time.min, tzinfo=school_zone()).astimezone(UTC)


def day_start(now: datetime) -> datetime:
    """The start, in UTC, of ``now``'s day on the school's clock."""
    return midnight(today(now))
