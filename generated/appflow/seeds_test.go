package appflow

import (
	"testing"

	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// TestSeedRoundTrip decodes every example made from the boto3 seed pages of
// Appflow (shared/seeds) into the operation's input or output and encodes it
// again: the JSON must come back with the same meaning. AppFlow has no
// unions. See seedsyntax.RoundTrip.
func TestSeedRoundTrip(t *testing.T) {
	seedsyntax.RoundTrip(t, "Appflow", seedOperations, seedsyntax.RoundTripOptions{
		Defaults: map[string]string{
			// The model has disableSSO (@default(false)); the seed page predates
			// it. A member with a default is always written (Smithy: default
			// values SHOULD be serialized), so the round trip adds it.
			"connectorProfileConfig.connectorProfileProperties.SAPOData.disableSSO": "false",
		},
	})
}

var seedOperations = map[string]seedsyntax.Operation{
	"UpdateConnectorProfile": {
		Input:  func() seedsyntax.Codec { return new(UpdateConnectorProfileInput) },
		Output: func() seedsyntax.Codec { return new(UpdateConnectorProfileOutput) },
	},
	"CreateConnectorProfile": {
		Input:  func() seedsyntax.Codec { return new(CreateConnectorProfileInput) },
		Output: func() seedsyntax.Codec { return new(CreateConnectorProfileOutput) },
	},
	"DeleteConnectorProfile": {
		Input:  func() seedsyntax.Codec { return new(DeleteConnectorProfileInput) },
		Output: func() seedsyntax.Codec { return new(DeleteConnectorProfileOutput) },
	},
	"DescribeConnectorProfiles": {
		Input:  func() seedsyntax.Codec { return new(DescribeConnectorProfilesInput) },
		Output: func() seedsyntax.Codec { return new(DescribeConnectorProfilesOutput) },
	},
}
