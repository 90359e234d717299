"""Writes Tests/NotebookTests/Fixtures/jupyter.ipynb: a real notebook made with nbformat, with
math in markdown, a pasted image (attachment), outputs of every kind and an IPython magic.

Run by hand when the fixture should change: python3 Scripts/make_notebook_fixture.py
"""
import base64
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

# A 1x1 PNG, so the attachment is a real image.
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e2bd1a6e0000000049454e44ae426082")).decode()

nb = new_notebook()
nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
nb.cells = [
    new_markdown_cell("# Logistic regression\n\nThe model is $\\hat y = \\sigma(w^\\top x + b)$ and\n\n"
                      "$$L = -\\frac1n \\sum_i y_i \\log \\hat y_i$$"),
    new_code_cell("%matplotlib inline\nimport numpy as np\nw = np.array([0.5, -0.25])\nprint(w)",
                  execution_count=1,
                  outputs=[new_output("stream", name="stdout", text="[ 0.5  -0.25]\n")]),
    new_markdown_cell("A pasted drawing:\n\n![neuron.png](attachment:neuron.png)",
                      attachments={"neuron.png": {"image/png": PNG}}),
    new_code_cell("w.sum()", execution_count=2,
                  outputs=[new_output("execute_result", data={"text/plain": "np.float64(0.25)"},
                                      execution_count=2)]),
    new_code_cell("1 / 0", execution_count=3,
                  outputs=[new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                      traceback=["ZeroDivisionError: division by zero"])]),
]
for i, cell in enumerate(nb.cells):
    cell["id"] = f"fixture-{i}"
nbformat.validate(nb)
nbformat.write(nb, "Tests/NotebookTests/Fixtures/jupyter.ipynb")
