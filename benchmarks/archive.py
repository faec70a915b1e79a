"""Archive throughput: photos/s of `deoldify colorize FOLDER` with one worker and with one per CPU (or batches on a GPU), on the same photos.

The photos are the first 200 (by name) of `datasets/oldphotos`: genuine scans of mixed sizes. Each setting runs
`deoldify colorize` in a fresh process into an empty folder, with the default model, backend and render factor,
and is timed from start to exit (the model loading and the worker processes' start included, as a user sees it).
Memory is the peak of the summed resident sets of the command's processes (sampled every 0.1 s). One worker is the
way the command ran before workers (the model on ONNX Runtime's threads, reading and writing in between).
`--ceiling` first times the model alone (ONNX Runtime, a 256×352 input: render factor 16 on a 3:4 photo) on one
thread, on all threads, and in one single-thread process per CPU at once: the last over the second bounds what
workers can gain from running the model side by side. `--before REV` also times the command as it was at git
revision REV (a temporary worktree; e.g. c93ee62, the last before workers, which has no --workers option), in the
same run: the speed-up is then against it. With `--repeats R` the settings take turns R times and each row is the
median time (and the largest peak): a shared machine's speed drifts by tens of per cent between runs minutes apart.
`--batch B ...` adds settings with one process running the model on batches of B photos (`colorize_folder`'s `batch`),
the way a GPU is fed; with `--device cuda` every setting runs on the GPU (`--batch 1 16`: one photo at a time, as before
batches, against batches of 16). The photos can be any folder under any root: `--root .gpu --photos oldphotos` on the
device machine, with `datasets/oldphotos` copied to `.gpu/oldphotos` and carried.
"""
import argparse, os, statistics, subprocess, sys, tempfile, threading, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

def tree_rss(pid:int) -> int:
    "Summed resident set (bytes) of process `pid` and its descendants (Linux /proc)"
    try:
        kids = Path(f'/proc/{pid}/task/{pid}/children').read_text().split()
        rss = int(Path(f'/proc/{pid}/statm').read_text().split()[1])*os.sysconf('SC_PAGE_SIZE')
    except (FileNotFoundError, ProcessLookupError): return 0
    return rss + sum(tree_rss(int(k)) for k in kids)

def run(photos, dest, opts) -> tuple[float, int]:
    "Seconds and peak memory (bytes) of `deoldify colorize` on `photos` with the options `opts`, or (a folder) the package in that checkout"
    cmd = [sys.executable, '-m', 'deoldify.cli', 'colorize', *map(str, photos), '-o', str(dest), '-q'] + ([] if isinstance(opts, Path) else opts)
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=opts if isinstance(opts, Path) else None)  # -m imports from the folder it runs in first
    peak = [0]
    def watch():
        while p.poll() is None: peak[0] = max(peak[0], tree_rss(p.pid)); time.sleep(0.1)
    w = threading.Thread(target=watch, daemon=True); w.start()
    out, err = p.communicate()
    sec = time.perf_counter() - t; w.join()
    if p.returncode not in (0, 1): raise SystemExit(f"{' '.join(cmd[:6])} ...: exit {p.returncode}: {err.strip()[-300:]}")
    return sec, peak[0]

def model_rate(threads:int, n:int=20) -> float:
    "Photos/s of the default model alone on ONNX Runtime with `threads` threads, on a 256×352 input"
    import numpy as np
    from deoldify.inference import load_colorizer
    g = load_colorizer(backend='onnx', threads=threads).model
    x = np.random.default_rng(0).random((1, 3, 256, 352), np.float32)
    for _ in range(2): g(x)  # warm-up
    t = time.perf_counter()
    for _ in range(n): g(x)
    return n/(time.perf_counter() - t)

def ceiling():
    "The model's photos/s on one thread, on all, and summed over one single-thread process per CPU running at once"
    from concurrent.futures import ProcessPoolExecutor
    n = os.cpu_count()
    one, alln = model_rate(1), model_rate(n)
    with ProcessPoolExecutor(n) as ex: side = sum(ex.map(model_rate, [1]*n))
    print(f"the model alone: {one:.2f} photos/s on 1 thread, {alln:.2f} on {n} threads ({alln/one:.2f}x), "
          f"{side:.2f} in {n} single-thread processes at once ({side/alln:.2f}x the {n} threads: what workers can win on the model)", flush=True)

def _mp(f) -> float:
    from PIL import Image
    w, h = Image.open(f).size
    return w*h/1e6

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help='the folder holding datasets/oldphotos')
    ap.add_argument('-n', type=int, default=200, help='photos')
    ap.add_argument('--photos', default='datasets/oldphotos', help='the folder of photos, under --root')
    ap.add_argument('--min-mp', type=float, default=0, help='only photos of at least this many megapixels')
    ap.add_argument('--workers', type=int, nargs='+', help='settings to compare (default: 1 and the CPU count, unless --batch)')
    ap.add_argument('--batch', type=int, nargs='+', default=[], help='also these settings: photos per run of the model in one process (a GPU\'s)')
    ap.add_argument('--device', help="the model's device for every setting, e.g. cuda (default: the command's)")
    ap.add_argument('--repeats', type=int, default=1, help='runs of each setting, taking turns; the median is shown')
    ap.add_argument('--ceiling', action='store_true', help='first time the model alone: 1 thread, all threads, one process per CPU')
    ap.add_argument('--before', help='also the command at this git revision, e.g. c93ee62 (before workers)')
    a = ap.parse_args()
    from PIL import Image
    from deoldify.core import image_files, machine, md_table
    import pandas as pd
    photos = [f for f in image_files(Path(a.root)/a.photos) if a.min_mp == 0 or _mp(f) >= a.min_mp][:a.n]
    mp = [Image.open(f).size for f in photos]
    print(f"{machine()}; {len(photos)} photos of {a.photos}, {min(w*h for w,h in mp)/1e6:.2f}-{max(w*h for w,h in mp)/1e6:.2f} MP "
          f"(mean {sum(w*h for w,h in mp)/len(mp)/1e6:.2f}), default model, backend and render factor")
    if a.ceiling: ceiling()
    dev = ['--device', a.device] if a.device else []
    settings = {f'{w} worker' + 's'*(w > 1): ['--workers', str(w), *dev] for w in a.workers or ([] if a.batch else [1, os.cpu_count()])}
    settings |= {f'batches of {b}': ['--workers', '1', '--batch', str(b), *dev] for b in a.batch}
    with tempfile.TemporaryDirectory() as wt:
        if a.before:
            subprocess.run(['git', '-C', str(REPO), 'worktree', 'add', '--detach', wt, a.before], check=True, capture_output=True)
            settings = {f'{a.before} (before)': Path(wt)} | settings
        runs = {k: [] for k in settings}
        try:
            for _ in range(a.repeats):
                for k, w in settings.items():
                    with tempfile.TemporaryDirectory() as d:
                        sec, peak = run(photos, Path(d)/'out', w)
                        runs[k].append((sec, peak, len(list((Path(d)/'out').glob('*')))))
                    print(dict(setting=k, seconds=round(sec, 1), peak_memory_mb=round(peak/2**20)), flush=True)
        finally:
            if a.before: subprocess.run(['git', '-C', str(REPO), 'worktree', 'remove', '--force', wt], capture_output=True)
    rows = []
    for w, rs in runs.items():
        sec, done = statistics.median(r[0] for r in rs), min(r[2] for r in rs)
        rows.append(dict(setting=w, seconds=round(sec, 1), photos=done, photos_per_s=round(done/sec, 2), peak_memory_mb=round(max(r[1] for r in rs)/2**20)))
    tab = pd.DataFrame(rows).set_index('setting')
    tab['speed-up'] = (tab.photos_per_s/tab.photos_per_s.iloc[0]).round(2)
    print(md_table(tab))

if __name__ == '__main__': main()
