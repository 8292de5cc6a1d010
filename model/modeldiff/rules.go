package modeldiff

// Category says whom a change breaks. Categories are exclusive and ordered by
// severity: BreakingWire, BreakingGo, Compatible.
type Category string

// The categories of a finding.
const (
	// BreakingWire breaks existing clients or servers talking over the wire.
	BreakingWire Category = "breaking-wire"
	// BreakingGo breaks Go code compiled against the generated package, not the wire.
	BreakingGo Category = "breaking-go"
	// Compatible breaks nobody.
	Compatible Category = "compatible"
)

// Categories lists the categories by severity, most severe first.
var Categories = []Category{BreakingWire, BreakingGo, Compatible}

func (c Category) rank() int {
	switch c {
	case BreakingWire:
		return 0
	case BreakingGo:
		return 1
	}
	return 2
}

// Rule describes one kind of finding.
type Rule struct {
	Name     string
	Category string // the category, or how it is decided
	Doc      string
}

// The rule names.
const (
	RemovedOperation       = "RemovedOperation"
	AddedOperation         = "AddedOperation"
	RemovedProtocol        = "RemovedProtocol"
	AddedProtocol          = "AddedProtocol"
	ChangedHTTPMethod      = "ChangedHTTPMethod"
	ChangedHTTPURI         = "ChangedHTTPURI"
	ChangedHTTPCode        = "ChangedHTTPCode"
	ChangedOperationInput  = "ChangedOperationInput"
	ChangedOperationOutput = "ChangedOperationOutput"
	AddedOperationError    = "AddedOperationError"
	RemovedOperationError  = "RemovedOperationError"

	RemovedShape     = "RemovedShape"
	AddedShape       = "AddedShape"
	MovedShape       = "MovedShape"
	RenamedShape     = "RenamedShape"
	ChangedShapeType = "ChangedShapeType"
	EnumToString     = "EnumToString"
	StringToEnum     = "StringToEnum"
	AddedEnumValue   = "AddedEnumValue"
	RemovedEnumValue = "RemovedEnumValue"

	TightenedLength    = "TightenedLength"
	LoosenedLength     = "LoosenedLength"
	TightenedRange     = "TightenedRange"
	LoosenedRange      = "LoosenedRange"
	AddedPattern       = "AddedPattern"
	ChangedPattern     = "ChangedPattern"
	RemovedPattern     = "RemovedPattern"
	AddedUniqueItems   = "AddedUniqueItems"
	RemovedUniqueItems = "RemovedUniqueItems"
	AddedSparse        = "AddedSparse"
	RemovedSparse      = "RemovedSparse"

	AddedSensitive         = "AddedSensitive"
	RemovedSensitive       = "RemovedSensitive"
	ChangedTimestampFormat = "ChangedTimestampFormat"
	ChangedErrorFault      = "ChangedErrorFault"
	ChangedHTTPErrorCode   = "ChangedHTTPErrorCode"
	ChangedDocumentation   = "ChangedDocumentation"

	RemovedMember        = "RemovedMember"
	AddedMember          = "AddedMember"
	AddedRequiredMember  = "AddedRequiredMember"
	RemovedUnionMember   = "RemovedUnionMember"
	AddedUnionMember     = "AddedUnionMember"
	ChangedMemberTarget  = "ChangedMemberTarget"
	AddedRequiredTrait   = "AddedRequiredTrait"
	RemovedRequiredTrait = "RemovedRequiredTrait"
	AddedDefault         = "AddedDefault"
	RemovedDefault       = "RemovedDefault"
	ChangedDefault       = "ChangedDefault"
	ChangedHTTPBinding   = "ChangedHTTPBinding"
	ChangedJSONName      = "ChangedJSONName"

	ChangedGoPackageName  = "ChangedGoPackageName"
	ChangedGoTypeName     = "ChangedGoTypeName"
	RemovedGoType         = "RemovedGoType"
	ChangedGoFieldName    = "ChangedGoFieldName"
	ChangedGoFieldType    = "ChangedGoFieldType"
	ChangedGoVariantName  = "ChangedGoVariantName"
	RemovedGoEnumConstant = "RemovedGoEnumConstant"
	ChangedGoEnumConstant = "ChangedGoEnumConstant"
)

const (
	inputDecides  = "breaking-wire when reachable from an input, else compatible"
	outputDecides = "breaking-wire when reachable from an output or error, else compatible"
)

// Rules lists every rule, in the order of the documentation.
var Rules = []Rule{
	{RemovedOperation, string(BreakingWire), "an operation of the service was removed"},
	{AddedOperation, string(Compatible), "an operation was added"},
	{RemovedProtocol, string(BreakingWire), "the service no longer declares a protocol it declared"},
	{AddedProtocol, string(Compatible), "the service declares one more protocol"},
	{ChangedHTTPMethod, string(BreakingWire), "@http method of an operation changed"},
	{ChangedHTTPURI, string(BreakingWire), "@http uri of an operation changed"},
	{ChangedHTTPCode, string(BreakingWire), "@http code of an operation changed"},
	{ChangedOperationInput, "breaking-wire unless the new input has the same wire form", "an operation's input is now another existing shape"},
	{ChangedOperationOutput, "breaking-wire unless the new output has the same wire form", "an operation's output is now another existing shape"},
	{AddedOperationError, string(Compatible), "an operation (or the service) may return one more error; clients treat unknown errors generically"},
	{RemovedOperationError, string(Compatible), "an operation no longer returns an error (its Go type, if gone, is RemovedShape)"},

	{RemovedShape, "breaking-go when the shape had a Go type, else compatible", "a shape left the service closure (the wire effect is reported where it was used)"},
	{AddedShape, string(Compatible), "a shape joined the service closure"},
	{MovedShape, string(Compatible), "a shape changed namespace (matched by name); namespaces are not on the wire nor in Go names"},
	{RenamedShape, "breaking-wire for error shapes (their name is on the wire), else compatible", "a shape matched by position (operation input/output, member target) has another ID"},
	{ChangedShapeType, string(BreakingWire), "the shape type changed (e.g. integer to long, structure to union)"},
	{EnumToString, string(Compatible), "an enum became a plain string (the Go type change is reported by the Go rules)"},
	{StringToEnum, inputDecides, "a plain string became an enum"},
	{AddedEnumValue, string(Compatible), "an enum or intEnum gained a value"},
	{RemovedEnumValue, inputDecides, "an enum or intEnum lost a value"},

	{TightenedLength, inputDecides, "@length added or a bound narrowed"},
	{LoosenedLength, string(Compatible), "@length removed or a bound widened"},
	{TightenedRange, inputDecides, "@range added or a bound narrowed"},
	{LoosenedRange, string(Compatible), "@range removed or a bound widened"},
	{AddedPattern, inputDecides, "@pattern added"},
	{ChangedPattern, inputDecides, "@pattern changed (a regular expression cannot be judged wider, so it counts as tightened)"},
	{RemovedPattern, string(Compatible), "@pattern removed"},
	{AddedUniqueItems, inputDecides, "@uniqueItems added to a list"},
	{RemovedUniqueItems, string(Compatible), "@uniqueItems removed from a list"},
	{AddedSparse, outputDecides, "@sparse added: responses may now hold nulls"},
	{RemovedSparse, inputDecides, "@sparse removed: requests may no longer hold nulls"},

	{AddedSensitive, string(Compatible), "@sensitive added (only logging changes)"},
	{RemovedSensitive, string(Compatible), "@sensitive removed (only logging changes)"},
	{ChangedTimestampFormat, string(BreakingWire), "the effective timestamp format of a shape or member changed"},
	{ChangedErrorFault, string(BreakingWire), "@error changed (client/server, or added/removed): clients classify and retry errors by fault"},
	{ChangedHTTPErrorCode, string(BreakingWire), "the HTTP status of an error changed (@httpError, or the 400/500 default)"},
	{ChangedDocumentation, string(Compatible), "documentation changed (reported only with -docs)"},

	{RemovedMember, string(BreakingWire), "a structure member was removed"},
	{AddedMember, string(Compatible), "an optional structure member was added"},
	{AddedRequiredMember, inputDecides, "a @required member without a @default was added"},
	{RemovedUnionMember, string(BreakingWire), "a union member was removed"},
	{AddedUnionMember, string(Compatible), "a union member was added (unions have UnknownUnionMember)"},
	{ChangedMemberTarget, "breaking-wire unless the new target has the same wire form", "a member now targets another shape of the same type"},
	{AddedRequiredTrait, "breaking-wire when reachable from an input and without @default, else compatible", "a member became @required"},
	{RemovedRequiredTrait, "breaking-wire when reachable from an output or error and without @default, else compatible", "a member is no longer @required"},
	{AddedDefault, string(Compatible), "a member gained a @default (its Go field may turn from pointer to value: ChangedGoFieldType)"},
	{RemovedDefault, string(BreakingWire), "a member lost its @default"},
	{ChangedDefault, string(BreakingWire), "a member's @default value changed"},
	{ChangedHTTPBinding, string(BreakingWire), "a member of an operation input/output moved (body, label, query, header, payload, ...) or its header/query name changed"},
	{ChangedJSONName, string(BreakingWire), "the JSON key of a body member changed (@jsonName)"},

	{ChangedGoPackageName, string(BreakingGo), "the generated package name changed (the service's sdkId)"},
	{ChangedGoTypeName, string(BreakingGo), "a generated type has another name (service rename, collision suffix)"},
	{RemovedGoType, string(BreakingGo), "a matched shape no longer has a generated type (e.g. enum to string)"},
	{ChangedGoFieldName, string(BreakingGo), "a struct field has another Go name"},
	{ChangedGoFieldType, string(BreakingGo), "a struct field or union variant value has another Go type (e.g. *int32 to int32)"},
	{ChangedGoVariantName, string(BreakingGo), "a union variant type has another name"},
	{RemovedGoEnumConstant, string(BreakingGo), "an enum constant is no longer generated"},
	{ChangedGoEnumConstant, string(BreakingGo), "an enum constant has another name for the same value"},
}
