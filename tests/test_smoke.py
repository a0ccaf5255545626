import json

from conftest import run_cli


def test_version_and_json_shape(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("# Hi\n\nOur planner syncs with every calendar.\n\nThanks for reading!\n")
    r = run_cli("check", "--format", "json", p)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data["files"] == 1
    f = data["findings"][0]
    assert f["rule"] == "CTA001" and f["name"] == "missing-ask"
    assert (f["line"], f["column"]) == (5, 1)
    assert set(f) >= {"path", "rule", "name", "severity", "line", "column", "end_line",
                      "end_column", "message"}
