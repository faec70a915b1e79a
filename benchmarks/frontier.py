"""Does a model move the quality frontier: generator files, each with its chroma multiplied by each of `--gains`, on held-out photos.

Multiplying a model's chroma (YCbCr Cb, Cr) by a gain (`Colorizer(chroma=)`) is the cheapest way to trade PSNR for
colourfulness, so one PSNR or one ΔCF on its own says little: a model is better only if its rows give more colour
(lower ΔCF) at the same PSNR than the reference's gain curve. Every `NAME=FILE` is scored at each gain beside the grey
copy (`deoldify.metrics.evaluate`), on the first file's tuning photos (`deoldify.train.tuning_files`: held-out sources,
outside the validation list), or with `--valid` on its validation photos (to report what a choice gives, not to choose).
Prints the table with the machine and settings. `benchmarks/gan.py` and `benchmarks/cfloss.py` score their models this way.

    python benchmarks/frontier.py 'shipped=models/deoldify-lite0.safetensors' 'longer=other.safetensors' [--gains 1 1.3] [--valid] [--raw]
"""
import argparse, time
from pathlib import Path
from deoldify.core import machine, md_table, to_gray
from deoldify.inference import Colorizer
from deoldify.metrics import evaluate
from deoldify.models import load_generator
from deoldify.recipe import Recipe
from deoldify.train import tuning_files, valid_files

REPO = Path(__file__).resolve().parent.parent

def gain_rows(models:dict, # name -> generator file
              gains,
              raw:bool=False) -> dict: # also each without `calm_grain` (`Colorizer(degrain=False)`)
    "A colorizer per model and gain, named 'NAME × GAIN'; each file is loaded once, its gains share the network"
    return {f'{n} × {g:g}{", grain not calmed" if not d else ""}': Colorizer(m, chroma=g, degrain=d)
            for n,f in models.items() for m in [load_generator(f)] for g in gains for d in (True, False)[:1+raw]}

def held_out(weights, root, valid:bool=False, n:int=100):
    "The photos `weights`' recipe keeps out of training: its validation list, or `n` tuning photos outside it"
    r = Recipe.read(weights)
    return valid_files(r, root) if valid else tuning_files(r, root, n)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('models', nargs='+', metavar='NAME=FILE', help='generator files; the first names the photos')
    ap.add_argument('--gains', type=float, nargs='*', default=[1., 1.15, 1.3, 1.45, 1.6])
    ap.add_argument('--select', type=int, default=100, help='tuning photos the rows are scored on')
    ap.add_argument('--valid', action='store_true', help="score on the first file's validation photos instead (to report, not to choose)")
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipes' data root (holding datasets/...)")
    ap.add_argument('--raw', action='store_true', help='each model also without `calm_grain` (its grain not calmed)')
    a = ap.parse_args()
    models = dict(o.split('=', 1) for o in a.models)
    files = held_out(next(iter(models.values())), a.root, a.valid, a.select)
    t = time.perf_counter()
    tab = evaluate({'grey copy': to_gray} | gain_rows(models, a.gains, a.raw), files)
    print(f"{machine()}; "
          f"{len(files)} {'validation' if a.valid else 'tuning'} photos at the default render factor, {time.perf_counter()-t:.0f} s")
    print(md_table(tab))

if __name__ == '__main__': main()
