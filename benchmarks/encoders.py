"""Which encoder for the quality per second: EfficientNet-Lite0, -Lite1 and -Lite2 generators, speed and size.

Each generator (bins head, hint planes, the shipped architecture) colorizes a 1-megapixel photo at the
default render factor through the `Colorizer`; printed: the median seconds over 5 runs after one warm-up,
the ratio to Lite0, the parameters and the fp16 file size. Speed does not depend on the weights' values,
so untrained weights are used. With `--quality A.safetensors B.safetensors …` (generators trained with the
same recipe but different encoders), their colour on the validation photos recorded in A's recipe is
printed too (`deoldify.metrics.evaluate`, every `--every`-th photo).

    python benchmarks/encoders.py [--threads 2] [--quality lite0.safetensors lite1.safetensors [--every 2]]
"""
import argparse, os, platform, statistics, tempfile, time
from pathlib import Path
import torch
from PIL import Image
from deoldify.inference import Colorizer
from deoldify.metrics import evaluate
from deoldify.models import generator, load_generator, save_generator
from deoldify.train import md_table, recipe, valid_files

REPO = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--quality', nargs='*', default=[], help='trained generator files to compare on the held-out photos')
    ap.add_argument('--every', type=int, default=2, help='use every n-th validation photo for --quality')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    img = Image.open(REPO/'test_images'/'chelsea.png').convert('L').resize((1224, 816))  # 1 MP, 3:2
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {a.threads} threads; "
          f"1 MP photo, default render factor, bins head with hints")
    print("| encoder | seconds | × Lite0 | parameters (M) | fp16 file (MB) |\n|---|---|---|---|---|")
    base = None
    for enc in ('lite0', 'lite1', 'lite2'):
        g = generator(enc, pretrained=False, head='bins', hints=True)
        clr = Colorizer(g); clr(img)
        ts = []
        for _ in range(5):
            t = time.perf_counter(); clr(img); ts.append(time.perf_counter()-t)
        s = statistics.median(ts); base = base or s
        with tempfile.TemporaryDirectory() as d: mb = save_generator(g, Path(d)/'g.safetensors', encoder=enc).stat().st_size/1e6
        print(f"| {enc} | {s:.3f} | {s/base:.2f} | {sum(p.numel() for p in g.parameters())/1e6:.1f} | {mb:.1f} |")
    if a.quality:
        files = valid_files(recipe(a.quality[0]), a.root)[::a.every]
        print(f"\nquality on {len(files)} held-out photos:")
        print(md_table(evaluate({f"{recipe(f)['encoder']} ({Path(f).name})": Colorizer(load_generator(f)) for f in a.quality}, files)))

if __name__ == '__main__': main()
