"""Which encoder for the quality per second: EfficientNet-Lite0, -Lite1 and -Lite2 generators, speed, size and colour.

Each generator (the shipped architecture: RGB head, hint planes) colorizes a 1-megapixel photo at the
default render factor through the `Colorizer`; printed: the median seconds over 5 runs after one warm-up,
the ratio to Lite0, the parameters and the fp16 file size. Speed does not depend on the weights' values,
so untrained weights are used.

Colour needs trained weights. `--train DIR` trains one generator per encoder from its ImageNet weights with
the same recipe and image budget (`deoldify.train.train_generator` on the project's photos, validation by
held-out source; one 128 px stage of `--epochs` × 3,000 photos, lr 1e-3, batch 16; resumable; a file already
in DIR is kept) and then scores them; `--quality A.safetensors B.safetensors …` scores generators trained
elsewhere. Colour is scored on the validation photos recorded in the first one's recipe
(`deoldify.metrics.evaluate`, every `--every`-th photo), with each one's training time.

    python benchmarks/encoders.py [--threads 2] [--train DIR [--epochs 4]] [--quality A.safetensors … [--every 2]]
"""
import argparse, statistics, tempfile, time
from pathlib import Path
import torch
from PIL import Image
from deoldify.core import machine, md_table
from deoldify.inference import Colorizer
from deoldify.metrics import evaluate
from deoldify.models import generator, load_generator, save_generator
from deoldify.recipe import Recipe
from deoldify.train import valid_files, train_generator

REPO = Path(__file__).resolve().parent.parent
ENCODERS = ('lite0', 'lite1', 'lite2')

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--train', metavar='DIR', help='train one generator per encoder into DIR (same recipe and budget), then score them')
    ap.add_argument('--epochs', type=int, default=4, help='--train: epochs of 3,000 photos at 128 px')
    ap.add_argument('--quality', nargs='*', default=[], help='trained generator files to compare on the held-out photos')
    ap.add_argument('--every', type=int, default=2, help='use every n-th validation photo for the colour scores')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the data root (holding datasets/...)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    img = Image.open(REPO/'test_images'/'chelsea.png').convert('L').resize((1224, 816))  # 1 MP, 3:2
    print(f"{machine()}; "
          f"1 MP photo, default render factor, RGB head with hints")
    print("| encoder | seconds | × Lite0 | parameters (M) | fp16 file (MB) |\n|---|---|---|---|---|")
    base = None
    for enc in ENCODERS:
        g = generator(enc, pretrained=False, hints=True)
        clr = Colorizer(g); clr(img)
        ts = []
        for _ in range(5):
            t = time.perf_counter(); clr(img); ts.append(time.perf_counter()-t)
        s = statistics.median(ts); base = base or s
        with tempfile.TemporaryDirectory() as d: mb = save_generator(g, Path(d)/'g.safetensors', encoder=enc).stat().st_size/1e6
        print(f"| {enc} | {s:.3f} | {s/base:.2f} | {sum(p.numel() for p in g.parameters())/1e6:.1f} | {mb:.1f} |")
    files = list(a.quality)
    if a.train:
        data = [Path(a.root)/'datasets'/d/'train' for d in ('photos2', 'photos')]
        for enc in ENCODERS:
            dest = Path(a.train)/f'enc-{enc}.safetensors'
            if not dest.exists(): train_generator(data, dest, sizes=(128,), epochs=(a.epochs,), lrs=(1e-3,), bss=(16,), chunk=3000, encoder=enc, card=False)
            files.append(dest)
    if files:
        photos = valid_files(Recipe.read(files[0]), a.root)[::a.every]
        print(f"\ncolour on {len(photos)} held-out photos, default render factor:")
        tab = evaluate({f"{Recipe.read(f).encoder} ({Path(f).name})": Colorizer(load_generator(f)) for f in files}, photos)
        print(md_table(tab))
        for f,r in ((f, Recipe.read(f)) for f in files): print(f"- {Path(f).name}: trained {r.seconds/60:.0f} min, {sum(s['images'] for s in r.stages)} images, on {r.machine}")

if __name__ == '__main__': main()
