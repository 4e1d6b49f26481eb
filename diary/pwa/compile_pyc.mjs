// Compiles a folder of Python sources to bytecode with the site's own Pyodide (the browser's exact
// Python 3.14), run in Node at build time: `node compile_pyc.mjs PYODIDE_DIR FOLDER`.
// Each module.py becomes module.pyc beside it ("legacy" layout, which Python imports with no source
// present) and the source is removed: the archive is smaller and unpacks faster. Unchecked-hash
// .pyc files: nothing is compared with a source timestamp (the archive's files carry none).
import { pathToFileURL } from "node:url";

const [pyodideDir, folder] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: (t) => console.error(t) });
pyodide.FS.mkdirTree("/app");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, "/app");
const failed = pyodide.runPython(`
import compileall, pathlib, py_compile
ok = compileall.compile_dir("/app", quiet=2, workers=1, legacy=True,
                            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
if ok:
    for source in pathlib.Path("/app").rglob("*.py"):
        if source.with_suffix(".pyc").exists():
            source.unlink()
0 if ok else 1
`);
process.exit(failed);
