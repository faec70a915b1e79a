"""Colour on genuine old photos against grey copies of modern ones (the domain gap), a contact sheet, and the input statistics.

Genuine old photos have no colour truth, so this measures what needs none: the model's mean colourfulness (CF) and mean
chroma on all 218 historical photos of `datasets/oldphotos`, against the same on grey copies of the model's 400
validation photos (`deoldify.metrics.domain_gap`; ratio = old ÷ modern, target ≥ 0.95), at the default render factor.
Every `--compare NAME=FILE` model is measured beside it. Writes a contact sheet of 24 old photos (as scanned | model),
`models/NAME.oldphotos.jpg`, and with `--card` replaces the model card's section on old photos with the new table.

`--stats` prints instead the statistics the training degradations are matched to (`deoldify.degrade.photo_stats`: grain,
high-frequency share, sharpness, local contrast, tone percentiles; mean and 10th-90th percentiles) of the old photos and
the validation photos' grey copies at render size, and of training crops at 192 px, clean and degraded by `old_photo`.

    python benchmarks/oldphotos.py [MODEL] [--compare 'previous=old.safetensors' ...] [--chroma 1.3] [--card] [--raw] [--root DATASETS]
    python benchmarks/oldphotos.py --stats [--n 300]
    python benchmarks/oldphotos.py MODEL --compare 'shipped=models/deoldify-lite0.safetensors' --chroma 1.3 --every 4   # quick: a quarter of each
"""
import argparse, random, re, time
from pathlib import Path
import numpy as np, pandas as pd
from PIL import Image
from deoldify.core import image_files, load_image, machine, md_table
from deoldify.degrade import photo_stats, old_photo
from deoldify.inference import Colorizer, model_path, render_size
from deoldify.metrics import domain_gap
from deoldify.models import load_generator
from deoldify.recipe import Recipe
from deoldify.train import old_photos_md, valid_files, OLD_PHOTOS

REPO = Path(__file__).resolve().parent.parent

def stats_row(ims) -> dict:
    "Mean [10th, 90th percentile] of each statistic over `ims`"
    d = pd.DataFrame([photo_stats(o) for o in ims])
    return {k: f"{d[k].mean():.2f} [{d[k].quantile(.1):.2f}, {d[k].quantile(.9):.2f}]" for k in d}

def stats(a):
    "The statistics table: old photos and validation grey copies at render size, training crops clean and degraded"
    from fastai.vision.all import RandomResizedCrop
    from deoldify.data import PILImageInput, source_split
    at_render = lambda f: (im := load_image(f).convert('L')).resize(render_size(im.size), Image.BICUBIC)
    root = Path(a.root)/'datasets'
    train,_ = source_split([root/'photos2/train', root/'photos/train'])
    random.seed(0); rng = np.random.default_rng(0)
    crop = RandomResizedCrop(192, min_scale=0.35)  # as training crops them
    crops = [crop(PILImageInput.create(f), split_idx=0).convert('L') for f in random.sample(list(train), a.n)]
    old = sorted((root/'oldphotos').glob('*.jpg'))
    rows = {f'{len(old)} genuine old photos (render size)': [at_render(f) for f in old],
            '400 validation photos, grey (render size)': [at_render(f) for f in valid_files(Recipe.read(model_path(a.model)), a.root)],
            f'{a.n} training crops, clean (192 px)': crops,
            f'{a.n} training crops, `old_photo` (192 px)': [old_photo(o, rng) for o in crops]}
    return pd.DataFrame({k: stats_row(v) for k,v in rows.items()}).T

def set_section(card:Path, text:str):
    "Replace the card's section on old photos with `text` (or put it before the recipe)"
    s = card.read_text()
    s = re.sub(f'{OLD_PHOTOS}\n.*?(?=\n## )', lambda _: text.rstrip() + '\n', s, flags=re.S) if OLD_PHOTOS in s else s.replace('\n## Recipe', f'\n{text}\n## Recipe')
    card.write_text(s)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('model', nargs='?', default='default', help='model name or .safetensors file')
    ap.add_argument('--compare', action='append', default=[], metavar='NAME=FILE', help='another generator file measured beside it')
    ap.add_argument('--chroma', type=float, help="every model's chroma gain (default: each file's own)")
    ap.add_argument('--card', action='store_true', help="replace the model card's section on old photos")
    ap.add_argument('--stats', action='store_true', help='print the input statistics instead')
    ap.add_argument('--n', type=int, default=300, help='training crops for --stats')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the data root (holding datasets/...)")
    ap.add_argument('--every', type=int, default=1, help='every Nth old and validation photo only: a quick measure, printed (the card always takes all)')
    ap.add_argument('--raw', action='store_true', help='the model also without `calm_grain` (its grain not calmed)')
    a = ap.parse_args()
    t = time.perf_counter()
    if a.stats:
        tab = stats(a)
        rows = [['', *tab.columns], ['---']*(len(tab.columns)+1), *([i, *r] for i,r in zip(tab.index, tab.values))]
        print(f"{machine()}; {time.perf_counter()-t:.0f} s\n" + '\n'.join('| ' + ' | '.join(r) + ' |' for r in rows))
        return
    p, old = model_path(a.model), Path(a.root)/'datasets/oldphotos'
    others = {n: Colorizer(load_generator(f), chroma=a.chroma) for n,f in (o.split('=', 1) for o in a.compare)}
    if a.raw: others[f'{p.stem}, grain not calmed'] = Colorizer(load_generator(p), chroma=a.chroma, degrain=False)
    if a.every > 1:
        olds, modern = image_files(old)[::a.every], valid_files(Recipe.read(p), a.root)[::a.every]
        tab = domain_gap({**others, p.stem: Colorizer(load_generator(p), chroma=a.chroma)}, olds, modern)
        print(f"{machine()}; every {a.every}th photo: {len(olds)} old, {len(modern)} validation; default render factor, {time.perf_counter()-t:.0f} s\n{md_table(tab)}")
        return
    text, tab = old_photos_md(p, old, a.root, others, chroma=a.chroma)
    print(f"{machine()}; {p.name}, default render factor, {time.perf_counter()-t:.0f} s\n{md_table(tab)}\nsheet: {p.with_suffix('.oldphotos.jpg')}")
    if a.card: set_section(p.with_suffix('.md'), text); print(f"card: {p.with_suffix('.md')}")

if __name__ == '__main__': main()
