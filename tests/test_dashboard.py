"""The dashboard in headless Debian Chromium (Playwright) against ``detente serve`` in a
subprocess on a free loopback port, over a database built from the seed corpus."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from conftest import free_port
from detente.cli import app as detente_app

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[str]:
    """``detente serve`` on the seed corpus; yields its base URL."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package (make test does) to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    folder = tmp_path_factory.mktemp("dashboard")
    db = folder / "seeds.duckdb"
    result = CliRunner().invoke(detente_app, ["run", str(seeds_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_TOKEN"}
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"detente serve exited with {process.returncode}: {(folder / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"detente serve did not answer in 60 s: {(folder / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def test_dashboard_dyad_chart_and_evidence(server: str, browser: object, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{server}/dyad/USA/RUS?by=day")
    page.wait_for_function("() => { const el = document.querySelector('.js-plotly-plot');"
                           " return el && el.data && el.data.length > 0 && el.data[0].x.length > 0; }", timeout=30_000)
    points = page.evaluate("document.querySelector('.js-plotly-plot').data[0].x.length")
    events = page.evaluate("document.querySelector('.js-plotly-plot').data.slice(1)"
                           ".reduce((n, trace) => n + trace.y.reduce((a, b) => a + b, 0), 0)")
    assert points > 0 and events > 0
    assert page.locator(".js-plotly-plot .point, .js-plotly-plot .bars path").count() > 0
    page.screenshot(path=str(tmp_path / "dyad-USA-RUS.png"), full_page=True)

    link = page.locator("table.events a.evidence-link").first
    sentence = _words(link.inner_text())
    href = link.get_attribute("href") or ""
    match = re.search(r"#s(\d+)$", href)
    assert match, href
    link.click()
    page.wait_for_url(re.compile(r"/article/[0-9a-f]+#s\d+$"))
    target = page.locator(f"#s{match.group(1)}")
    expect(target).to_be_visible()
    assert sentence in _words(target.inner_text())
    assert page.evaluate("document.querySelector(':target').id") == f"s{match.group(1)}"
    assert target.locator("mark.trigger").count() >= 1
    page.screenshot(path=str(tmp_path / "article.png"), full_page=False)

    assert (tmp_path / "dyad-USA-RUS.png").stat().st_size > 10_000
    assert errors == []
    assert requested and all(url.startswith(server) for url in requested), [u for u in requested if not u.startswith(server)]
    page.close()


def test_dashboard_home_links_to_the_dyad(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/")
    page.locator("a.dyad-link", has_text="RUS–USA").first.click()
    page.wait_for_url(re.compile(r"/dyad/RUS/USA$"))
    page.wait_for_selector(".js-plotly-plot")
    assert "RUS" in page.title() and "USA" in page.title()
    page.screenshot(path=str(tmp_path / "home-to-dyad.png"))
    page.close()
