import AWSCore
import CognitoAdmin
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Testing
import TestSupport

/// `:userpools all` and `:idpools all` against the emulator, which keeps pools per region (the
/// region of the signing scope) behind its one endpoint.
@MainActor
@Suite("Every region's pools in the console", .timeLimit(.minutes(5)))
struct AllRegionsConsoleTests {
    /// Regions no scenario that counts rows uses (those keep a region each).
    static let regions = ["eu-west-1", "us-west-2", "eu-central-1"]

    static func model(_ backend: any CognitoBackend) -> ConsoleViewModel {
        let model = ConsoleViewModel(backend: backend, start: .userPools, makeBackend: { _, region in
            try backend.inRegion(region ?? backend.info.region)
        })
        model.handle(.resize(columns: 140, rows: 40, bodyHeight: 30))
        return model
    }

    static func type(_ model: ConsoleViewModel, _ text: String) {
        model.handle(.key(.character(":")))
        for char in text { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
    }

    static func table(_ model: ConsoleViewModel) -> TableView? {
        if case .table(let table) = model.screen.body { return table }
        return nil
    }

    @Test(":userpools all lists the pools of three regions, each with its region; R opens one in its region")
    func userPoolsOfEveryRegion() async throws {
        let backend = try EmulatorBackend.make()
        var made: [String: String] = [:]
        for region in Self.regions {
            let name = EmulatorBackend.unique("everywhere")
            let pool = try await backend.inRegion(region).createUserPool(.init(poolName: name))
            made[name] = try #require(pool.userPool?.id)
        }
        let model = Self.model(backend)
        await model.settle()
        Self.type(model, "userpools all")
        await model.settle()
        let table = try #require(Self.table(model))
        #expect(table.columns.map(\.title) == ["REGION", "NAME", "ID", "CREATED"])
        for (name, id) in made {
            let row = try #require(table.rows.first { $0.cells[1] == name }, "\(name) is missing")
            #expect(row.cells[2] == id)
            #expect(Self.regions.contains(row.cells[0]) && id.hasPrefix(row.cells[0] + "_"))
        }
        let regionsShown = Set(table.rows.map { $0.cells[0] })
        #expect(regionsShown.isSuperset(of: Self.regions))
        #expect(!table.rows.contains { $0.dimmed })

        // R on the us-west-2 pool switches there and opens it over us-west-2's own list.
        let target = try #require(made.first { $0.value.hasPrefix("us-west-2_") })
        model.handle(.key(.character("/")))
        for char in target.key { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        model.handle(.key(.character("R")))
        await model.settle()
        #expect(model.screen.header.region == "us-west-2")
        #expect(model.screen.breadcrumbs.first == "User pools")
        #expect(model.state.current.kind == .userPool(id: target.value, name: target.key))
        guard case .detail = model.screen.body else { Issue.record("no summary: \(model.screen.body)"); return }
    }

    @Test(":idpools all lists the identity pools of three regions, each with its region")
    func identityPoolsOfEveryRegion() async throws {
        let backend = try EmulatorBackend.make()
        var made: [String: String] = [:]
        for region in Self.regions {
            let name = EmulatorBackend.unique("everywhere").replacingOccurrences(of: "-", with: "_")
            let pool = try await backend.inRegion(region).createIdentityPool(
                .init(identityPoolName: name, allowUnauthenticatedIdentities: false))
            made[name] = region
            #expect(pool.identityPoolId.hasPrefix(region + ":"))
        }
        let model = Self.model(backend)
        await model.settle()
        Self.type(model, "idpools all")
        await model.settle()
        let table = try #require(Self.table(model))
        #expect(table.columns.map(\.title) == ["REGION", "NAME", "ID"])
        for (name, region) in made {
            let row = try #require(table.rows.first { $0.cells[1] == name }, "\(name) is missing")
            #expect(row.cells[0] == region)
        }
    }

    @Test("a region that refuses the credentials is one dimmed row; the others still list")
    func refusedRegionIsOneRow() async throws {
        let backend = RefusingRegion(base: try EmulatorBackend.make(), refused: "eu-south-2")
        let name = EmulatorBackend.unique("beside-refused")
        _ = try await (try backend.inRegion("eu-west-1")).createUserPool(.init(poolName: name))
        let model = Self.model(backend)
        await model.settle()
        Self.type(model, "userpools all")
        await model.settle()
        let table = try #require(Self.table(model))
        let refused = table.rows.filter { $0.cells[0] == "eu-south-2" }
        #expect(refused.count == 1)
        #expect(refused.first?.dimmed == true)
        #expect(refused.first?.cells[1] == "Did not answer: probably not enabled for this account (UnrecognizedClientException).")
        #expect(table.rows.contains { $0.cells[0] == "eu-west-1" && $0.cells[1] == name })
    }
}

/// The emulator's backend, except that one region refuses the credentials as AWS does for a
/// region the account has not enabled.
struct RefusingRegion: CognitoBackend, CognitoClientForwarding {
    let base: ClientBackend
    let refused: String
    var info: BackendInfo { base.info }
    var identityProvider: CognitoIdentityProviderClient { base.identityProvider }
    var identity: CognitoIdentityClient { base.identity }

    func inRegion(_ region: String) throws -> any CognitoBackend {
        if region == refused {
            throw AWSServiceError(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.",
                                  httpStatus: 400, requestId: "req-refused", operation: "ListUserPools")
        }
        guard let moved = base.inRegion(region) as? ClientBackend else { throw UpdateError("not a client backend") }
        return RefusingRegion(base: moved, refused: refused)
    }
}
