import AWSCore

/// A `CallObserver` that hands finished calls to a `ConsoleViewModel` for the `@` log, in the
/// order they finished. Install it in the `AWSSession` before the view-model exists (the session
/// comes first), then `attach` the view-model; calls that finished before are kept for it.
public final class CallLogRelay: CallObserver {
    private let stream: AsyncStream<CallRecord>
    private let continuation: AsyncStream<CallRecord>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: CallRecord.self, bufferingPolicy: .bufferingNewest(ConsoleState.callLogLimit))
    }

    public func didFinish(_ record: CallRecord) {
        continuation.yield(record)
    }

    /// Starts delivering calls to `viewModel`; call once.
    @MainActor
    public func attach(_ viewModel: ConsoleViewModel) {
        let stream = self.stream
        Task { [weak viewModel] in
            for await record in stream {
                guard let viewModel else { return }
                viewModel.send(.callFinished(record))
            }
        }
    }
}
