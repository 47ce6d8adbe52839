#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled signature: a token pattern, constraints on its captures, and what a match emits.
/// A class, so that the matcher's hot loop passes references, not copies.
public final class Signature: Sendable {
    /// `file#id` (or `file#index`): for messages and tests.
    public let id: String
    public let file: String
    /// Declaration order across the whole set: earlier signatures win ties.
    let order: Int
    let pattern: CompiledPattern
    /// Constraints by capture index; all must hold.
    let constraints: [(capture: Int, constraint: Constraint)]
    let emit: Emission?
    /// Binds the assigned variable (`const Lo = …`) to this class with the match's captures.
    let bind: String?
    /// At most one signature of a group matches at one anchor token (the earliest declared).
    let group: String?
    /// Only in files whose path contains one of these.
    let paths: [String]
    /// `paths` as bytes, compared with each file's path.
    let pathBytes: [[UInt8]]
    /// The leading fixed elements as plain data, compared before anything is allocated.
    let quick: [QuickElement]
    let quickWords: [UInt8]
    /// The elements after a leading `$callee` / `$bound`, and their quick check.
    let rest: [PatternElement]
    let restQuick: [QuickElement]
    /// The leading token sequences of the whole pattern and of its rest when their first
    /// alternations and optional parts are spelled out (empty: nothing to spell out): a
    /// candidate must start with one of them. `( $num , $alt( $ident . $ident | … ) ) ( $str`
    /// is then rejected at `(0,r.f)(a)` without running the matcher.
    let quickExpansions: [[QuickElement]]
    let restQuickExpansions: [[QuickElement]]
    /// `rest` compiled for the matcher's machine.
    let program: MatchProgram

    init(id: String, file: String, order: Int, pattern: CompiledPattern, constraints: [(capture: Int, constraint: Constraint)],
         emit: Emission?, bind: String?, group: String?, paths: [String]) {
        self.id = id
        self.file = file
        self.order = order
        self.pattern = pattern
        self.constraints = constraints
        self.emit = emit
        self.bind = bind
        self.group = group
        self.paths = paths
        pathBytes = paths.map { Array($0.utf8) }
        var words: [UInt8] = []
        var rest = pattern.elements
        switch rest.first {
        case .callee?, .bound?: rest.removeFirst()
        default: break
        }
        self.rest = rest
        self.program = MatchProgram(rest)
        self.restQuick = Self.quickElements(rest, &words)
        self.quick = Self.quickElements(pattern.elements, &words)
        self.restQuickExpansions = Self.quickExpansions(rest, &words)
        self.quickExpansions = Self.quickExpansions(pattern.elements, &words)
        self.quickWords = words
    }

    static func quickElements(_ elements: [PatternElement], _ words: inout [UInt8]) -> [QuickElement] {
        var quick: [QuickElement] = []
        loop: for e in elements {
            switch e {
            case .punct(let p): quick.append(QuickElement(tag: .punct, detail: p, offset: 0, length: 0))
            case .word(let w):
                quick.append(QuickElement(tag: .word, detail: 0, offset: Int32(words.count), length: Int32(w.count)))
                words += w
            case .string: quick.append(QuickElement(tag: .string, detail: 0, offset: 0, length: 0))
            case .number: quick.append(QuickElement(tag: .number, detail: 0, offset: 0, length: 0))
            case .ident: quick.append(QuickElement(tag: .ident, detail: 0, offset: 0, length: 0))
            case .bound: quick.append(QuickElement(tag: .anyToken, detail: 0, offset: 0, length: 0))
            default: break loop
            }
        }
        return quick
    }
}

extension Signature {
    /// At most this many spelled-out sequences per pattern.
    static let expansionLimit = 8

    /// The token sequences the pattern's leading one-token elements can match, alternations and
    /// optional parts of one-token elements spelled out, up to the first other element or as far
    /// as they stay `expansionLimit` sequences; empty when there is nothing to spell out.
    static func quickExpansions(_ elements: [PatternElement], _ words: inout [UInt8]) -> [[QuickElement]] {
        func simple(_ part: [PatternElement]) -> [QuickElement]? {
            var scratch = words
            let q = quickElements(part, &scratch)
            guard q.count == part.count else { return nil }
            words = scratch
            return q
        }
        var sequences: [[QuickElement]] = [[]]
        var spelledOut = false
        loop: for e in elements {
            var choices: [[QuickElement]]
            switch e {
            case .alternation(let parts):
                var list: [[QuickElement]] = []
                for part in parts {
                    guard let q = simple(part) else { break loop }
                    list.append(q)
                }
                choices = list
            case .optional(let part):
                guard let q = simple(part) else { break loop }
                choices = [q, []]
            default:
                guard let q = simple([e]) else { break loop }
                choices = [q]
            }
            if choices.count > 1 {
                guard sequences.count * choices.count <= expansionLimit else { break loop }
                spelledOut = true
            }
            sequences = sequences.flatMap { s in choices.map { s + $0 } }
        }
        return spelledOut ? sequences : []
    }
}

/// One leading element of a pattern as plain data.
struct QuickElement: Sendable {
    enum Tag: UInt8, Sendable { case punct, word, string, number, ident, anyToken }
    let tag: Tag
    let detail: UInt8
    let offset: Int32
    let length: Int32
}

/// What a match emits.
struct Emission: Sendable {
    let kind: String
    let key: Template
    let attributes: [(name: String, value: Template)]
    /// Attribute set to "true" when the same file has a fact with the key.
    let whenFileHas: [(name: String, key: Template)]
    /// Keys that must (or, with `!`, must not) be present among the bundle's facts.
    let requires: [(negated: Bool, key: Template)]
}

/// A `{capture}` template: `capacitor:{plugin}.{method}`, `{url|chunk}`.
struct Template: Sendable {
    enum Part: Sendable {
        case text(String)
        case capture(name: String, filter: Filter?)
    }

    enum Filter: String, Sendable, CaseIterable {
        /// Lower-cases the value.
        case lower
        /// Strips chunk hashes from a path (`ChunkName.normalize`).
        case chunk
        /// A route from a file path: `./(tabs)/settings/index.tsx` → `/settings`.
        case route
        /// The text after the last `.` (a file extension), lower-cased.
        case ext
        /// A URL path without its query and fragment: `/a?new=1#top` → `/a`.
        case path
    }

    let parts: [Part]
    var isEmpty: Bool { parts.isEmpty }

    static func parse(_ text: String) throws(PatternError) -> Template {
        var parts: [Part] = []
        var literal = ""
        var it = text.makeIterator()
        while let c = it.next() {
            if c == "}" { throw PatternError("'}' without '{' (placeholders are {name})") }
            guard c == "{" else { literal.append(c); continue }
            var name = ""
            var closed = false
            while let d = it.next() {
                if d == "}" { closed = true; break }
                name.append(d)
            }
            guard closed else { throw PatternError("'{' without '}'") }
            let pieces = name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !pieces[0].isEmpty else { throw PatternError("empty placeholder {}") }
            var filter: Filter?
            if pieces.count == 2 {
                guard let f = Filter(rawValue: pieces[1]) else {
                    throw PatternError("unknown filter |\(pieces[1]) (expected one of: \(Filter.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                filter = f
            } else if pieces.count > 2 {
                throw PatternError("one filter per placeholder")
            }
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
            parts.append(.capture(name: pieces[0], filter: filter))
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return Template(parts: parts)
    }

    var placeholders: [String] {
        parts.compactMap { if case .capture(let n, _) = $0 { return n } else { return nil } }
    }

    func render(_ value: (String) -> String?) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .capture(let name, let filter):
                let v = value(name) ?? ""
                switch filter {
                case nil: out += v
                case .lower?: out += v.lowercased()
                case .chunk?: out += ChunkName.normalize(v)
                case .route?: out += Template.route(fromFile: v)
                case .ext?: out += v.split(separator: ".").last.map { $0.lowercased() } ?? ""
                case .path?: out += v.prefix { $0 != "?" && $0 != "#" }
                }
            }
        }
        return out
    }

    /// `./(tabs)/settings/index.tsx` → `/settings`; `./_layout.tsx` → `/_layout`; `./[id].tsx` → `/[id]`.
    static func route(fromFile path: String) -> String {
        var p = Substring(path)
        if p.hasPrefix("./") { p = p.dropFirst(2) }
        if let dot = p.lastIndex(of: "."), !p[dot...].contains("/") { p = p[..<dot] }
        var segments = p.split(separator: "/").filter { !($0.hasPrefix("(") && $0.hasSuffix(")")) }
        if segments.last == "index" { segments.removeLast() }
        return "/" + segments.joined(separator: "/")
    }
}

/// A condition on a captured value. Checked on the value's UTF-8 bytes; no regular expressions.
enum Constraint: Sendable {
    case startsUpper
    case startsLower
    case oneOf(Set<String>)
    case notOneOf(Set<String>)
    case prefix([[UInt8]])
    case notPrefix([[UInt8]])
    case suffix([[UInt8]])
    case contains([[UInt8]])
    /// Contains one of the words, ignoring ASCII case (the words are stored lower-case).
    case containsIgnoringCase([[UInt8]])
    case minLength(Int)
    case maxLength(Int)
    /// `http:`/`https:`/`ws:`/`wss:` or protocol-relative `//host`.
    case matchesURL
    /// An absolute URL to another host: `http(s)://`, `ws(s)://` or `//host`.
    case isRemoteURL
    /// No whitespace, quotes or angle brackets: a path or URL, not prose.
    case pathLike

    static let names = [
        "startsUpper", "startsLower", "oneOf", "notOneOf", "prefix", "notPrefix", "suffix", "contains", "containsIgnoringCase",
        "minLength", "maxLength", "matchesURL", "isRemoteURL", "pathLike",
    ]

    func holds(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .startsUpper: return v.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false
        case .startsLower: return v.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false
        case .oneOf(let set): return set.contains(String(decoding: v, as: UTF8.self))
        case .notOneOf(let set): return !set.contains(String(decoding: v, as: UTF8.self))
        case .prefix(let list): return list.contains { Bytes.hasPrefix(v, $0) }
        case .notPrefix(let list): return !list.contains { Bytes.hasPrefix(v, $0) }
        case .suffix(let list): return list.contains { Bytes.hasSuffix(v, $0) }
        case .contains(let list): return list.contains { Bytes.contains(v, $0, ignoringCase: false) }
        case .containsIgnoringCase(let list): return list.contains { Bytes.contains(v, $0, ignoringCase: true) }
        case .minLength(let n): return v.count >= n
        case .maxLength(let n): return v.count <= n
        case .matchesURL: return Bytes.isURL(v, remoteOnly: false)
        case .isRemoteURL: return Bytes.isURL(v, remoteOnly: true)
        case .pathLike:
            guard v.count >= 4 else { return false }
            return !v.contains { $0 <= 0x20 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }
        }
    }
}

/// Byte helpers for constraints (ASCII case folding only).
enum Bytes {
    static func hasPrefix(_ v: UnsafeBufferPointer<UInt8>, _ p: String) -> Bool {
        hasPrefix(v, Array(p.utf8))
    }

    static func hasPrefix(_ v: UnsafeBufferPointer<UInt8>, _ pb: [UInt8]) -> Bool {
        guard pb.count <= v.count else { return false }
        for k in 0..<pb.count where v[k] != pb[k] { return false }
        return true
    }

    static func hasSuffix(_ v: UnsafeBufferPointer<UInt8>, _ sb: [UInt8]) -> Bool {
        guard sb.count <= v.count else { return false }
        let off = v.count - sb.count
        for k in 0..<sb.count where v[off + k] != sb[k] { return false }
        return true
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `nb` occurs in `v`. Candidates are found with `memchr` on the needle's rarest
    /// byte (the first one that is not a lower-case letter: `.`, `-`, `/`, digits; both cases
    /// when ignoring case), which runs at memory speed: a string of half a megabyte (inlined
    /// data) is searched for every gated word whose gram it holds.
    static func contains(_ v: UnsafeBufferPointer<UInt8>, _ nb: [UInt8], ignoringCase: Bool) -> Bool {
        let n = nb.count
        guard n > 0, n <= v.count, let base = v.baseAddress else { return n == 0 }
        return nb.withUnsafeBufferPointer { needle -> Bool in
            var o = 0
            while o < n && needle[o] >= 0x61 && needle[o] <= 0x7A { o += 1 }
            if o == n { o = 0 }
            let key = ignoringCase ? fold(needle[o]) : needle[o]
            let other = ignoringCase && key >= 0x61 && key <= 0x7A ? key & ~0x20 : key
            let last = v.count - n + o  // the last offset where the key byte can sit
            var k = o
            while k <= last {
                // The next offset holding the key byte (either case).
                let span = last - k + 1
                var next = last + 1
                if let hit = memchr(base + k, Int32(key), span) { next = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) }
                if other != key, next > k, let hit = memchr(base + k, Int32(other), next - k) {
                    next = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                guard next <= last else { return false }
                let at = next - o
                var m = 0
                if ignoringCase {
                    while m < n && fold(base[at + m]) == needle[m] { m += 1 }
                } else {
                    while m < n && base[at + m] == needle[m] { m += 1 }
                }
                if m == n { return true }
                k = next + 1
            }
            return false
        }
    }

    /// Remote: `http(s)://`, `ws(s)://`, `//host`. Otherwise any `scheme:` URL (`data:`, `blob:`, `file:`).
    static func isURL(_ v: UnsafeBufferPointer<UInt8>, remoteOnly: Bool) -> Bool {
        for scheme in ["https://", "http://", "wss://", "ws://"] where hasPrefix(v, scheme) {
            return v.count > scheme.utf8.count
        }
        if hasPrefix(v, "//"), v.count > 2, v[2] != 0x2F, v[2] > 0x20 { return true }
        if remoteOnly { return false }
        var k = 0
        while k < v.count, (v[k] >= 0x61 && v[k] <= 0x7A) || (k > 0 && (v[k] == 0x2B || v[k] == 0x2D || (v[k] >= 0x30 && v[k] <= 0x39))) { k += 1 }
        return k >= 2 && k < v.count - 1 && v[k] == 0x3A
    }
}
