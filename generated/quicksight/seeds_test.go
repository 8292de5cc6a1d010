package quicksight

import (
	"fmt"
	"testing"

	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// TestSeedRoundTrip decodes every example made from the boto3 seed pages of
// QuickSight (shared/seeds) into the operation's input or output and encodes
// it again: the JSON must come back with the same meaning, and every union
// member must be reached. See seedsyntax.RoundTrip.
func TestSeedRoundTrip(t *testing.T) {
	seedsyntax.RoundTrip(t, "QuickSight", seedOperations, seedsyntax.RoundTripOptions{
		Members: map[string][]string{
			"AuthenticationConfig.AuthenticationMetadata": memberNames(authenticationMetadataVariants, authenticationMetadataMember),
			"AuthenticationConfig.AuthenticationMetadata.AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails":                     {"AuthorizationCodeGrantDetails"},
			"AuthenticationConfig.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails":                                     {"ClientCredentialsGrantDetails"},
			"ActionConnector.AuthenticationConfig.AuthenticationMetadata":                                                                             memberNames(readAuthenticationMetadataVariants, readAuthenticationMetadataMember),
			"ActionConnector.AuthenticationConfig.AuthenticationMetadata.AuthorizationCodeGrantMetadata.ReadAuthorizationCodeGrantCredentialsDetails": {"ReadAuthorizationCodeGrantDetails"},
			"ActionConnector.AuthenticationConfig.AuthenticationMetadata.ClientCredentialsGrantMetadata.ReadClientCredentialsDetails":                 {"ReadClientCredentialsGrantDetails"},
		},
	})
}

var seedOperations = map[string]seedsyntax.Operation{
	"CreateActionConnector": {
		Input:  func() seedsyntax.Codec { return new(CreateActionConnectorInput) },
		Output: func() seedsyntax.Codec { return new(CreateActionConnectorOutput) },
		InputUnions: func(v seedsyntax.Codec) map[string]string {
			got := map[string]string{}
			if c := v.(*CreateActionConnectorInput).AuthenticationConfig; c != nil {
				authenticationMetadataUnions(got, "AuthenticationConfig.AuthenticationMetadata", c.AuthenticationMetadata)
			}
			return got
		},
	},
	"UpdateActionConnector": {
		Input:  func() seedsyntax.Codec { return new(UpdateActionConnectorInput) },
		Output: func() seedsyntax.Codec { return new(UpdateActionConnectorOutput) },
		InputUnions: func(v seedsyntax.Codec) map[string]string {
			got := map[string]string{}
			if c := v.(*UpdateActionConnectorInput).AuthenticationConfig; c != nil {
				authenticationMetadataUnions(got, "AuthenticationConfig.AuthenticationMetadata", c.AuthenticationMetadata)
			}
			return got
		},
	},
	"DescribeActionConnector": {
		Input:  func() seedsyntax.Codec { return new(DescribeActionConnectorInput) },
		Output: func() seedsyntax.Codec { return new(DescribeActionConnectorOutput) },
		OutputUnions: func(v seedsyntax.Codec) map[string]string {
			got := map[string]string{}
			if ac := v.(*DescribeActionConnectorOutput).ActionConnector; ac != nil && ac.AuthenticationConfig != nil {
				readAuthenticationMetadataUnions(got, "ActionConnector.AuthenticationConfig.AuthenticationMetadata", ac.AuthenticationConfig.AuthenticationMetadata)
			}
			return got
		},
	},
	"DeleteActionConnector": {
		Input:  func() seedsyntax.Codec { return new(DeleteActionConnectorInput) },
		Output: func() seedsyntax.Codec { return new(DeleteActionConnectorOutput) },
	},
	"ListActionConnectors": {
		Input:  func() seedsyntax.Codec { return new(ListActionConnectorsInput) },
		Output: func() seedsyntax.Codec { return new(ListActionConnectorsOutput) },
	},
}

// memberNames maps every variant of a union through its name function.
func memberNames[U any](variants []U, name func(U) string) []string {
	var out []string
	for _, v := range variants {
		out = append(out, name(v))
	}
	return out
}

// authenticationMetadataVariants holds one value of each member type of the union.
var authenticationMetadataVariants = []AuthenticationMetadata{
	&AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{},
	&AuthenticationMetadataMemberClientCredentialsGrantMetadata{},
	&AuthenticationMetadataMemberBasicAuthConnectionMetadata{},
	&AuthenticationMetadataMemberApiKeyConnectionMetadata{},
	&AuthenticationMetadataMemberNoneConnectionMetadata{},
	&AuthenticationMetadataMemberIamConnectionMetadata{},
}

// authenticationMetadataMember is the JSON name of the member u holds.
func authenticationMetadataMember(u AuthenticationMetadata) string {
	switch m := u.(type) {
	case *AuthenticationMetadataMemberAuthorizationCodeGrantMetadata:
		return "AuthorizationCodeGrantMetadata"
	case *AuthenticationMetadataMemberClientCredentialsGrantMetadata:
		return "ClientCredentialsGrantMetadata"
	case *AuthenticationMetadataMemberBasicAuthConnectionMetadata:
		return "BasicAuthConnectionMetadata"
	case *AuthenticationMetadataMemberApiKeyConnectionMetadata:
		return "ApiKeyConnectionMetadata"
	case *AuthenticationMetadataMemberNoneConnectionMetadata:
		return "NoneConnectionMetadata"
	case *AuthenticationMetadataMemberIamConnectionMetadata:
		return "IamConnectionMetadata"
	case *UnknownUnionMember:
		return "unknown member " + m.Tag
	}
	return fmt.Sprintf("unexpected %T", u)
}

// authenticationMetadataUnions records the member of u at path, and those of the unions inside it.
func authenticationMetadataUnions(got map[string]string, path string, u AuthenticationMetadata) {
	if u == nil {
		return
	}
	got[path] = authenticationMetadataMember(u)
	switch m := u.(type) {
	case *AuthenticationMetadataMemberAuthorizationCodeGrantMetadata:
		sub := path + ".AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails"
		switch d := m.Value.AuthorizationCodeGrantCredentialsDetails.(type) {
		case nil:
		case *AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails:
			got[sub] = "AuthorizationCodeGrantDetails"
		default:
			got[sub] = fmt.Sprintf("unexpected %T", d)
		}
	case *AuthenticationMetadataMemberClientCredentialsGrantMetadata:
		sub := path + ".ClientCredentialsGrantMetadata.ClientCredentialsDetails"
		switch d := m.Value.ClientCredentialsDetails.(type) {
		case nil:
		case *ClientCredentialsDetailsMemberClientCredentialsGrantDetails:
			got[sub] = "ClientCredentialsGrantDetails"
		default:
			got[sub] = fmt.Sprintf("unexpected %T", d)
		}
	}
}

var readAuthenticationMetadataVariants = []ReadAuthenticationMetadata{
	&ReadAuthenticationMetadataMemberAuthorizationCodeGrantMetadata{},
	&ReadAuthenticationMetadataMemberClientCredentialsGrantMetadata{},
	&ReadAuthenticationMetadataMemberBasicAuthConnectionMetadata{},
	&ReadAuthenticationMetadataMemberApiKeyConnectionMetadata{},
	&ReadAuthenticationMetadataMemberNoneConnectionMetadata{},
	&ReadAuthenticationMetadataMemberIamConnectionMetadata{},
}

func readAuthenticationMetadataMember(u ReadAuthenticationMetadata) string {
	switch m := u.(type) {
	case *ReadAuthenticationMetadataMemberAuthorizationCodeGrantMetadata:
		return "AuthorizationCodeGrantMetadata"
	case *ReadAuthenticationMetadataMemberClientCredentialsGrantMetadata:
		return "ClientCredentialsGrantMetadata"
	case *ReadAuthenticationMetadataMemberBasicAuthConnectionMetadata:
		return "BasicAuthConnectionMetadata"
	case *ReadAuthenticationMetadataMemberApiKeyConnectionMetadata:
		return "ApiKeyConnectionMetadata"
	case *ReadAuthenticationMetadataMemberNoneConnectionMetadata:
		return "NoneConnectionMetadata"
	case *ReadAuthenticationMetadataMemberIamConnectionMetadata:
		return "IamConnectionMetadata"
	case *UnknownUnionMember:
		return "unknown member " + m.Tag
	}
	return fmt.Sprintf("unexpected %T", u)
}

func readAuthenticationMetadataUnions(got map[string]string, path string, u ReadAuthenticationMetadata) {
	if u == nil {
		return
	}
	got[path] = readAuthenticationMetadataMember(u)
	switch m := u.(type) {
	case *ReadAuthenticationMetadataMemberAuthorizationCodeGrantMetadata:
		sub := path + ".AuthorizationCodeGrantMetadata.ReadAuthorizationCodeGrantCredentialsDetails"
		switch d := m.Value.ReadAuthorizationCodeGrantCredentialsDetails.(type) {
		case nil:
		case *ReadAuthorizationCodeGrantCredentialsDetailsMemberReadAuthorizationCodeGrantDetails:
			got[sub] = "ReadAuthorizationCodeGrantDetails"
		default:
			got[sub] = fmt.Sprintf("unexpected %T", d)
		}
	case *ReadAuthenticationMetadataMemberClientCredentialsGrantMetadata:
		sub := path + ".ClientCredentialsGrantMetadata.ReadClientCredentialsDetails"
		switch d := m.Value.ReadClientCredentialsDetails.(type) {
		case nil:
		case *ReadClientCredentialsDetailsMemberReadClientCredentialsGrantDetails:
			got[sub] = "ReadClientCredentialsGrantDetails"
		default:
			got[sub] = fmt.Sprintf("unexpected %T", d)
		}
	}
}
