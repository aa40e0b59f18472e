import CognitoAdmin
import CognitoAPI

/// A pool's domains (its Cognito prefix domain and its custom domain), as the Domain tab.
public enum Domains {
    public static let module = ResourceModule(
        ResourceDescriptor(.domain, depth: 2, noun: "domain",
                           describe: .reading("DescribeUserPoolDomain") { backend, ref in
                               try await backend.describeUserPoolDomain(.init(domain: ref.id))
                           }),
        details: [
            DetailSpec(.domain, tabOf: .userPool, TabID("domain"), "Domain", order: 50,
                       emptyText: "No domain is configured for this user pool.",
                       consolePage: ConsolePage("idp/user-pools/{0}/branding/domain")) { backend, ref in
                let pool = try await backend.describeUserPool(.init(userPoolId: ref.id)).userPool
                let domains = [pool?.domain, pool?.customDomain].compactMap { $0 }.filter { !$0.isEmpty }
                var sections: [DetailView.Section] = []
                for name in domains {
                    do {
                        let out = try await backend.describeUserPoolDomain(.init(domain: name))
                        sections.append(DetailFormat.domain(name, out.domainDescription))
                    } catch {
                        sections.append(DetailView.Section("Domain \(name)", [("error", ErrorText.sentence(error))]))
                    }
                }
                return sections
            },
        ])
}

extension ResourceKind { public static let domain = ResourceKind("domain") }
extension DetailKind { public static let domain = DetailKind("domain") }
