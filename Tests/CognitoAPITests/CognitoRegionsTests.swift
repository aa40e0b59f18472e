import AWSCore
import CognitoAPI
import Testing

/// Which regions a sweep of every region asks: those botocore's endpoint data gives the
/// service, in the partition of the region the operator uses.
@Suite("Cognito's regions from the endpoint data", .timeLimit(.minutes(5)))
struct CognitoRegionsTests {
    @Test("a region is in the partition that lists it")
    func listedPartition() {
        #expect(CognitoRegions.partition(of: "eu-west-1").name == "aws")
        #expect(CognitoRegions.partition(of: "us-gov-west-1").name == "aws-us-gov")
        #expect(CognitoRegions.partition(of: "cn-north-1").name == "aws-cn")
    }

    @Test("a region newer than the data falls in the partition whose pattern it matches")
    func patternPartition() {
        #expect(CognitoRegions.partition(of: "us-gov-north-7").name == "aws-us-gov")
        #expect(CognitoRegions.partition(of: "cn-southeast-9").name == "aws-cn")
        #expect(CognitoRegions.partition(of: "eu-newplace-9").name == "aws")
    }

    @Test("the sweep's regions are the service's endpoints of that partition, without fips aliases")
    func serviceRegions() {
        let partition = CognitoRegions.partition(of: "eu-west-1")
        let idp = CognitoRegions.regions(of: .cognitoIdentityProvider, partitionOf: "eu-west-1")
        #expect(idp == partition.services["cognito-idp"])
        #expect(idp.contains("eu-west-1") && idp.contains("us-east-1"))
        #expect(!idp.contains { $0.hasPrefix("fips-") })
        #expect(Set(idp).isSubset(of: partition.regions))
        #expect(idp == idp.sorted())
        // In China only identity pools run (the data has no cognito-idp endpoint there).
        #expect(CognitoRegions.regions(of: .cognitoIdentityProvider, partitionOf: "cn-north-1").isEmpty)
        #expect(CognitoRegions.regions(of: .cognitoIdentity, partitionOf: "cn-north-1") == ["cn-north-1"])
    }
}
