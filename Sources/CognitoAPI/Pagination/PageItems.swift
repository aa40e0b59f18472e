/// The items of every page of a paginated operation, in order; see `PageSequence` for when it ends.
public struct PageItems<Input: Sendable, Output: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    let pages: PageSequence<Input, Output>
    let extract: @Sendable (Output) -> [Item]

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator(), extract: extract)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Input, Output>.AsyncIterator
        let extract: @Sendable (Output) -> [Item]
        var buffered: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index == buffered.count {
                guard let page = try await pages.next() else { return nil }
                buffered = extract(page)
                index = 0
            }
            defer { index += 1 }
            return buffered[index]
        }
    }
}
