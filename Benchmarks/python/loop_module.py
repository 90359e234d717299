# 10^6-iteration scalar loop at module level (globals).
s = 0.0
for i in range(1000000):
    s = s + i * 0.5
print(s)
