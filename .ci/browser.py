"""The panel as a person uses it, in a real browser: `deoldify serve` on the test photos, driven by Playwright in Debian's
Chromium (no browser download). It opens the page, colorizes the photo on show, lets go of the render-factor slider,
uploads a photo (and one with a hostile name), colorizes it, downloads the result and the batch zip, and saves
screenshots. `make browser-test`; `make test` runs it. Screenshots go to a temporary folder, or to images/ with
DEOLDIFY_PICTURES=write (the README's). Where Chromium is missing and cannot be installed with apt-get, it says so in
one line and does not run."""
import os, shutil, socket, subprocess, sys, tempfile, zipfile
from pathlib import Path
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
HOSTILE = '<img src=x onerror=alert(1)>.png'

def chromium() -> str|None:
    "Debian's Chromium, installed with apt-get if it is missing and apt-get can"
    if p := shutil.which('chromium'): return p
    if not shutil.which('apt-get'): return print("browser test not run: no chromium here, and no apt-get to install Debian's") or None
    r = subprocess.run(['apt-get', 'install', '-y', '-q', 'chromium'], capture_output=True, text=True)
    if r.returncode: return print(f"browser test not run: apt-get install chromium failed ({(r.stderr.strip().splitlines() or ['?'])[-1]})") or None
    return shutil.which('chromium')

def free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def fetch(page, link) -> Path:
    "Click `link` once the page has settled (photos drawn, nothing left to move it) and return the downloaded file"
    page.wait_for_function('[...document.images].every(i => i.complete)', timeout=120_000)
    link.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as d: link.click()
    return Path(d.value.path())

def main() -> int:
    exe = chromium()
    if exe is None: return 0
    from playwright.sync_api import sync_playwright, expect
    shots = REPO/'images' if os.environ.get('DEOLDIFY_PICTURES') == 'write' else Path(tempfile.mkdtemp(prefix='deoldify-shots-'))
    tmp = Path(tempfile.mkdtemp(prefix='deoldify-browser-'))
    shutil.copy(REPO/'test_images/chelsea.png', tmp/HOSTILE)
    port = free_port()
    srv = subprocess.Popen([sys.executable, '-m', 'deoldify.cli', 'serve', str(REPO/'test_images'), '--port', str(port)],
                           stdout=subprocess.PIPE, text=True, env=dict(os.environ, OMP_NUM_THREADS='1'))
    try:
        line = srv.stdout.readline()
        assert line.startswith('deoldify serve: the panel on') and f'http://127.0.0.1:{port}/' in line, line
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=exe, args=['--no-sandbox'])
            page = b.new_page(viewport={'width': 1000, 'height': 1000}, accept_downloads=True)
            page.goto(f'http://127.0.0.1:{port}/', timeout=120_000)
            go = page.get_by_role('button', name='Colorize')
            expect(go).to_be_visible(timeout=120_000)
            expect(page.locator('select').nth(1)).to_have_value('astronaut.png')  # a photo on show from the start
            go.click()
            link = page.get_by_text('Download astronaut_colorized.png')
            expect(link).to_be_visible(timeout=120_000)
            expect(go).to_be_enabled()
            first = link.get_attribute('href')
            handle = page.locator('.widget-slider').first.locator('.noUi-handle')  # render factor: let go 60 px to the right
            box = handle.bounding_box()
            page.mouse.move(box['x'] + box['width']/2, box['y'] + box['height']/2); page.mouse.down()
            page.mouse.move(box['x'] + 60, box['y'] + box['height']/2, steps=5); page.mouse.up()
            expect(link).not_to_have_attribute('href', first, timeout=120_000)  # rendered again, without pressing Colorize
            for f in (REPO/'test_images/chelsea.png', tmp/HOSTILE):
                with page.expect_file_chooser() as fc: page.get_by_role('button', name='Upload').click()  # ipywidgets' input is not in the page
                fc.value.set_files(str(f))
                expect(page.locator('select').nth(1)).to_have_value('⬆ ' + f.name, timeout=60_000)
            assert page.locator('img[src="x"]').count() == 0, 'a file name became markup'
            page.locator('select').nth(1).select_option('⬆ chelsea.png')
            go.click()
            link = page.get_by_text('Download chelsea_colorized.png')
            expect(link).to_be_visible(timeout=120_000)
            expect(go).to_be_enabled()
            got = Image.open(fetch(page, link))
            assert got.size == Image.open(REPO/'test_images/chelsea.png').size, got.size
            page.get_by_role('button', name='All as zip').click()
            z = page.get_by_text('Download colorized.zip')
            expect(z).to_be_visible(timeout=120_000)
            names = zipfile.ZipFile(fetch(page, z)).namelist()
            assert names == ['chelsea_colorized.png', '<img src=x onerror=alert(1)>_colorized.png'], names
            page.screenshot(path=str(shots/'panel.png'), clip=dict(x=0, y=0, width=920, height=610))  # the README's
            b.close()
        print(f"browser test: served, colorized, slider, 2 uploads, download and zip in Chromium ({exe}); screenshots in {shots}")
        return 0
    finally:
        srv.terminate(); srv.wait(); shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': sys.exit(main())
