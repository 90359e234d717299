# 100k f-string formats (an int, a float with a precision, a padded field).
def run():
    n = 0
    for i in range(100000):
        s = f"step {i}: loss={i * 0.001:.4f} [{i % 10:>3}]"
        n += len(s)
    return n


print(run())
