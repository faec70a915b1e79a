"""`make test`'s guard: a read of the folder named by $DEOLDIFY_NO_READ (the workplace's ../shared, which a user's clone
does not have) fails with PermissionError and is logged to $DEOLDIFY_NO_READ_LOG, which `make test` checks afterwards
(so a read inside a try block is caught too). Loaded by every Python that `make test` starts (PYTHONPATH), subprocesses
included; Python's audit hooks (PEP 578) see every open, listdir, scandir and glob."""
import os, sys

def _guard(root:str, log:str):
    root = os.path.realpath(root)
    def hook(event, args):
        if event not in ('open', 'os.listdir', 'os.scandir', 'glob.glob') or not args or not isinstance(args[0], (str, bytes, os.PathLike)): return
        p = os.path.realpath(os.fsdecode(args[0]))
        if p != root and not p.startswith(root + os.sep): return
        with open(log, 'a') as f: f.write(f"{p}\n")
        raise PermissionError(f"{p}: tests may not read {root} (a user's clone has no such folder)")
    sys.addaudithook(hook)

if os.environ.get('DEOLDIFY_NO_READ'): _guard(os.environ['DEOLDIFY_NO_READ'], os.environ['DEOLDIFY_NO_READ_LOG'])
