"""The wheel as a user gets it, run by the Python of a fresh venv outside the repository (`make wheel-check`).

Checks that `deoldify` comes from that venv (not the checkout), that the shipped models are inside the
package, and that the installed `deoldify` command and `colorize()` colour a photo with them.
"""
import subprocess, sys
from pathlib import Path
import numpy as np
from PIL import Image
import deoldify
from deoldify import colorize
from deoldify.core import example_photo
from deoldify.inference import models_dir, model_names

pkg = Path(deoldify.__file__).resolve().parent
assert pkg.is_relative_to(Path(sys.prefix).resolve()), f"deoldify imported from {pkg}, not from the venv {sys.prefix}"
assert models_dir() == pkg/'weights' and model_names() == ['deoldify-lite0'], (models_dir(), model_names())
assert (pkg/'weights'/'lite0-rgb-hints.onnx').exists(), 'the ONNX graph is not in the wheel'
photo = Path('camera.png'); example_photo('camera').save(photo)
cli = Path(sys.executable).parent/'deoldify'
res = subprocess.run([str(cli), 'colorize', str(photo), '--out', 'out', '--quiet'], capture_output=True, text=True)
assert res.returncode == 0 and (Path('out')/'camera.png').exists(), res.stderr
for out in (colorize(photo), Image.open('out/camera.png')):
    hsv = np.asarray(out.convert('HSV'))
    assert hsv.shape[:2] == (512, 512) and hsv[..., 1].mean() > 10, 'no colour'
print(f"wheel: deoldify {deoldify.__version__} from {pkg}, models {model_names()}, the CLI and colorize() colour a photo")
