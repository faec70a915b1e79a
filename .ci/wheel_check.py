"""The wheel as a user gets it from `pip install deoldify-fastai`, run by the Python of a fresh venv outside the
repository that holds only the base install's dependencies (`make wheel-check`, `.ci/base_site.py`): no torch.

Checks that `deoldify` comes from that venv (not the checkout), that the shipped models and example photos are inside
the package, that `colorize`, `video` and `benchmark` work there, and that what needs an extra says which, in one line.
"""
import subprocess, sys
from pathlib import Path
import numpy as np
from PIL import Image
import deoldify
from deoldify import colorize
from deoldify.core import example_photo
from deoldify.core import models_dir
from deoldify.inference import model_names
from deoldify.video import pan_frames, write_clip

pkg = Path(deoldify.__file__).resolve().parent
assert pkg.is_relative_to(Path(sys.prefix).resolve()), f"deoldify imported from {pkg}, not from the venv {sys.prefix}"
assert models_dir() == pkg/'weights' and model_names() == ['deoldify-lite0'], (models_dir(), model_names())
assert (pkg/'weights'/'lite0-rgb-hints.onnx').exists(), 'the ONNX graph is not in the wheel'
assert (pkg/'photos'/'camera.png').exists(), 'the example photos are not in the wheel'
for m in ('torch', 'fastai', 'skimage', 'ipywidgets', 'matplotlib'):
    try: __import__(m); raise AssertionError(f"{m} is importable: this is not a base install")
    except ModuleNotFoundError: pass
cli = str(Path(sys.executable).parent/'deoldify')
def run(*args, rc=0):
    res = subprocess.run([cli, *args], capture_output=True, text=True)
    assert res.returncode == rc, f"deoldify {' '.join(args)} exited {res.returncode}, not {rc}:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}"
    return res

photo = Path('camera.png'); example_photo('camera').save(photo)
run('colorize', str(photo), '--out', 'out', '--quiet')
for out in (colorize(photo), Image.open('out/camera.png')):
    hsv = np.asarray(out.convert('HSV'))
    assert hsv.shape[:2] == (512, 512) and hsv[..., 1].mean() > 10, 'no colour'
write_clip(pan_frames(example_photo('chelsea'), n=6), 'film.mp4')
run('video', 'film.mp4', '--out', 'films/', '--quiet')  # a folder that does not exist yet
assert Path('films/film.mp4').stat().st_size > 0
bench = run('benchmark', '--runs', '1').stdout
assert 'no torch' in bench and 'onnx' in bench, bench
hint = "pip install 'deoldify-fastai[torch]'"
err = run('train', '.', '-o', 'mine.safetensors', rc=2).stderr
assert err.count('\n') == 1 and "deoldify train needs the 'torch' extra" in err and hint in err, err
err = run('colorize', str(photo), '--out', 'restored', '--restore', rc=2).stderr
assert err.count('\n') == 1 and hint in err, err
for f,extra in ((lambda: colorize(photo, restore=True), 'torch'), (lambda: __import__('deoldify.widgets'), 'notebook')):
    try: f(); raise AssertionError('no error')
    except ImportError as e: assert f"pip install 'deoldify-fastai[{extra}]'" in str(e), e
print(f"wheel: deoldify {deoldify.__version__} from {pkg}, models {model_names()}, without torch: colorize, video and benchmark "
      f"work, train, restore and the widget name their extra")
