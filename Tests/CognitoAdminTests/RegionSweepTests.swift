import CognitoAdmin
import Foundation
import Testing

/// Asking many regions at once: bounded, in order, and one region's failure is its own answer.
@Suite("Asking every region", .timeLimit(.minutes(5)))
struct RegionSweepTests {
    /// Counts the lists running at once.
    actor Gauge {
        var now = 0
        var most = 0
        func enter() { now += 1; most = max(most, now) }
        func leave() { now -= 1 }
    }

    @Test("at most eight regions are asked at once, and more than one")
    func bounded() async {
        let gauge = Gauge()
        let regions = (1...20).map { "xx-test-\($0)" }
        let answers = await RegionSweep.run(regions) { region -> [String] in
            await gauge.enter()
            try? await Task.sleep(for: .milliseconds(30))
            await gauge.leave()
            return [region]
        }
        #expect(answers.count == 20)
        let most = await gauge.most
        #expect(most <= RegionSweep.concurrency)
        #expect(most > 1)
    }

    @Test("answers come in the order of the regions, a failed region as its own answer")
    func orderAndFailure() async {
        struct Refused: Error {}
        let regions = ["a-1", "b-2", "c-3", "d-4"]
        let answers = await RegionSweep.run(regions, limit: 2) { region -> [String] in
            // Later regions finish first, so the order is not the order of finishing.
            try await Task.sleep(for: .milliseconds(10 * (5 - regions.firstIndex(of: region)!)))
            if region == "b-2" { throw Refused() }
            return [region.uppercased()]
        }
        #expect(answers.map(\.region) == regions)
        #expect(answers.map(\.items) == [["A-1"], [], ["C-3"], ["D-4"]])
        #expect(answers[1].failure is Refused)
        #expect(answers.filter { $0.failure != nil }.count == 1)
    }
}
