"""Colour on photos the model never saw: a model's card regenerated on its held-out sources, next to other models.

The validation photos are the ones recorded in the model's recipe: whole sources held out of training
(`deoldify.data.source_split`). Each photo's grey copy is colorized at the default render factor and
scored against the true colours (`deoldify.metrics.evaluate`: PSNR, SSIM, colourfulness CF, ΔCF,
Fréchet-Lite, colour cast a*/b*), next to the grey copy and every `--compare NAME=FILE` model on the same
photos, and, when the model's file carries a chroma gain (`tune_readout`), the same model without it.
Writes the model's card (NAME.md), with its section on the genuine old photos of `datasets/oldphotos` (`benchmarks/oldphotos.py`),
and contact sheets (NAME.sheet.jpg, grey | model | truth, 24 photos; NAME.oldphotos.jpg) next to it, and prints the table with the machine and settings.

    python benchmarks/colour.py [MODEL] [--compare 'previous model=old.safetensors' ...] [--root DATASETS]
"""
import argparse, time
from pathlib import Path
from deoldify.core import chroma_gain, machine, md_table, weights_meta
from deoldify.inference import Colorizer, model_path
from deoldify.models import load_generator
from deoldify.train import model_card

REPO = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('model', nargs='?', default='default', help='model name or .safetensors file')
    ap.add_argument('--compare', action='append', default=[], metavar='NAME=FILE', help='another generator file to evaluate beside it')
    ap.add_argument('--render-factors', type=int, nargs='*', default=[12,16,21,35], help="the card's sweep")
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    others, p = dict(o.split('=', 1) for o in a.compare), model_path(a.model)
    if chroma_gain(weights_meta(p)) != 1: others['this model without its chroma gain'] = Colorizer(load_generator(p), chroma=1)
    t = time.perf_counter()
    card, tab = model_card(p, a.root, others=others, render_factors=a.render_factors, old_photos=Path(a.root)/'datasets/oldphotos')
    print(f"{machine()}; "
          f"default render factor; {time.perf_counter()-t:.0f} s")
    print(md_table(tab))
    print(f"card: {card}")

if __name__ == '__main__': main()
