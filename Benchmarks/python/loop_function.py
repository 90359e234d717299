# 10^6-iteration scalar loop inside a function (locals).
def run():
    s = 0.0
    for i in range(1000000):
        s = s + i * 0.5
    return s


print(run())
