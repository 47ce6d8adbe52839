/// `livegate debug tokens FILE`: what the tokenizers see (wired when the tokenizers land).
enum DebugCommand {
    static func run(_ arguments: [String]) -> Int32 {
        Console.error("livegate debug: usage: livegate debug tokens FILE [--format jsonl] | livegate debug css-tokens FILE\n")
        return 2
    }
}
