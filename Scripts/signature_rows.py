"""The rows of a signature fixture, `module<TAB>name<TAB>(parameters)`, as `inspect.signature`
prints them (a class as its constructor, without `self`). Shared by
make_library_signatures.py and make_tensorflow_signatures.py."""
import inspect


def signature_text(f, plain=False):
    """`f`'s signature without a leading `self`; `plain` drops annotations (TensorFlow's)."""
    signature = inspect.signature(f)
    parameters = list(signature.parameters.values())
    if plain:
        parameters = [p.replace(annotation=inspect.Parameter.empty) for p in parameters]
        signature = signature.replace(return_annotation=inspect.Signature.empty)
    if parameters and parameters[0].name == "self":
        parameters = parameters[1:]
    return str(signature.replace(parameters=parameters))


def module_rows(modules, plain=False):
    """A row for every public callable of each `(qualified name, module)` pair."""
    out = []
    for module_name, module in modules:
        for name in sorted(dir(module)):
            if name.startswith("_"):
                continue
            f = getattr(module, name)
            if not callable(f):
                continue
            try:
                out.append(f"{module_name}\t{name}\t{signature_text(f.__init__ if isinstance(f, type) else f, plain)}")
            except (TypeError, ValueError):
                pass
    return out
