import LivegateScanner

print("livegate-bench")
