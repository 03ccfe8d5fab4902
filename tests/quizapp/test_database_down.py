"""When the database cannot be reached, pages answer 503 quickly and the health check says so."""

from __future__ import annotations

from quizapp import create_app


def test_unreachable_database_gives_503_pages(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "s",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/folder/db.sqlite",
        }
    )
    client = app.test_client()
    health = client.get("/health")
    assert health.status_code == 503
    assert health.get_json() == {"status": "unavailable", "database": "unreachable"}
    with client.session_transaction() as session:
        session["_user_id"] = "1:some-token"
    page = client.get("/history/")
    assert page.status_code == 503
    assert page.headers["Retry-After"] == "5"
    assert "cannot reach its database" in page.get_data(as_text=True)


def test_a_connection_lost_before_the_request_ends_keeps_the_response(app, client, monkeypatch):
    import sqlalchemy.orm
    from sqlalchemy.exc import OperationalError

    def dropped(self):
        raise OperationalError("ROLLBACK", {}, Exception("server closed the connection"))

    monkeypatch.setattr(sqlalchemy.orm.Session, "close", dropped)
    response = client.get("/health")
    assert response.status_code == 200
