"""The school's time zone: dates are typed and shown on its clock, stored in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quizapp import create_app
from quizapp.config import ConfigError
from quizapp.extensions import db
from quizapp.models import Assignment
from tests.conftest import post_form


def test_an_unknown_time_zone_is_refused_at_start_with_its_name(tmp_path):
    with pytest.raises(ConfigError, match="'Mars/Olympus' is not a time zone name"):
        create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "s",
                "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                "TIME_ZONE": "Mars/Olympus",
            }
        )


def test_due_dates_are_typed_and_shown_on_the_schools_clock(
    client, app, auth, create_user, make_class, bundled_quiz
):
    app.config["TIME_ZONE"] = "America/New_York"
    create_user("sam")
    class_id, _ = make_class("tess", students=["sam"])
    auth.login("tess")
    form_page = client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert "Due (America/New_York time, optional)" in form_page
    post_form(
        client,
        f"/teach/classes/{class_id}/assign",
        {
            "quiz": bundled_quiz,
            "kind": "quiz",
            "opens_at": "2026-01-10T08:00",  # winter: five hours behind UTC
            "due_at": "2030-07-10T17:00",  # summer: four hours behind
        },
    )
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert assignment.opens_at == datetime(2026, 1, 10, 13, 0, tzinfo=UTC)
        assert assignment.due_at == datetime(2030, 7, 10, 21, 0, tzinfo=UTC)
    class_page = client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert "10 Jan 2026 08:00 EST" in class_page and "10 Jul 2030 17:00 EDT" in class_page
    auth.logout()
    auth.login("sam")
    quizzes = client.get("/quizzes/").get_data(as_text=True)
    assert "10 Jul 2030 17:00 EDT" in quizzes and "UTC" not in quizzes


def test_a_day_starts_at_midnight_on_the_schools_clock(app):
    from quizapp.local_time import day_start, today

    app.config["TIME_ZONE"] = "America/Los_Angeles"
    evening = datetime(2026, 3, 11, 3, 0, tzinfo=UTC)  # 20:00 on the 10th there
    with app.app_context():
        assert today(evening).isoformat() == "2026-03-10"
        assert day_start(evening) == datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # summer time
        assert day_start(datetime(2026, 3, 1, 12, 0, tzinfo=UTC)).hour == 8  # winter
