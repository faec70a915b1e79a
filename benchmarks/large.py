"""Peak memory and time to colorize a 24-megapixel photo, and whether it matches a small one.

The photo is test_images/astronaut.png upscaled to 6000x4000 and saved as a JPEG (the way a camera or a
scanner delivers it). It is colorized at render factor 35 by `deoldify colorize` logic in a fresh process:
load, colorize, save, with the default backend (`load_colorizer`: ONNX Runtime on a machine without a GPU).
Memory is the process's peak resident set (Linux VmHWM), including the imported libraries and the model. Quality: the large result shrunk to 1500x1000 against the same photo
colorized at 1500x1000 directly (mean and max difference in 0-255 levels): the model runs at the same
render size for both, so only the merge differs.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

def child(src, out, rf):
    from deoldify.inference import load_colorizer
    clr = load_colorizer()
    t = time.perf_counter()
    clr(src, rf).save(out, quality=95)
    sec = time.perf_counter() - t
    hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))/1024
    print(json.dumps(dict(sec=round(sec, 2), peak_mb=round(hwm))))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--size', type=int, nargs=2, default=[6000, 4000])
    ap.add_argument('--render-factor', type=int, default=35)
    ap.add_argument('--child', nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child: return child(a.child[0], a.child[1], int(a.child[2]))
    import numpy as np
    from PIL import Image
    from deoldify.core import machine
    print(f"{machine()}; "
          f"{a.size[0]}x{a.size[1]} JPEG, render factor {a.render_factor}")
    with tempfile.TemporaryDirectory() as d:
        big, small = Path(d)/'big.jpg', Path(d)/'small.png'
        img = Image.open(REPO/'test_images'/'astronaut.png').convert('RGB')
        img.resize(tuple(a.size), Image.BICUBIC).save(big, quality=92)
        img.resize((a.size[0]//4, a.size[1]//4), Image.BICUBIC).save(small)
        res = {}
        for name,src in [('large', big), ('small', small)]:
            r = subprocess.run([sys.executable, __file__, '--child', str(src), str(Path(d)/f'{name}-out.png'), str(a.render_factor)],
                               capture_output=True, text=True, check=True)
            res[name] = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"{name:6} {Image.open(src).size[0]}x{Image.open(src).size[1]}: {res[name]['sec']:.2f} s, peak {res[name]['peak_mb']} MB")
        a_ = np.asarray(Image.open(Path(d)/'large-out.png').resize(Image.open(small).size, Image.BOX), float)
        b_ = np.asarray(Image.open(Path(d)/'small-out.png'), float)
        print(f"large result shrunk vs small result: mean difference {np.abs(a_-b_).mean():.2f}, max {np.abs(a_-b_).max():.0f} levels")

if __name__ == '__main__': main()
