"""scripts/install into a fresh folder: the binary runs, the completions load in bash and zsh,
the manual page renders, and a missing build dependency is one sentence.

The install is `--debug`, which installs the debug build `scripts/test` has just made (seconds);
a release build takes several minutes and is measured by hand, not in every test run.
"""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INSTALL = REPO / "scripts" / "install"


@pytest.fixture(scope="module")
def prefix():
    folder = Path(tempfile.mkdtemp(prefix="cognito-tui-prefix-"))
    result = subprocess.run([str(INSTALL), "--debug", str(folder)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    yield folder, result.stdout
    shutil.rmtree(folder)


def run(arguments, **kwargs):
    return subprocess.run(arguments, capture_output=True, text=True, timeout=120, **kwargs)


def test_it_says_what_it_put_where(prefix):
    folder, stdout = prefix
    for relative in ["bin/cognito-tui", "share/bash-completion/completions/cognito-tui",
                     "share/zsh/site-functions/_cognito-tui", "share/fish/vendor_completions.d/cognito-tui.fish",
                     "share/man/man1/cognito-tui.1"]:
        assert (folder / relative).is_file(), relative
        assert str(folder / relative) in stdout, relative


def test_the_installed_binary_runs(prefix):
    folder, _ = prefix
    installed = run([str(folder / "bin" / "cognito-tui"), "--version"])
    built = run([str(REPO / ".build" / "debug" / "cognito-tui"), "--version"])
    assert installed.returncode == 0, installed.stderr
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", installed.stdout)
    assert installed.stdout == built.stdout


def test_bash_loads_the_completion_and_completes_a_command(prefix):
    folder, _ = prefix
    script = folder / "share" / "bash-completion" / "completions" / "cognito-tui"
    # Complete `cognito-tui us` the way bash does on Tab.
    result = run(["bash", "--norc", "--noprofile", "-c",
                  f"source '{script}' && complete -p cognito-tui && "
                  "COMP_WORDS=(cognito-tui us); COMP_CWORD=1; COMP_LINE='cognito-tui us'; COMP_POINT=14; "
                  "_cognito-tui cognito-tui us cognito-tui; echo \"replies: ${COMPREPLY[*]}\""],
                 env={**os.environ, "PATH": f"{folder / 'bin'}:{os.environ['PATH']}"})
    assert result.returncode == 0, result.stderr
    assert "-F _cognito-tui cognito-tui" in result.stdout
    assert "replies: users" in result.stdout


def test_zsh_loads_the_completion(prefix, tmp_path):
    folder, _ = prefix
    functions = folder / "share" / "zsh" / "site-functions"
    result = run(["zsh", "-f", "-c",
                  f"fpath=('{functions}' $fpath); autoload -Uz compinit; compinit -u -d '{tmp_path}/zcompdump'; "
                  "print -r -- \"bound: ${_comps[cognito-tui]}\"; autoload +X _cognito-tui && print loaded"])
    assert result.returncode == 0, result.stderr
    assert "bound: _cognito-tui" in result.stdout
    assert "loaded" in result.stdout


def test_man_renders_the_page_with_every_command(prefix):
    folder, _ = prefix
    page = folder / "share" / "man" / "man1" / "cognito-tui.1"
    result = run(["man", "--warnings", "-l", str(page)], env={**os.environ, "MANWIDTH": "100", "MANPAGER": "cat"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("COGNITO-TUI(1)")
    for command in ["cognito-tui users disable", "cognito-tui idpools simulate", "cognito-tui token verify"]:
        assert command in result.stdout, command
    assert "cognito-tui users get --pool staff-pool" in result.stdout
    # Neither the hidden command that writes the page nor the parser's own `help` has a section.
    assert "cognito-tui generate-manual" not in result.stdout
    assert "cognito-tui help" not in result.stdout


def test_a_missing_swift_is_one_sentence_naming_what_to_install(tmp_path):
    target = tmp_path / "prefix"
    result = run([str(INSTALL), str(target)], env={**os.environ, "PATH": "/usr/bin:/bin"})
    assert shutil.which("swift", path="/usr/bin:/bin") is None
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "swift is not on PATH" in lines[0] and "Swift 6 toolchain" in lines[0]
    assert not target.exists()
