"""Speed and memory of DeOldify's generators: the faithful eager path vs deoldify's fast paths.

    python benchmarks/original.py [--presets artistic stable] [--render-factors 21 35 45] [--fixture ../shared/compat]

Weights: the compatibility fixture's synthetic artistic and stable weights, saved like the release files
(same layout and size as the real ones, so the same work per image). Photo: test_images/astronaut.png
resized to 1152x864 (1.0 MP), faithful mode (a 16*rf square). Every configuration runs in a fresh process:
a warm-up call at render factor 4, then two calls at the render factor; the time is the faster of the two.

Memory is the process's peak resident set during the first call (Linux VmHWM, reset just before it).
"model MB" is that peak minus the resident set of the imported libraries (python, torch, fastai: about
850 MB, the same for every path): the weights, their copies and the activations. "ratio" compares it with
the eager path's. "loaded MB" is the resident set before the call (for ONNX Runtime including its session,
built for this size beforehand). The output difference is the largest difference of the network's RGB
output in [0,1] from the eager path's, in units of 1/255.
"""
import argparse, json, os, platform, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np

REPO = Path(__file__).resolve().parent.parent
PATHS = {  # name: keyword arguments of `original_colorizer`
    'eager fp32': dict(backend='eager'),
    'fast fp32': dict(backend='torch'),
    'onnxruntime fp32': dict(backend='onnx'),
    'fast bf16': dict(backend='torch', bf16=True),
}

def rss_mb(field):
    return int(next(l for l in open('/proc/self/status') if l.startswith(field)).split()[1])/1024

def one(preset, weights, rf, path, out):
    "Runs in the child process: time one faithful colorization, save the network output"
    import torch
    from PIL import Image
    from deoldify.original_fast import original_colorizer, preprocess
    img = Image.open(REPO/'test_images'/'astronaut.png').convert('RGB').resize((1152, 864), Image.BICUBIC)
    libs = rss_mb('VmRSS')  # python, torch, fastai: the same for every path
    clr = original_colorizer(weights, rf, preset, faithful=True, **PATHS[path])
    clr(img, 4)  # warm-up at a tiny size: threads, libraries
    if hasattr(clr.model, 'prepare'): clr.model.prepare((1, 3, 16*rf, 16*rf))  # ONNX Runtime: export, build the session
    before = rss_mb('VmRSS')
    Path('/proc/self/clear_refs').write_text('5')  # reset the peak (VmHWM)
    t = time.perf_counter()
    clr(img)
    sec, peak = time.perf_counter() - t, rss_mb('VmHWM')
    t = time.perf_counter()
    clr(img)  # again: the first call at a new size also sets up oneDNN's kernels
    sec = min(sec, time.perf_counter() - t)
    with torch.inference_mode(): y = clr.model(preprocess(img, rf)).float()
    std = torch.tensor([0.229, 0.224, 0.225]).view(1,3,1,1)
    np.save(out, (y*std).numpy())  # RGB in [0,1] up to the mean, which cancels in differences
    return dict(sec=round(sec, 2), libs_mb=round(libs), loaded_mb=round(before), peak_mb=round(peak), model_mb=round(peak-libs))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--presets', nargs='+', default=['artistic', 'stable'])
    ap.add_argument('--render-factors', type=int, nargs='+', default=[21, 35, 45])
    ap.add_argument('--paths', nargs='+', default=list(PATHS), choices=list(PATHS))
    ap.add_argument('--fixture', default=str(REPO.parent/'shared'/'compat'))
    ap.add_argument('--child', nargs=5, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        preset, weights, rf, path, out = a.child
        print(json.dumps(one(preset, weights, int(rf), path, out))); return
    sys.path.insert(0, a.fixture)
    from synth_weights import make_state_dict, save_like_release
    from deoldify.core import machine
    cpu = open('/proc/cpuinfo').read() if Path('/proc/cpuinfo').exists() else ''
    name = next((l.split(':', 1)[1].strip() for l in cpu.splitlines() if l.startswith('model name')), platform.processor())
    bf16 = [f for f in ('avx512_bf16', 'amx_bf16') if f in cpu.split()]
    print(f"{name} ({', '.join(bf16) or 'no bf16 units'}), {machine()}; 1152x864 photo, faithful mode")
    print(f"{'preset':9} {'rf':>3} {'path':17} {'s/image':>8} {'speed-up':>8} {'peak MB':>8} {'model MB':>8} {'ratio':>6} {'loaded MB':>9} {'max diff':>9}")
    # glibc keeps freed memory below its (adaptive) mmap threshold for reuse, which would hide one path's peak
    # behind another's leftovers: a fixed threshold returns large blocks to the system when they are freed
    env = dict(os.environ, MALLOC_MMAP_THRESHOLD_='131072')
    with tempfile.TemporaryDirectory() as d:
        for preset in a.presets:
            w = Path(d)/f'{preset}.pth'
            save_like_release(make_state_dict(Path(a.fixture)/f'{preset}_keys.json', seed=0), w)
            for rf in a.render_factors:
                ref = None
                for path in a.paths:
                    out = Path(d)/'y.npy'
                    r = subprocess.run([sys.executable, __file__, '--child', preset, str(w), str(rf), path, str(out)],
                                       capture_output=True, text=True, env=env)
                    if r.returncode:
                        print(f"{preset:9} {rf:>3} {path:17} failed: {r.stderr.strip().splitlines()[-1]}"); continue
                    res, y = json.loads(r.stdout.strip().splitlines()[-1]), np.load(out)
                    if ref is None: ref = (res, y)
                    diff = np.abs(y - ref[1]).max()*255
                    print(f"{preset:9} {rf:>3} {path:17} {res['sec']:>8.2f} {ref[0]['sec']/res['sec']:>7.2f}x {res['peak_mb']:>8} "
                          f"{res['model_mb']:>8} {res['model_mb']/ref[0]['model_mb']:>6.2f} {res['loaded_mb']:>9} {diff:>8.3f}", flush=True)
            w.unlink()

if __name__ == '__main__': main()
