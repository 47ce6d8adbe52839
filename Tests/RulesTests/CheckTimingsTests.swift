import Testing
@testable import LivegateRules

struct CheckTimingsTests {
    @Test func secondsAreShownToTheMillisecond() {
        #expect(CheckTimings.format(0.212) == "0.212 s")
        #expect(CheckTimings.format(0.05) == "0.050 s")
        #expect(CheckTimings.format(0.0004) == "0.000 s")
        #expect(CheckTimings.format(1.5) == "1.500 s")
        #expect(CheckTimings.format(12.0346) == "12.035 s")
    }

    @Test func phasesKeepTheirOrderAndSum() {
        var t = CheckTimings()
        let value = t.measure("first") { 42 }
        t.record("second", since: .now)
        #expect(value == 42)
        #expect(t.phases.map(\.name) == ["first", "second"])
        #expect(t.summary.hasPrefix("first "))
        #expect(t.summary.contains(" · second "))
        #expect(t.summary.contains(" · total "))
    }
}
