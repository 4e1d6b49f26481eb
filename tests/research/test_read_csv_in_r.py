"""R's read.csv loads every file with the codebook's types (skipped where R is not installed, never in CI)."""

import os
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Rscript") is None and not os.environ.get("CI"),
                                reason="R (Rscript) is not installed (apt-get install r-base-core)")

R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
book <- read.csv(file.path(folder, "codebook.csv"), colClasses = "character", na.strings = "")
classes <- c(string = "character", category = "character", date = "Date", integer = "integer",
             boolean = "integer", decimal = "numeric")
for (name in unique(book$file)) {
  rows <- book[book$file == name & !duplicated(book[, c("file", "variable")]), ]
  cc <- setNames(classes[rows$type], rows$variable)
  data <- read.csv(file.path(folder, name), colClasses = cc, na.strings = "", encoding = "UTF-8")
  stopifnot(identical(names(data), rows$variable), nrow(data) > 0)
  cat(name, nrow(data), "\n")
}
"""


def test_r_reads_every_file(export, tmp_path):
    out = export(fhir=False)
    script = tmp_path / "read.R"
    script.write_text(R_SCRIPT)
    result = subprocess.run(["Rscript", str(script), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "daily.csv" in result.stdout
