import AWSCore
import CognitoAPI
import CognitoAdmin

/// `--all-regions` of the list commands: every region asked at once (`RegionSweep`), the rows
/// with their region, and each region that did not answer as one line.
extension ListPrinter {
    /// Prints every region's records, each with `Region` first; a region that failed is one line
    /// on stderr and the rest still print.
    /// - Throws: the first region's error when no region answered at all.
    func regions<Item: Encodable & Sendable>(_ answers: [RegionAnswer<Item>]) throws {
        var records: [JSONValue] = []
        for answer in answers {
            for item in answer.items {
                guard case .object(var members) = try Self.json(item) else { continue }
                members["Region"] = .string(answer.region)
                records.append(.object(members))
            }
        }
        let failed = answers.filter { $0.failure != nil }
        try list(records)
        for answer in failed {
            Output.error(RegionsOutput.line(answer.region, answer.failure!))
        }
        if !answers.isEmpty, failed.count == answers.count, let first = failed.first?.failure {
            throw first
        }
    }
}

enum RegionsOutput {
    /// `eu-south-2 did not answer (…): ListUserPools failed with …`; a refusal of the credentials
    /// there says the region is probably not enabled for the account.
    static func line(_ region: String, _ error: any Error) -> String {
        let sentence = Output.describe(error).0
        if let service = error as? AWSServiceError,
           ["UnrecognizedClientException", "InvalidSignatureException", "AuthFailure"].contains(service.code) {
            return "\(region) did not answer (it may not be enabled for this account): \(sentence)"
        }
        return "\(region) did not answer: \(sentence)"
    }
}
