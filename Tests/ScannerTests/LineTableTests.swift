import Testing
@testable import LivegateScanner

struct LineTableTests {
    @Test func linesAcrossEveryTerminator() {
        // LF, CRLF, CR, LS, PS
        let text = "a\nb\r\nc\rd\u{2028}e\u{2029}f"
        let table = LineTable(Array(text.utf8))
        #expect(table.lineCount == 6)
        let bytes = Array(text.utf8)
        let f = bytes.firstIndex(of: UInt8(ascii: "f"))!
        #expect(table.position(of: f) == (6, 1))
        let c = bytes.firstIndex(of: UInt8(ascii: "c"))!
        #expect(table.position(of: c) == (3, 1))
    }

    @Test func columnsCountUTF16Units() {
        // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units.
        let text = "é😀x"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        #expect(table.position(of: bytes.count - 1) == (1, 4))
    }

    @Test func columnsOnALongLineCrossCheckpoints() {
        let text = String(repeating: "é", count: 3000) + "Z"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        #expect(table.position(of: bytes.count - 1) == (1, 3001))
    }

    @Test func invalidUTF8CountsOneUnitPerBadByte() {
        let bytes: [UInt8] = [0x61, 0x80, 0xFF, 0x62]
        let table = LineTable(bytes)
        #expect(table.position(of: 3) == (1, 4))
    }

    @Test func snippetIsCutAroundTheOffsetOnLongLines() {
        let text = String(repeating: "a", count: 500) + "NEEDLE" + String(repeating: "b", count: 500)
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        let snippet = table.snippet(around: 500, length: 6, limit: 40)
        #expect(snippet.contains("NEEDLE"))
        #expect(snippet.utf8.count <= 40)
    }
}

@Test func utf16OffsetFromAnAnchorMatchesTheDirectCount() {
    let text = String(repeating: "aé😀\u{2028}", count: 700)
    let bytes = Array(text.utf8)
    let table = LineTable(bytes)
    var anchor = 0, units = 0
    for offset in stride(from: 0, through: bytes.count, by: 7) {
        let u = table.utf16Offset(of: offset, after: anchor, anchorUnits: units)
        #expect(u == table.utf16Offset(of: offset))
        anchor = offset
        units = u
    }
}
