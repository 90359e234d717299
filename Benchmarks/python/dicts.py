# 200k dict lookups with string keys.
def run():
    words = ["w" + str(i) for i in range(1000)]
    counts = {}
    for w in words:
        counts[w] = len(w)
    total = 0
    for i in range(200000):
        total += counts[words[i % 1000]]
    return total


print(run())
