/// A paginated operation's page fields whatever its shapes, as `Paging.all` lists them; a generic
/// function taking `some PagedOperation` opens one to its request and reply types.
public protocol PagedOperation: Sendable {
    associatedtype Input: Codable & Sendable
    associatedtype Output: Codable & Sendable
    associatedtype Item: Sendable

    /// The operation; its `pagination` names the members the other requirements read and write.
    var operation: OperationMetadata { get }
    /// The page sizes the model allows; nil when the operation takes no page size.
    var limitRange: ClosedRange<Int>? { get }
    /// The request for one page; see `PageFields.request(_:token:limit:)`.
    func request(_ input: Input, token: String?, limit: Int?) -> Input
    /// The token a reply carries for the next page.
    func nextToken(in output: Output) -> String?
    /// The items of one page.
    func items(in output: Output) -> [Item]
}

extension PageFields: PagedOperation where Input: Codable, Output: Codable {}
