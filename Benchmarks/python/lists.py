# 300k list appends, a comprehension over them, and a sum loop.
def run():
    xs = []
    for i in range(300000):
        xs.append(i % 7)
    ys = [x * 2 + 1 for x in xs]
    total = 0
    for y in ys:
        total += y
    return total


print(run())
