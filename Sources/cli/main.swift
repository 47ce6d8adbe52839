import LivegateRules
import LivegateScanner

print("livegate")
