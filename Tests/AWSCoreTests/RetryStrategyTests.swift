import Testing
@testable import AWSCore

@Suite("Standard retry mode", .timeLimit(.minutes(5)))
struct RetryStrategyTests {
    func strategy(attempts: Int? = nil, quota: Int = RetryQuota.initialTokens, random: Double = 0.5) -> RetryStrategy {
        RetryStrategy(configuration: RetryConfiguration(mode: .standard, maxAttempts: attempts),
                      quota: RetryQuota(tokens: quota), random: { random })
    }

    @Test("three attempts by default in standard mode, five in legacy")
    func defaultAttempts() {
        #expect(RetryConfiguration(mode: .standard).maxAttempts == 3)
        #expect(RetryConfiguration(mode: .adaptive).maxAttempts == 3)
        #expect(RetryConfiguration(mode: .legacy).maxAttempts == 5)
        #expect(RetryConfiguration(mode: .standard, maxAttempts: 7).maxAttempts == 7)
    }

    @Test("throttling codes are retried", arguments: ["ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded", "SlowDown"])
    func throttlingIsRetried(_ code: String) {
        let decision = strategy().decide(attempt: 1, outcome: .serviceError(code: code, status: 400), mutates: false)
        #expect(decision == .retry(after: .milliseconds(500), cost: RetryQuota.retryCost))
    }

    @Test("5xx statuses are retried for reads", arguments: [500, 502, 503, 504])
    func serverErrorsAreRetried(_ status: Int) {
        let decision = strategy().decide(attempt: 1, outcome: .unreadable(status: status), mutates: false)
        guard case .retry = decision else { Issue.record("expected a retry, got \(decision)"); return }
    }

    @Test("client errors are not retried")
    func clientErrorsStop() {
        let decision = strategy().decide(
            attempt: 1, outcome: .serviceError(code: "ResourceNotFoundException", status: 400), mutates: false)
        #expect(decision == .stop(reason: .notRetryable))
    }

    @Test("the last attempt is not followed by another")
    func attemptsAreBounded() {
        let s = strategy(attempts: 3)
        #expect(s.decide(attempt: 2, outcome: .couldNotConnect, mutates: false) != .stop(reason: .attemptsExhausted))
        #expect(s.decide(attempt: 3, outcome: .couldNotConnect, mutates: false) == .stop(reason: .attemptsExhausted))
    }

    @Test("backoff is full jitter on 2^(attempt-1) seconds, capped at 20 seconds")
    func backoffGrowsAndIsCapped() {
        let s = strategy(random: 0.999)
        #expect(s.backoff(attempt: 1) == .milliseconds(999))
        #expect(s.backoff(attempt: 3) == .milliseconds(3996))
        #expect(s.backoff(attempt: 10) == .milliseconds(19980))
        #expect(strategy(random: 0).backoff(attempt: 4) == .zero)
    }

    @Test("a mutating call is not resent after an ambiguous network failure")
    func ambiguousMutationStops() {
        let s = strategy()
        #expect(s.decide(attempt: 1, outcome: .ambiguousNetworkFailure, mutates: true) == .stop(reason: .mayHaveBeenApplied))
        #expect(s.decide(attempt: 1, outcome: .unreadable(status: 502), mutates: true) == .stop(reason: .mayHaveBeenApplied))
        #expect(s.decide(attempt: 1, outcome: .serviceError(code: "InternalErrorException", status: 500), mutates: true)
                == .stop(reason: .mayHaveBeenApplied))
    }

    @Test("a mutating call is resent when the failure proves it was not applied")
    func provenRefusalsAreRetriedForMutations() {
        let s = strategy()
        for outcome: AttemptOutcome in [.couldNotConnect, .serviceError(code: "TooManyRequestsException", status: 400),
                                        .unreadable(status: 503), .unreadable(status: 429)] {
            guard case .retry = s.decide(attempt: 1, outcome: outcome, mutates: true) else {
                Issue.record("expected a retry for \(outcome)"); continue
            }
        }
    }

    @Test("reads are retried after an ambiguous network failure, at the timeout cost")
    func ambiguousReadRetries() {
        let quota = RetryQuota(tokens: 100)
        let s = RetryStrategy(configuration: RetryConfiguration(), quota: quota, random: { 0 })
        #expect(s.decide(attempt: 1, outcome: .ambiguousNetworkFailure, mutates: false) == .retry(after: .zero, cost: 10))
        #expect(quota.available == 90)
    }

    @Test("an empty retry quota stops retries, and successes refill it")
    func quotaIsSpentAndRefilled() {
        let quota = RetryQuota(tokens: 7)
        let s = RetryStrategy(configuration: RetryConfiguration(), quota: quota, random: { 0 })
        #expect(s.decide(attempt: 1, outcome: .couldNotConnect, mutates: false) == .retry(after: .zero, cost: 5))
        #expect(quota.available == 2)
        #expect(s.decide(attempt: 1, outcome: .couldNotConnect, mutates: false) == .stop(reason: .quotaExhausted))
        s.recordSuccess(spent: 5)
        #expect(quota.available == 7)
        s.recordSuccess(spent: 0)
        #expect(quota.available == 7, "the quota never grows past its capacity")
    }

    @Test("only loopback addresses count as loopback, not names that start with 127.")
    func loopbackEndpoints() throws {
        for url in ["http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost", "http://[::1]:9"] {
            #expect(try #require(Endpoint(url: url)).isLoopback, "\(url)")
        }
        for url in ["http://127.attacker.example", "http://127.0.0.1.example.com", "http://10.0.0.1", "http://1270.0.0.1"] {
            #expect(try #require(Endpoint(url: url)).isLoopback == false, "\(url)")
        }
    }
}
