// Compiles Python to bytecode with the site's own Pyodide (the browser's exact Python 3.14), run in Node at
// build time: `node compile_pyc.mjs PYODIDE_DIR FOLDER`. Two jobs:
// - FOLDER (the app's packages): each module.py becomes module.pyc beside it ("legacy" layout, which
//   Python imports with no source present) and the source is removed;
// - PYODIDE_DIR/python_stdlib.zip: Pyodide ships the standard library as .py sources, which every start
//   compiles again as it imports them (half a second of SQLAlchemy's import alone); it is rewritten with
//   .pyc members instead (zipimport prefers them), deterministically (fixed member times).
// Unchecked-hash .pyc files: nothing is compared with a source timestamp (there is no source).
import { pathToFileURL } from "node:url";
import { renameSync } from "node:fs";

const [pyodideDir, folder] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: (t) => console.error(t) });
pyodide.FS.mkdirTree("/app");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, "/app");
pyodide.FS.mkdirTree("/site-pyodide");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: pyodideDir }, "/site-pyodide");
const failed = pyodide.runPython(`
import compileall, importlib.util, pathlib, py_compile, zipfile

ok = compileall.compile_dir("/app", quiet=2, workers=1, legacy=True,
                            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
if ok:
    for source in pathlib.Path("/app").rglob("*.py"):
        if source.with_suffix(".pyc").exists():
            source.unlink()

def member(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

STDLIB = "/site-pyodide/python_stdlib.zip"
with zipfile.ZipFile(STDLIB) as source, zipfile.ZipFile(STDLIB + ".compiled", "w") as target:
    for name in source.namelist():
        data = source.read(name)
        if not name.endswith(".py"):
            target.writestr(member(name), data)
            continue
        try:
            code = compile(data, "/lib/python314.zip/" + name, "exec", dont_inherit=True)
        except SyntaxError:  # test data and templates that are not Python: kept as they were
            target.writestr(member(name), data)
            continue
        pyc = importlib._bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(data), False)
        target.writestr(member(name[:-3] + ".pyc"), bytes(pyc))
0 if ok else 1
`);
if (!failed) renameSync(pyodideDir + "/python_stdlib.zip.compiled", pyodideDir + "/python_stdlib.zip");
process.exit(failed);
