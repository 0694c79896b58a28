import Claims
import Testing

/// Every way news prose attributes a statement, on sentences about an invented flood.
@Suite struct AttributionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var claimant: String
        var cue: String
        var stance: Claim.Stance = .asserts
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Mayor Lena Ortiz said the bridge would reopen in spring.", claimant: "Lena Ortiz", cue: "said"),
        Case(sentence: "Mayor Lena Ortiz said that the bridge would reopen in spring.", claimant: "Lena Ortiz", cue: "said"),
        Case(sentence: "The bridge will reopen in spring, Ortiz said.", claimant: "Ortiz", cue: "said"),
        Case(sentence: "“The bridge will reopen in spring,” said Lena Ortiz.", claimant: "Lena Ortiz", cue: "said"),
        Case(sentence: "“We are ready,” Ortiz told reporters.", claimant: "Ortiz", cue: "told"),
        Case(sentence: "Ortiz told the Valley Courier that repairs had begun.", claimant: "Ortiz", cue: "told"),
        Case(sentence: "According to the regional water authority, the reservoir is full.", claimant: "regional water authority", cue: "According to"),
        Case(sentence: "The reservoir is full, according to the regional water authority.", claimant: "regional water authority", cue: "according to"),
        Case(sentence: "Ortiz: “We will rebuild.”", claimant: "Ortiz", cue: ":"),
        Case(sentence: "The ministry said in a statement: “Aid is on its way.”", claimant: "ministry", cue: "said"),
        Case(sentence: "Tessaly Mining has insisted that its dam did not fail.", claimant: "Tessaly Mining", cue: "insisted", stance: .denies),
        Case(sentence: "The company denied any wrongdoing.", claimant: "company", cue: "denied", stance: .denies),
        Case(sentence: "Varga dismissed the report as a fabrication.", claimant: "Varga", cue: "dismissed", stance: .denies),
        Case(sentence: "The council rejected claims that funds were misused.", claimant: "council", cue: "rejected", stance: .denies),
        Case(sentence: "The agency refuted the allegation on Tuesday.", claimant: "agency", cue: "refuted", stance: .denies),
        Case(sentence: "“That is a lie,” Varga told the broadcaster.", claimant: "Varga", cue: "told", stance: .denies),
        Case(sentence: "“Nobody warned us,” wrote Anton Bell on his blog.", claimant: "Anton Bell", cue: "wrote"),
        Case(sentence: "Bell writes that the levee was never inspected.", claimant: "Bell", cue: "writes"),
        Case(sentence: "Engineers believe the levee was undermined by heavy rain.", claimant: "Engineers", cue: "believe"),
        Case(sentence: "Marrowdale believed the aid would arrive within days.", claimant: "Marrowdale", cue: "believed"),
        Case(sentence: "Varga expressed her belief that the town would recover.", claimant: "Varga", cue: "expressed her belief"),
        Case(sentence: "The utility made public that it had lost power to the pumps.", claimant: "utility", cue: "made public"),
        Case(sentence: "Professor Hana Sato emphasized that the soil was saturated.", claimant: "Hana Sato", cue: "emphasized"),
        Case(sentence: "Sato noted that similar floods hit the valley before.", claimant: "Sato", cue: "noted"),
        Case(sentence: "The Valley Courier reported that the levee had been breached.", claimant: "Valley Courier", cue: "reported"),
        Case(sentence: "Two city officials, speaking on condition of anonymity, described the response as chaotic.", claimant: "city officials", cue: "described"),
        Case(sentence: "A spokesperson for the ministry disclosed that the budget was exhausted.", claimant: "spokesperson for the ministry", cue: "disclosed"),
        Case(sentence: "The inspector verified the footage.", claimant: "inspector", cue: "verified"),
        Case(sentence: "The mayor’s office called the claims baseless.", claimant: "mayor’s office", cue: "called", stance: .denies),
        Case(sentence: "Ortiz added that volunteers were welcome.", claimant: "Ortiz", cue: "added"),
        Case(sentence: "Ortiz says the town needs new pumps.", claimant: "Ortiz", cue: "says"),
        Case(sentence: "The audit indicates that the dam was poorly maintained.", claimant: "audit", cue: "indicates"),
        Case(sentence: "Analysts claimed the insurer would raise premiums.", claimant: "Analysts", cue: "claimed"),
        Case(sentence: "The governor warned that more rain was coming.", claimant: "governor", cue: "warned"),
        Case(sentence: "Police confirmed that three people were missing.", claimant: "Police", cue: "confirmed"),
        Case(sentence: "The company announced that it would pay compensation.", claimant: "company", cue: "announced"),
        Case(sentence: "Ortiz explained that the pumps had failed.", claimant: "Ortiz", cue: "explained"),
        Case(sentence: "Ortiz argued that the state had ignored warnings.", claimant: "Ortiz", cue: "argued"),
        Case(sentence: "Officials estimate that damage will be extensive.", claimant: "Officials", cue: "estimate"),
        Case(sentence: "The auditor concluded that the accounts were incomplete.", claimant: "auditor", cue: "concluded"),
        Case(sentence: "Varga acknowledged that mistakes were made.", claimant: "Varga", cue: "acknowledged"),
        Case(sentence: "Varga admitted that the warning came late.", claimant: "Varga", cue: "admitted"),
        Case(sentence: "The insurer predicted that claims would rise.", claimant: "insurer", cue: "predicted"),
        Case(sentence: "Bell tweeted that the road was closed.", claimant: "Bell", cue: "tweeted"),
        Case(sentence: "A resident recalled that the water rose within minutes.", claimant: "resident", cue: "recalled"),
        Case(sentence: "Ortiz, who toured the site on Monday, said the damage was severe.", claimant: "Ortiz", cue: "said"),
        Case(sentence: "Lena Ortiz, the town’s mayor, said the damage was severe.", claimant: "Lena Ortiz", cue: "said"),
        Case(sentence: "“It was terrifying,” a resident said.", claimant: "resident", cue: "said"),
        Case(sentence: "“It was terrifying,” said one resident.", claimant: "resident", cue: "said"),
        Case(sentence: "The dam held, the engineer said on Tuesday.", claimant: "engineer", cue: "said"),
        Case(sentence: "The engineer on Tuesday said the dam held.", claimant: "engineer", cue: "said"),
        Case(sentence: "Ortiz has said the dam held.", claimant: "Ortiz", cue: "said"),
        Case(sentence: "Ortiz also told the council that the dam held.", claimant: "Ortiz", cue: "told"),
        Case(sentence: "The Marrowdale Chamber of Commerce said shops would reopen.", claimant: "Marrowdale Chamber of Commerce", cue: "said"),
        Case(sentence: "The Institute for Flood Research said rainfall broke records.", claimant: "Institute for Flood Research", cue: "said"),
        Case(sentence: "Residents dismissed the plan as unrealistic.", claimant: "Residents", cue: "dismissed", stance: .denies),
        Case(sentence: "The council has denied that it ignored the warnings.", claimant: "council", cue: "denied", stance: .denies),
        Case(sentence: "Varga insisted the dam had not been neglected.", claimant: "Varga", cue: "insisted", stance: .denies),
        Case(sentence: "The firm maintained that it never cut corners.", claimant: "firm", cue: "maintained", stance: .denies),
        Case(sentence: "“We did everything by the book,” the company said.", claimant: "company", cue: "said"),
        Case(sentence: "Ortiz said: “We will rebuild.”", claimant: "Ortiz", cue: "said"),
        Case(sentence: "In a statement, the ministry said aid was on its way.", claimant: "ministry", cue: "said"),
        Case(sentence: "The ministry, in a statement, said aid was on its way.", claimant: "ministry", cue: "said"),
        Case(sentence: "Bell wrote in the Courier that the levee was neglected.", claimant: "Bell", cue: "wrote"),
        Case(sentence: "Witnesses told investigators they heard a loud crack.", claimant: "Witnesses", cue: "told"),
        Case(sentence: "Sato, a hydrologist at the university, said the soil was saturated.", claimant: "Sato", cue: "said"),
        Case(sentence: "The water authority says the reservoir is safe.", claimant: "water authority", cue: "says"),
        Case(sentence: "Varga responded that the audit was incomplete.", claimant: "Varga", cue: "responded"),
        Case(sentence: "Bell posted that the road was flooded.", claimant: "Bell", cue: "posted"),
        Case(sentence: "The governor described the flood as the worst in a century.", claimant: "governor", cue: "described"),
        Case(sentence: "The minister disclosed that dozens of homes were destroyed.", claimant: "minister", cue: "disclosed"),
        Case(sentence: "The union claims the pumps were never serviced.", claimant: "union", cue: "claims"),
        Case(sentence: "Rescue crews reported that the current was too strong.", claimant: "Rescue crews", cue: "reported"),
        Case(sentence: "The regional council is warning that the river could rise again.", claimant: "regional council", cue: "warning"),
        Case(sentence: "Councillor Ada Brenn (Greens) said the plan was late.", claimant: "Ada Brenn", cue: "said"),
        Case(sentence: "The town’s treasurer, Milo Dask, said the fund was empty.", claimant: "Milo Dask", cue: "said"),
        Case(sentence: "Varga pointed out that the pumps were new.", claimant: "Varga", cue: "pointed out"),
        Case(sentence: "The fire service put the toll at 19 on Wednesday.", claimant: "fire service", cue: "put the toll"),
        Case(sentence: "The insurance board puts the cost at €40m.", claimant: "insurance board", cue: "puts the cost"),
        Case(sentence: "The insurers’ association said the claims would take a year.", claimant: "insurers’ association", cue: "said"),
        Case(sentence: "The claims will take a year, according to the farmers' union.", claimant: "farmers' union", cue: "according to"),
        Case(sentence: "Brenn stated that the council had been warned twice.", claimant: "Brenn", cue: "stated"),
        Case(sentence: "The river authority has repeatedly said the embankment is sound.", claimant: "river authority", cue: "said"),
        Case(sentence: "Farmers fear the harvest is lost.", claimant: "Farmers", cue: "fear"),
        Case(sentence: "The mayor thinks the bridge can be saved.", claimant: "mayor", cue: "thinks"),
        Case(sentence: "Insurers expect payouts to climb.", claimant: "Insurers", cue: "expect"),
        Case(sentence: "A court filing shows that the firm knew of the cracks.", claimant: "court filing", cue: "shows"),
        Case(sentence: "The survey found that most residents want a new levee.", claimant: "survey", cue: "found"),
    ]

    @Test("each attribution pattern names the claimant, the cue and the stance", arguments: cases)
    func attribution(_ example: Case) throws {
        let claims = ClaimExtractor().extract(text: example.sentence).filter { $0.claimant != nil }
        let claim = try #require(claims.first { $0.cue == example.cue })
        #expect(claim.claimant?.canonical == example.claimant)
        #expect(claim.stance == example.stance)
        #expect(claim.text == example.sentence)
        #expect(claim.start == 0)
        #expect(claim.end == example.sentence.unicodeScalars.count)
    }

    @Test("“put the figure” is an estimate only with “at”")
    func putAt() {
        let claims = ClaimExtractor().extract(text: "The mayor put the figure into context for the council.")
        #expect(claims.allSatisfy { $0.claimant == nil })
    }

    @Test("one sentence can hold claims by different claimants with different stances")
    func twoClaimants() {
        let claims = ClaimExtractor().extract(text: "Ortiz denied the claim, and the ministry insisted it had not cut funding.")
        #expect(claims.map { $0.claimant?.canonical } == ["Ortiz", "ministry"])
        #expect(claims.map(\.stance) == [.denies, .denies])
    }

    @Test("a gerund cue after a comma belongs to the clause's subject")
    func gerund() {
        let claims = ClaimExtractor().extract(text: "Ortiz said the pumps failed, adding that nobody came.")
        #expect(claims.map { $0.claimant?.canonical } == ["Ortiz", "Ortiz"])
        #expect(claims.map(\.cue) == ["said", "adding"])
    }

    @Test("the content is the proposition without claimant and cue")
    func content() throws {
        let quoted = try #require(ClaimExtractor().extract(text: "“The levee was old,” Bell said.").first)
        #expect(quoted.content == "The levee was old")
        #expect(quoted.quote)
        let reported = try #require(ClaimExtractor().extract(text: "Bell told the Courier that the levee was old.").first)
        #expect(reported.content == "the levee was old")
        #expect(!reported.quote)
    }

    @Test("hedges are collected", arguments: [
        ("Ortiz reportedly said the dam held.", "reportedly"),
        ("The ministry allegedly claimed that the dam held.", "allegedly"),
        ("Footage appears to show water pouring over the wall, the agency said.", "appears"),
        ("The Courier could not verify the footage, Bell wrote.", "could not verify"),
        ("The ruling is believed to favour the farmers, Sato said.", "believed"),
        ("Supposedly the gates were open, Bell said.", "supposedly"),
    ])
    func hedges(_ sentence: String, _ hedge: String) throws {
        let claim = try #require(ClaimExtractor().extract(text: sentence).first)
        #expect(claim.hedges.contains(hedge))
    }
}
