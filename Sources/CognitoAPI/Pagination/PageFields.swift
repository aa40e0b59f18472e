/// Where one paginated operation keeps its page token, its page size and its items: the request
/// member that carries the token of the page to fetch, the request member that bounds the page
/// size (not every operation has one), and the reply members holding the next token and the items.
///
/// The generated `Paging` namespace has one for every paginated operation, so a caller never names
/// those members itself. `page(_:token:limit:fetch:)` fetches one page and knows no stop rule; a
/// caller paging by hand follows `TokenTrail`, and `pages(_:fetch:)` does so for it.
///
/// ```
/// let (users, next) = try await Paging.listUsers.page(input, token: token, limit: 60) {
///     try await backend.listUsers($0)
/// }
/// ```
public struct PageFields<Input: Sendable, Output: Sendable, Item: Sendable>: Sendable {
    /// The request member that bounds the page size, with the model's range for it.
    struct Limit: Sendable {
        let range: ClosedRange<Int>
        let write: @Sendable (inout Input, Int) -> Void
    }

    /// The operation these fields belong to; its `pagination` names the members.
    public let operation: OperationMetadata
    let token: @Sendable (Input) -> String?
    let setToken: @Sendable (inout Input, String?) -> Void
    let limit: Limit?
    let replyToken: @Sendable (Output) -> String?
    let replyItems: @Sendable (Output) -> [Item]

    /// Made by the generated `Paging` namespace only.
    init(operation: OperationMetadata,
         token: @escaping @Sendable (Input) -> String?,
         setToken: @escaping @Sendable (inout Input, String?) -> Void,
         limit: Limit?,
         replyToken: @escaping @Sendable (Output) -> String?,
         replyItems: @escaping @Sendable (Output) -> [Item]) {
        self.operation = operation
        self.token = token
        self.setToken = setToken
        self.limit = limit
        self.replyToken = replyToken
        self.replyItems = replyItems
    }

    /// The page sizes the model allows; nil when the operation takes no page size.
    public var limitRange: ClosedRange<Int>? { limit?.range }

    /// The request for one page: `input` with `token` in its token member (nil asks for the first
    /// page) and `limit`, brought into the model's range, in its page-size member.
    ///
    /// - Parameters:
    ///   - input: the request without paging, e.g. a pool id and a filter.
    ///   - token: the token of the page to fetch; nil for the first page.
    ///   - limit: the page size wanted; nil keeps the input's own. Ignored when the operation takes
    ///     no page size.
    public func request(_ input: Input, token: String?, limit: Int? = nil) -> Input {
        var request = input
        setToken(&request, token)
        if let limit, let field = self.limit {
            // The service refuses a size outside the model's range (ListResourceServers stops at 50
            // where most lists allow 60), so a caller's one size for every list fits each of them.
            field.write(&request, min(max(limit, field.range.lowerBound), field.range.upperBound))
        }
        return request
    }

    /// The token of the page after `output`, as the reply carries it; whether to follow it is the
    /// caller's decision (see `TokenTrail`).
    public func nextToken(in output: Output) -> String? {
        replyToken(output)
    }

    /// The items of the page `output`; empty when the reply leaves the member out.
    public func items(in output: Output) -> [Item] {
        replyItems(output)
    }

    /// Fetches one page.
    ///
    /// - Parameters:
    ///   - input: the request without paging.
    ///   - token: the token of the page to fetch; nil for the first page.
    ///   - limit: the page size wanted, brought into the model's range; nil keeps the input's own.
    ///   - fetch: calls the operation.
    /// - Returns: the page's items and the token the reply carries for the next page.
    /// - Throws: what `fetch` throws.
    public func page(_ input: Input, token: String?, limit: Int? = nil,
                     fetch: (Input) async throws -> Output) async throws -> (items: [Item], next: String?) {
        let output = try await fetch(request(input, token: token, limit: limit))
        return (replyItems(output), replyToken(output))
    }

    /// Every page from `input` on (a token in it resumes there), fetched as the sequence is iterated.
    public func pages(_ input: Input, fetch: @escaping @Sendable (Input) async throws -> Output)
        -> PageSequence<Input, Output> {
        let setToken = self.setToken
        let replyItems = self.replyItems
        return PageSequence(input: input, fetch: fetch, inputToken: token, nextToken: replyToken,
                            itemCount: { replyItems($0).count }, resume: { setToken(&$0, $1) })
    }

    /// Every item of every page from `input` on, in order.
    public func everyItem(_ input: Input, fetch: @escaping @Sendable (Input) async throws -> Output)
        -> PageItems<Input, Output, Item> {
        pages(input, fetch: fetch).items(replyItems)
    }
}
