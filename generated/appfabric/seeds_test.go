package appfabric

import (
	"fmt"
	"testing"

	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// TestSeedRoundTrip decodes every example made from the boto3 seed pages of
// AppFabric (shared/seeds) into the operation's input or output and encodes
// it again: the JSON must come back with the same meaning, and every union
// member must be reached. See seedsyntax.RoundTrip.
func TestSeedRoundTrip(t *testing.T) {
	seedsyntax.RoundTrip(t, "AppFabric", seedOperations, seedsyntax.RoundTripOptions{
		// AppFabric's model gives its timestamps the date-time format.
		Expand: seedsyntax.Options{TimestampFormat: func(string) string { return "date-time" }},
		Members: map[string][]string{
			"credential": {"oauth2Credential", "apiKeyCredential"},
		},
	})
}

var seedOperations = map[string]seedsyntax.Operation{
	"UpdateAppAuthorization": {
		Input:  func() seedsyntax.Codec { return new(UpdateAppAuthorizationInput) },
		Output: func() seedsyntax.Codec { return new(UpdateAppAuthorizationOutput) },
		InputUnions: func(v seedsyntax.Codec) map[string]string {
			got := map[string]string{}
			if c := v.(*UpdateAppAuthorizationInput).Credential; c != nil {
				got["credential"] = credentialMember(c)
			}
			return got
		},
	},
	"CreateAppAuthorization": {
		Input:  func() seedsyntax.Codec { return new(CreateAppAuthorizationInput) },
		Output: func() seedsyntax.Codec { return new(CreateAppAuthorizationOutput) },
		InputUnions: func(v seedsyntax.Codec) map[string]string {
			got := map[string]string{}
			if c := v.(*CreateAppAuthorizationInput).Credential; c != nil {
				got["credential"] = credentialMember(c)
			}
			return got
		},
	},
	"ConnectAppAuthorization": {
		Input:  func() seedsyntax.Codec { return new(ConnectAppAuthorizationInput) },
		Output: func() seedsyntax.Codec { return new(ConnectAppAuthorizationOutput) },
	},
	"CreateAppBundle": {
		Input:  func() seedsyntax.Codec { return new(CreateAppBundleInput) },
		Output: func() seedsyntax.Codec { return new(CreateAppBundleOutput) },
	},
	"DeleteAppAuthorization": {
		Input:  func() seedsyntax.Codec { return new(DeleteAppAuthorizationInput) },
		Output: func() seedsyntax.Codec { return new(DeleteAppAuthorizationOutput) },
	},
	"GetAppAuthorization": {
		Input:  func() seedsyntax.Codec { return new(GetAppAuthorizationInput) },
		Output: func() seedsyntax.Codec { return new(GetAppAuthorizationOutput) },
	},
	"ListAppAuthorizations": {
		Input:  func() seedsyntax.Codec { return new(ListAppAuthorizationsInput) },
		Output: func() seedsyntax.Codec { return new(ListAppAuthorizationsOutput) },
	},
}

// credentialMember is the JSON name of the member u holds.
func credentialMember(u Credential) string {
	switch m := u.(type) {
	case *CredentialMemberOauth2Credential:
		return "oauth2Credential"
	case *CredentialMemberApiKeyCredential:
		return "apiKeyCredential"
	case *UnknownUnionMember:
		return "unknown member " + m.Tag
	}
	return fmt.Sprintf("unexpected %T", u)
}
