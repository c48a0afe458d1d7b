#!/usr/bin/python3
"""Executes a notebook through a Jupyter kernel gateway the way Jupyter Server does when it is configured with
`--gateway-url`: nbclient drives jupyter_server's GatewayKernelManager, which starts the kernel over REST and speaks
to it over the kernel WebSocket (without credentials: jupyter_server's gateway client sends none there, so the
gateway must accept anonymous requests). Writes the executed notebook; exits 1 if a cell failed.

With --compare-with-cpython, each Python code cell also runs in this CPython process, in order and in one
namespace, and what CPython prints and answers (the repr of a cell's last expression) must be what the gateway's
kernel produced, output for output.

    run_notebook.py GATEWAY_URL NOTEBOOK.ipynb EXECUTED.ipynb [--compare-with-cpython]
"""

import ast
import contextlib
import io
import sys

import nbformat
from jupyter_server.gateway.gateway_client import GatewayClient
from jupyter_server.gateway.managers import GatewayKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def cpython_outputs(code, namespace):
    """What a notebook shows for `code` run by CPython: its stdout, and the repr of a last expression statement."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(tree, "<cell>", "exec"), namespace)
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None
    return out.getvalue(), None if value is None else repr(value)


def gateway_outputs(cell):
    stdout = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    results = [o.data["text/plain"] for o in cell.outputs if o.output_type == "execute_result"]
    return stdout, results[0] if results else None


def compare_with_cpython(notebook):
    namespace, problems = {}, []
    for index, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        expected, got = cpython_outputs(cell.source, namespace), gateway_outputs(cell)
        if expected != got:
            problems.append(f"code cell {index + 1}: CPython gives {expected!r}, the gateway's kernel {got!r}")
    return problems


def main(argv):
    compare = "--compare-with-cpython" in argv
    argv = [arg for arg in argv if arg != "--compare-with-cpython"]
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    gateway, source, target = argv[1:]
    client = GatewayClient.instance()
    client.url = gateway
    client.request_timeout = 120.0
    client.connect_timeout = 60.0
    notebook = nbformat.read(source, as_version=4)
    kernel_name = notebook.metadata.get("kernelspec", {}).get("name", "python3")
    # nbclient makes and owns the manager, so that it shuts the kernel down and closes its WebSocket at the end
    runner = NotebookClient(notebook, kernel_manager_class=GatewayKernelManager, timeout=120, kernel_name=kernel_name)
    failed = None
    try:
        runner.execute()
    except CellExecutionError as error:
        failed = error
    nbformat.write(notebook, target)
    if failed is not None:
        print(f"FAIL: a cell failed: {failed}", file=sys.stderr)
        return 1
    if compare:
        problems = compare_with_cpython(notebook)
        for problem in problems:
            print("FAIL: " + problem, file=sys.stderr)
        if problems:
            return 1
        print(f"ok: every output is what CPython {sys.version.split()[0]} gives for the same cells")
    cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    print(f"ok: executed {cells} code cells of {source} through {gateway} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
