import Foundation

// livegate: the executable only parses arguments, does I/O and picks the exit code.
exit(LivegateCommand.run(Array(CommandLine.arguments.dropFirst())))
