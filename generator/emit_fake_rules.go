package generator

// fakeRules are behaviours of a service that its documentation states and its
// model cannot express. The in-memory fake follows them on top of the
// lifecycle it infers from the model. Each rule names the service (its sdkId),
// the operation and the member it acts on, and cites where the behaviour is
// documented. buildFakeIR checks every rule against the model: a rule whose
// operation is not generated is skipped, a rule whose member or enum value is
// missing from a generated operation fails the build, so a model change that
// breaks a rule is noticed.
//
// This table is the one place to add such behaviour; generic lifecycle code
// never special-cases a service.
var fakeRules = []fakeRule{
	{
		Service: "QuickSight", Operation: "CreateActionConnector",
		RejectPrefix: &fakeRejectPrefix{Member: "ActionConnectorId", Prefix: "quicksuite-"},
		Doc:          "An ActionConnectorId must not start with the prefix quicksuite- (QuickSight API reference, CreateActionConnector).",
	},
	{
		Service: "AppFabric", Operation: "UpdateAppAuthorization",
		Transition: &fakeTransition{Member: "status", From: "Connected", To: "PendingConnect"},
		Doc:        "Updating an app authorization that was Connected sets it back to PendingConnect (AppFabric API reference, UpdateAppAuthorization).",
	},
	{
		Service: "AppFabric", Operation: "ConnectAppAuthorization",
		Transition: &fakeTransition{Member: "status", To: "Connected"},
		Doc:        "Connecting an app authorization establishes the connection: its status becomes Connected (AppFabric API reference, ConnectAppAuthorization).",
	},
}

// fakeRule is one documented behaviour; exactly one of its actions is set.
type fakeRule struct {
	Service   string // the service's sdkId
	Operation string // operation name
	Doc       string // the behaviour in one sentence, and where it is documented

	RejectPrefix *fakeRejectPrefix
	Transition   *fakeTransition
}

// fakeRejectPrefix refuses input whose string member starts with Prefix, with
// the operation's validation error.
type fakeRejectPrefix struct {
	Member string // input member
	Prefix string
}

// fakeTransition sets the enum member of the stored resource to To, when it
// is From (any value when From is empty).
type fakeTransition struct {
	Member   string // member of the resource's record shape
	From, To string // enum values as sent on the wire
}
