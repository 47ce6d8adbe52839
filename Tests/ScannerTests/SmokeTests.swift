import Testing
@testable import LivegateScanner

@Test func fileKindRawValues() {
    #expect(FileKind.nativeCode.rawValue == "native-code")
}
