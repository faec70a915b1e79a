"""Does `render_factor='auto'` beat the fixed default? The shipped model on its validation photos.

The validation photos are the ones recorded in the shipped model's recipe (whole sources it never saw, the
list its model card uses). Each photo's grey copy is colorized at the
fixed default render factor, at the other factors `'auto'` chooses from, and with `'auto'`; `evaluate`
scores them against the true colours (PSNR, SSIM, colourfulness CF, ΔCF = |mean CF - truth's|,
Fréchet-Lite). Also printed: how often `'auto'` chose each factor, and the seconds per photo.
"""
import argparse, collections, time
from pathlib import Path
from deoldify.core import load_image, machine, md_table, to_gray
from deoldify.inference import load_colorizer, model_path
from deoldify.metrics import evaluate
from deoldify.recipe import Recipe
from deoldify.train import valid_files

REPO = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', default='default')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    valid = valid_files(Recipe.read(model_path(a.model)), a.root)
    clr = load_colorizer(a.model)
    print(f"{machine()}; "
          f"model {clr.name}, {len(valid)} validation photos (held-out sources)")
    chosen, t = collections.Counter(), time.perf_counter()
    for f in valid: chosen[clr.auto_render_factor(to_gray(load_image(f)))[0]] += 1
    sec = (time.perf_counter()-t)/len(valid)
    print(f"'auto' chose: " + ', '.join(f"{rf}: {chosen[rf]}" for rf in clr.auto_factors) + f" (the choice took {sec:.2f} s per photo)")
    cols = {f'render factor {rf}' + (' (default)' if rf == clr.render_factor else ''): (lambda im, rf=rf: clr(im, rf))
            for rf in clr.auto_factors}
    print(md_table(evaluate(cols | {"'auto'": lambda im: clr(im, 'auto')}, valid)))

if __name__ == '__main__': main()
