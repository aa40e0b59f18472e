/// The pages of a paginated operation, fetched one at a time as the sequence is iterated.
///
/// It starts with the input as given (a token in it resumes a listing) and stops as `TokenTrail`
/// says: on a reply with no token, an empty one, or one already sent. A page with no items but a
/// fresh token is followed, up to `TokenTrail.emptyPageLimit` of them in a row (then the
/// iteration throws `EndlessEmptyPages`). The generated `Paging` values make these for each operation.
public struct PageSequence<Input: Sendable, Output: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Output

    let input: Input
    let fetch: @Sendable (Input) async throws -> Output
    let inputToken: @Sendable (Input) -> String?
    let nextToken: @Sendable (Output) -> String?
    let itemCount: @Sendable (Output) -> Int
    let resume: @Sendable (inout Input, String) -> Void

    /// - Parameters:
    ///   - input: the first request.
    ///   - fetch: calls the operation.
    ///   - inputToken: reads the token a request carries.
    ///   - nextToken: reads the next page's token from a reply.
    ///   - itemCount: counts a reply's items.
    ///   - resume: writes a token into a request.
    public init(input: Input, fetch: @escaping @Sendable (Input) async throws -> Output,
                inputToken: @escaping @Sendable (Input) -> String?,
                nextToken: @escaping @Sendable (Output) -> String?,
                itemCount: @escaping @Sendable (Output) -> Int,
                resume: @escaping @Sendable (inout Input, String) -> Void) {
        self.input = input
        self.fetch = fetch
        self.inputToken = inputToken
        self.nextToken = nextToken
        self.itemCount = itemCount
        self.resume = resume
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self, pending: input, trail: TokenTrail(first: inputToken(input)))
    }

    /// The items of every page, flattened in order.
    public func items<Item: Sendable>(_ extract: @escaping @Sendable (Output) -> [Item]) -> PageItems<Input, Output, Item> {
        PageItems(pages: self, extract: extract)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        /// The request for the next page; nil once the listing has ended.
        var pending: Input?
        var trail: TokenTrail

        public mutating func next() async throws -> Output? {
            guard let request = pending else { return nil }
            let page = try await sequence.fetch(request)
            pending = nil
            if let token = try trail.next(after: sequence.nextToken(page), items: sequence.itemCount(page)) {
                var following = request
                sequence.resume(&following, token)
                pending = following
            }
            return page
        }
    }
}
