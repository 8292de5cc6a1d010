package quicksight

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/ptr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/seedsyntax"
)

// Behaviour tests of the generated restJson1 codecs (json.go, jsonreader.go)
// that the seed round trips (seeds_test.go) cannot reach: unions that are not
// well formed, unknown members, timestamps, nulls, and hostile input. (No
// QuickSight shape is a blob, and the package's reader has no blob code, so
// blobs are not tested here.)

// sameError calls f 50 times; it must fail each time with the same message,
// which it returns.
func sameError(t *testing.T, f func() error) string {
	t.Helper()
	var first string
	for i := range 50 {
		err := f()
		require.Error(t, err)
		if i == 0 {
			first = err.Error()
			continue
		}
		require.Equal(t, first, err.Error(), "run %d gave another message", i)
	}
	return first
}

const noneMember = `"NoneConnectionMetadata": {"BaseEndpoint": "https://example.com"}`
const iamMember = `"IamConnectionMetadata": {"RoleArn": "arn:aws:iam::123456789012:role/r"}`

// TestUnionMemberCountErrors: a union object must have exactly one member
// set; otherwise the error names the union and lists the keys set, in input
// order, the same message every time.
func TestUnionMemberCountErrors(t *testing.T) {
	tests := []struct {
		name, union, want string
	}{
		{"no member", `{}`, "union AuthenticationMetadata has no member set; exactly one is required"},
		{"no member, white space", " { \n } ", "union AuthenticationMetadata has no member set; exactly one is required"},
		{"two members", `{` + noneMember + `, ` + iamMember + `}`,
			"union AuthenticationMetadata has 2 members set (NoneConnectionMetadata, IamConnectionMetadata); exactly one is allowed"},
		{"two members, other order", `{` + iamMember + `, ` + noneMember + `}`,
			"union AuthenticationMetadata has 2 members set (IamConnectionMetadata, NoneConnectionMetadata); exactly one is allowed"},
		{"known and unknown members", `{"Zeta": 1, ` + noneMember + `, "Alpha": [2]}`,
			"union AuthenticationMetadata has 3 members set (Zeta, NoneConnectionMetadata, Alpha); exactly one is allowed"},
		{"the same member twice", `{` + noneMember + `, ` + noneMember + `}`,
			"union AuthenticationMetadata has 2 members set (NoneConnectionMetadata, NoneConnectionMetadata); exactly one is allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := sameError(t, func() error {
				var c AuthConfig
				return c.UnmarshalJSON([]byte(`{"AuthenticationType": "NONE", "AuthenticationMetadata": ` + tt.union + `}`))
			})
			assert.Contains(t, msg, tt.want)
			assert.True(t, strings.HasPrefix(msg, "invalid JSON at AuthenticationMetadata (offset "), msg)

			msg = sameError(t, func() error {
				var in CreateActionConnectorInput
				return in.UnmarshalJSON([]byte(`{"Name": "n", "AuthenticationConfig": {"AuthenticationMetadata": ` + tt.union + `}}`))
			})
			assert.Contains(t, msg, "invalid JSON at AuthenticationConfig.AuthenticationMetadata (offset ")
			assert.Contains(t, msg, tt.want)

			msg = sameError(t, func() error {
				_, err := UnmarshalAuthenticationMetadata([]byte(tt.union))
				return err
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}

// TestUnionNullMemberCountsAsUnset: a member set to null is not set. An
// object whose only member is null has no member set; a null member next to
// a real one is ignored.
func TestUnionNullMemberCountsAsUnset(t *testing.T) {
	msg := sameError(t, func() error {
		var c AuthConfig
		return c.UnmarshalJSON([]byte(`{"AuthenticationMetadata": {"NoneConnectionMetadata": null}}`))
	})
	assert.Contains(t, msg, "union AuthenticationMetadata has no member set; exactly one is required")

	msg = sameError(t, func() error {
		_, err := UnmarshalAuthenticationMetadata([]byte(`{"IamConnectionMetadata": null, "Future": null}`))
		return err
	})
	assert.Contains(t, msg, "union AuthenticationMetadata has no member set; exactly one is required")

	for _, src := range []string{
		`{"IamConnectionMetadata": null, ` + noneMember + `}`,
		`{` + noneMember + `, "IamConnectionMetadata": null}`,
		`{"FutureAuth": null, ` + noneMember + `, "__type": "x"}`,
	} {
		u, err := UnmarshalAuthenticationMetadata([]byte(src))
		require.NoError(t, err, src)
		assert.Equal(t, &AuthenticationMetadataMemberNoneConnectionMetadata{Value: NoneConnectionMetadata{BaseEndpoint: "https://example.com"}}, u, src)
	}
}

// TestUnionNotAnObject: a union value that is not an object is an error
// that names the union, wherever the union is read.
func TestUnionNotAnObject(t *testing.T) {
	for _, bad := range []string{`[]`, `[{"NoneConnectionMetadata": {}}]`, `"NoneConnectionMetadata"`, `123`, `true`} {
		t.Run(bad, func(t *testing.T) {
			msg := sameError(t, func() error {
				_, err := UnmarshalAuthenticationMetadata([]byte(bad))
				return err
			})
			assert.Contains(t, msg, "AuthenticationMetadata", "the message must name the union")
			assert.Contains(t, msg, "expected an object")

			// The member is called AuthenticationMetadata, the union ReadAuthenticationMetadata.
			msg = sameError(t, func() error {
				var out DescribeActionConnectorOutput
				return out.UnmarshalJSON([]byte(`{"ActionConnector": {"AuthenticationConfig": {"AuthenticationMetadata": ` + bad + `}}}`))
			})
			assert.Contains(t, msg, "ReadAuthenticationMetadata", "the message must name the union")
		})
	}
}

// The unknown member of the task: its raw JSON, kept byte for byte.
const futureAuthValue = `{"x": [1, {"y": null}], "z": "é\u00e9"}`

func TestUnknownUnionMemberRoundTrip(t *testing.T) {
	src := `{"AuthenticationMetadata": {"FutureAuth": ` + futureAuthValue + `}}`
	var c AuthConfig
	require.NoError(t, c.UnmarshalJSON([]byte(src)))
	require.IsType(t, &UnknownUnionMember{}, c.AuthenticationMetadata)
	u := c.AuthenticationMetadata.(*UnknownUnionMember)
	assert.Equal(t, "FutureAuth", u.Tag)
	assert.Equal(t, futureAuthValue, string(u.Value), "the raw JSON is kept exactly")

	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"AuthenticationMetadata":{"FutureAuth":`+futureAuthValue+`}}`, string(out))

	// Again inside an operation input, and as encoding/json sees it.
	var in CreateActionConnectorInput
	require.NoError(t, in.UnmarshalJSON([]byte(`{"AuthenticationConfig": `+src+`, "Name": "n"}`)))
	out, err = in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"Name":"n","AuthenticationConfig":{"AuthenticationMetadata":{"FutureAuth":`+futureAuthValue+`}}}`, string(out))
	b, err := u.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"FutureAuth":`+futureAuthValue+`}`, string(b))

	// encoding/json compacts what MarshalJSON returns; the meaning is kept.
	out, err = json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Name":"n","AuthenticationConfig":{"AuthenticationMetadata":{"FutureAuth":`+futureAuthValue+`}}}`, string(out))

	// Every kind of JSON value survives, white space and escapes included.
	for _, raw := range []string{`1`, `-0.5e+10`, `"s\/\u0041"`, `true`, `[ ]`, `{ "a" : [ null , { } ] }`, `"` + strings.Repeat("é", 100) + `"`} {
		u, err := UnmarshalAuthenticationMetadata([]byte(`{"New":` + raw + `}`))
		require.NoError(t, err, raw)
		assert.Equal(t, &UnknownUnionMember{Tag: "New", Value: json.RawMessage(raw)}, u)
		b, err := u.(json.Marshaler).MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, `{"New":`+raw+`}`, string(b))
	}
}

// TestUnknownUnionMemberEscapedTag: the tag of an unknown member is the key
// as decoded, even when reading the member's value needs the reader's
// scratch buffer (both the key and a string in the value hold escapes).
func TestUnknownUnionMemberEscapedTag(t *testing.T) {
	tests := []struct{ src, tag, value string }{
		{`{"Future\u0041uth": {"z": "\u00e9\u00e9"}}`, "FutureAuth", `{"z": "\u00e9\u00e9"}`},
		{`{"\u00e9X": "\u0041"}`, "éX", `"\u0041"`},
		{`{"a\"b": ["\n"]}`, `a"b`, `["\n"]`},
	}
	for _, tt := range tests {
		u, err := UnmarshalAuthenticationMetadata([]byte(tt.src))
		require.NoError(t, err, tt.src)
		assert.Equal(t, &UnknownUnionMember{Tag: tt.tag, Value: json.RawMessage(tt.value)}, u, tt.src)
	}
}

// TestUnknownUnionMemberEmptyName: a member named "" is either rejected when
// read or written back; the decoder must not accept what the encoder refuses
// (found by FuzzUnmarshalCreateActionConnectorInput).
func TestUnknownUnionMemberEmptyName(t *testing.T) {
	for _, src := range []string{`{"AuthenticationMetadata": {"": {}}}`, `{"AuthenticationMetadata": {"": 1}}`} {
		var c AuthConfig
		if err := c.UnmarshalJSON([]byte(src)); err != nil {
			assert.Contains(t, err.Error(), "AuthenticationMetadata", "the error must name the union")
			continue
		}
		out, err := c.MarshalJSON()
		require.NoError(t, err, "%s decodes to %#v, which does not encode", src, c.AuthenticationMetadata)
		eq, err := seedsyntax.Equal([]byte(src), out)
		require.NoError(t, err)
		assert.True(t, eq, "%s came back as %s", src, out)
	}
}

func TestUnknownUnionMemberEncoding(t *testing.T) {
	_, err := json.Marshal(&UnknownUnionMember{Value: json.RawMessage(`1`)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unknown union member without a tag")

	_, err = json.Marshal(&UnknownUnionMember{Tag: "X", Value: json.RawMessage(`{"unclosed": `)})
	require.Error(t, err, "invalid raw JSON is never written")

	_, err = AuthConfig{AuthenticationMetadata: &UnknownUnionMember{Tag: "X", Value: json.RawMessage(`nope`)}}.MarshalJSON()
	require.Error(t, err)
}

// TestUnknownUnionMemberStrict: a server (strict reader) rejects unknown members.
func TestUnknownUnionMemberStrict(t *testing.T) {
	var u AuthenticationMetadata
	err := decodeAuthenticationMetadata(newJSONReader([]byte(`{"FutureAuth": {}}`), true), &u)
	require.Error(t, err)
	assert.Equal(t, `invalid JSON at offset 15: union AuthenticationMetadata: unknown member "FutureAuth"`, err.Error())
	require.NoError(t, decodeAuthenticationMetadata(newJSONReader([]byte(`{`+noneMember+`}`), true), &u))
}

func TestUnmarshalAuthenticationMetadata(t *testing.T) {
	u, err := UnmarshalAuthenticationMetadata([]byte(` {` + iamMember + `} `))
	require.NoError(t, err)
	assert.Equal(t, &AuthenticationMetadataMemberIamConnectionMetadata{Value: IAMConnectionMetadata{RoleArn: "arn:aws:iam::123456789012:role/r"}}, u)

	u, err = UnmarshalAuthenticationMetadata([]byte(`{"AuthorizationCodeGrantMetadata": {"BaseEndpoint": "b", "RedirectUrl": "r",
		"AuthorizationCodeGrantCredentialsDetails": {"AuthorizationCodeGrantDetails": {"ClientId": "c", "ClientSecret": "s", "TokenEndpoint": "t", "AuthorizationEndpoint": "a"}}}}`))
	require.NoError(t, err)
	assert.Equal(t, &AuthenticationMetadataMemberAuthorizationCodeGrantMetadata{Value: AuthorizationCodeGrantMetadata{
		BaseEndpoint: "b", RedirectUrl: "r",
		AuthorizationCodeGrantCredentialsDetails: &AuthorizationCodeGrantCredentialsDetailsMemberAuthorizationCodeGrantDetails{
			Value: AuthorizationCodeGrantDetails{ClientId: "c", ClientSecret: "s", TokenEndpoint: "t", AuthorizationEndpoint: "a"}},
	}}, u)

	u, err = UnmarshalAuthenticationMetadata([]byte(` null `))
	require.NoError(t, err)
	assert.Nil(t, u)

	for _, bad := range []string{``, `{` + noneMember + `} {}`, `{` + noneMember + `} x`, `{` + noneMember, `nul`} {
		_, err := UnmarshalAuthenticationMetadata([]byte(bad))
		assert.Error(t, err, bad)
	}
	_, err = UnmarshalAuthenticationMetadata([]byte(`{"NoneConnectionMetadata": {"BaseEndpoint": 1}}`))
	require.Error(t, err)
	assert.Equal(t, "invalid JSON at NoneConnectionMetadata.BaseEndpoint (offset 44): expected a string, found number", err.Error())
}

// TestUnionsThroughEncodingJSON: the codecs are reached through encoding/json.
func TestUnionsThroughEncodingJSON(t *testing.T) {
	none := &AuthenticationMetadataMemberNoneConnectionMetadata{Value: NoneConnectionMetadata{BaseEndpoint: "https://example.com"}}
	const noneJSON = `{"NoneConnectionMetadata":{"BaseEndpoint":"https://example.com"}}`

	b, err := json.Marshal(none)
	require.NoError(t, err)
	assert.Equal(t, noneJSON, string(b))

	b, err = json.Marshal(struct {
		M AuthenticationMetadata
		L []AuthenticationMetadata
	}{M: none, L: []AuthenticationMetadata{none, &UnknownUnionMember{Tag: "F", Value: json.RawMessage(`[1]`)}}})
	require.NoError(t, err)
	assert.Equal(t, `{"M":`+noneJSON+`,"L":[`+noneJSON+`,{"F":[1]}]}`, string(b))

	cfg := AuthConfig{AuthenticationType: ConnectionAuthType("NONE"), AuthenticationMetadata: none}
	for _, v := range []any{cfg, &cfg, map[string]AuthConfig{"c": cfg}} {
		b, err = json.Marshal(v)
		require.NoError(t, err)
		assert.Contains(t, string(b), `{"AuthenticationType":"NONE","AuthenticationMetadata":`+noneJSON+`}`)
	}

	var got AuthenticationMetadataMemberNoneConnectionMetadata
	require.NoError(t, json.Unmarshal([]byte(noneJSON), &got))
	assert.Equal(t, *none, got)

	var wrong AuthenticationMetadataMemberIamConnectionMetadata
	err = json.Unmarshal([]byte(noneJSON), &wrong)
	require.Error(t, err)
	assert.Equal(t, "union AuthenticationMetadata: want member IamConnectionMetadata, found *quicksight.AuthenticationMetadataMemberNoneConnectionMetadata", err.Error())
	err = json.Unmarshal([]byte(`{"FutureAuth": 1}`), &wrong)
	require.Error(t, err)
	assert.Equal(t, `union AuthenticationMetadata: want member IamConnectionMetadata, found "FutureAuth"`, err.Error())

	var holder struct {
		Config  AuthConfig
		Member  *AuthenticationMetadataMemberNoneConnectionMetadata
		Configs []AuthConfig
	}
	require.NoError(t, json.Unmarshal([]byte(`{"Config": {"AuthenticationMetadata": `+noneJSON+`}, "Member": `+noneJSON+
		`, "Configs": [{"AuthenticationMetadata": {"FutureAuth": `+futureAuthValue+`}}]}`), &holder))
	assert.Equal(t, none, holder.Config.AuthenticationMetadata)
	assert.Equal(t, none, holder.Member)
	require.Len(t, holder.Configs, 1)
	assert.Equal(t, &UnknownUnionMember{Tag: "FutureAuth", Value: json.RawMessage(futureAuthValue)}, holder.Configs[0].AuthenticationMetadata)
}

// TestUnionVariantValueMarshalsLikePointer: json.Marshal gives the same JSON
// for a variant and a pointer to it, as it does for the generated structs
// (whose MarshalJSON has a value receiver).
func TestUnionVariantValueMarshalsLikePointer(t *testing.T) {
	none := AuthenticationMetadataMemberNoneConnectionMetadata{Value: NoneConnectionMetadata{BaseEndpoint: "https://example.com"}}
	byPtr, err := json.Marshal(&none)
	require.NoError(t, err)
	byValue, err := json.Marshal(none)
	require.NoError(t, err)
	assert.Equal(t, string(byPtr), string(byValue))

	inMap, err := json.Marshal(map[string]AuthenticationMetadataMemberNoneConnectionMetadata{"k": none})
	require.NoError(t, err)
	assert.Equal(t, `{"k":`+string(byPtr)+`}`, string(inMap))

	s := NoneConnectionMetadata{BaseEndpoint: "x"}
	a, _ := json.Marshal(s)
	b, _ := json.Marshal(&s)
	assert.Equal(t, string(a), string(b), "structs already behave so")
}

// TestUnionVariantUnmarshalNull: encoding/json hands UnmarshalJSON a null for
// a non-pointer field; by its convention that is a no-op, not an error.
func TestUnionVariantUnmarshalNull(t *testing.T) {
	var holder struct {
		V AuthenticationMetadataMemberNoneConnectionMetadata
		C AuthConfig
	}
	require.NoError(t, json.Unmarshal([]byte(`{"V": null, "C": null}`), &holder))
	assert.Zero(t, holder)
}

func epochInput(t *testing.T, text string) (DescribeActionConnectorOutput, error) {
	t.Helper()
	var out DescribeActionConnectorOutput
	err := out.UnmarshalJSON([]byte(`{"ActionConnector": {"LastUpdatedTime": ` + text + `, "CreatedTime": ` + text + `}}`))
	return out, err
}

func TestEpochSecondsTimestamps(t *testing.T) {
	tests := []struct {
		text string
		want time.Time
	}{
		{"1420070400", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"1420070400.5", time.Date(2015, 1, 1, 0, 0, 0, 500e6, time.UTC)},
		{"1420070400.123", time.Date(2015, 1, 1, 0, 0, 0, 123e6, time.UTC)},
		{"1.420070400123e9", time.Date(2015, 1, 1, 0, 0, 0, 123e6, time.UTC)},
		{"1420070400.120", time.Date(2015, 1, 1, 0, 0, 0, 120e6, time.UTC)},
		{"0", time.Unix(0, 0).UTC()},
		{"-1.5", time.Unix(-2, 500e6).UTC()},
		{"1700000000.999", time.Date(2023, 11, 14, 22, 13, 20, 999e6, time.UTC)},
	}
	for _, tt := range tests {
		out, err := epochInput(t, tt.text)
		require.NoError(t, err, tt.text)
		ac := out.ActionConnector
		assert.True(t, tt.want.Equal(ac.LastUpdatedTime), "%s: got %v, want %v", tt.text, ac.LastUpdatedTime, tt.want)
		require.NotNil(t, ac.CreatedTime)
		assert.True(t, tt.want.Equal(*ac.CreatedTime), tt.text)

		b, err := out.MarshalJSON()
		require.NoError(t, err)
		eq, err := seedsyntax.Equal([]byte(`{"ActionConnector": {"Arn": "", "ActionConnectorId": "", "Name": "", "LastUpdatedTime": `+
			tt.text+`, "CreatedTime": `+tt.text+`}, "Status": 0}`), b)
		require.NoError(t, err)
		assert.True(t, eq, "%s encoded as %s", tt.text, b)
	}

	for _, bad := range []string{`"1420070400"`, `"2015-01-01T00:00:00Z"`, `"NaN"`, `"Infinity"`, `true`, `[]`, `{}`, `1e400`} {
		_, err := epochInput(t, bad)
		assert.Error(t, err, bad)
	}
}

// TestEpochSecondsKeepMilliseconds: a time with millisecond precision comes
// back equal after encode and decode, and a number with three decimals
// decodes to exactly that millisecond, for every millisecond tried.
func TestEpochSecondsKeepMilliseconds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var lost []string
	failures := 0
	const n = 20000
	for i := range n {
		// Uniform over 1970..2200, and the first thousand of 2015 exactly.
		ms := rng.Int64N(7258118400000)
		if i < 1000 {
			ms = 1420070400000 + int64(i)
		}
		want := time.UnixMilli(ms).UTC()
		text := fmt.Sprintf("%d.%03d", ms/1000, ms%1000)
		out, err := epochInput(t, text)
		require.NoError(t, err, text)
		back := DescribeActionConnectorOutput{ActionConnector: &ActionConnector{LastUpdatedTime: want}}
		b, err := back.MarshalJSON()
		require.NoError(t, err)
		var again DescribeActionConnectorOutput
		require.NoError(t, again.UnmarshalJSON(b))
		if !out.ActionConnector.LastUpdatedTime.Equal(want) || !again.ActionConnector.LastUpdatedTime.Equal(want) {
			failures++
			if len(lost) < 5 {
				lost = append(lost, fmt.Sprintf("%s decodes to %s; %s encoded as %s decodes to %s", text,
					out.ActionConnector.LastUpdatedTime.Format(time.RFC3339Nano), want.Format(time.RFC3339Nano), b,
					again.ActionConnector.LastUpdatedTime.Format(time.RFC3339Nano)))
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d millisecond timestamps are not kept, e.g.\n%s", failures, n, strings.Join(lost, "\n"))
	}
}

// TestEpochSecondsOutOfRange: a timestamp that time.Time cannot hold as
// nanoseconds since 1970 (before 1678 or after 2262) is either rejected or
// decoded exactly; it is never silently wrapped around to another date.
func TestEpochSecondsOutOfRange(t *testing.T) {
	for _, text := range []string{"-62135596800", "253402300799", "1e11", "-1e11", "1e300", "-1e300", "9223372036.855", "-9223372036.855"} {
		out, err := epochInput(t, text)
		if err != nil {
			continue
		}
		got := out.ActionConnector.LastUpdatedTime
		wantMs, _ := new(big.Rat).SetString(text)
		wantMs.Mul(wantMs, big.NewRat(1000, 1))
		gotMs := new(big.Rat).SetInt64(got.Unix()*1000 + int64(got.Nanosecond()/1e6))
		assert.True(t, wantMs.Cmp(gotMs) == 0, "%s decoded to %s", text, got.Format(time.RFC3339Nano))
	}
}

// TestZeroTimeRoundTrip: a required timestamp left at its zero value is
// written as a number that decodes back to the zero value.
func TestZeroTimeRoundTrip(t *testing.T) {
	b, err := ActionConnector{}.MarshalJSON()
	require.NoError(t, err)
	var back ActionConnector
	require.NoError(t, back.UnmarshalJSON(b))
	assert.True(t, back.LastUpdatedTime.IsZero(), "time.Time{} was written as %s, which decodes to %s", b, back.LastUpdatedTime)
}

// TestDocumentsDeepNesting: raw values (documents, unknown union members) are
// read with the same depth limit as everything else.
func TestDocumentsDeepNesting(t *testing.T) {
	raw, err := newJSONReader([]byte(`{"a": [1, {"b": null}]}`), false).readRaw()
	require.NoError(t, err)
	assert.Equal(t, `{"a": [1, {"b": null}]}`, string(raw))

	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	_, err = newJSONReader([]byte(deep), false).readRaw()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nesting deeper than 128 levels")

	ok := strings.Repeat("[", 128) + strings.Repeat("]", 128)
	_, err = newJSONReader([]byte(ok), false).readRaw()
	require.NoError(t, err, "128 levels are allowed")
}

func TestNullMembersAreAbsent(t *testing.T) {
	var in CreateActionConnectorInput
	require.NoError(t, in.UnmarshalJSON([]byte(`{"AwsAccountId": null, "Name": null, "Type": null, "AuthenticationConfig": null,
		"Description": null, "Permissions": null, "VpcConnectionArn": null, "Tags": null, "Unknown": null}`)))
	assert.Zero(t, in)
	b, err := in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))

	require.NoError(t, in.UnmarshalJSON([]byte(`{"AuthenticationConfig": {"AuthenticationType": null, "AuthenticationMetadata": null}}`)))
	assert.Equal(t, CreateActionConnectorInput{AuthenticationConfig: &AuthConfig{}}, in)
	b, err = in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"AuthenticationConfig":{}}`, string(b))

	// UnmarshalJSON starts from the zero value.
	in = CreateActionConnectorInput{Name: ptr.String("old"), Tags: []Tag{{Key: "k"}}}
	require.NoError(t, in.UnmarshalJSON([]byte(`{"Description": "d"}`)))
	assert.Equal(t, CreateActionConnectorInput{Description: ptr.String("d")}, in)

	require.NoError(t, in.UnmarshalJSON([]byte(`null`)))
	assert.Zero(t, in)
}

func TestUnknownStructMembersIgnored(t *testing.T) {
	var in CreateActionConnectorInput
	require.NoError(t, in.UnmarshalJSON([]byte(`{"Future": {"deep": [1, 2.5e3, {"x": null, "y": "\u00e9"}]}, "Name": "n",
		"AlsoNew": [true, false, null], "Tags": [{"Key": "k", "Value": "v", "Color": "red"}], "Num": -0.0}`)))
	assert.Equal(t, CreateActionConnectorInput{Name: ptr.String("n"), Tags: []Tag{{Key: "k", Value: "v"}}}, in)
	b, err := in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"Name":"n","Tags":[{"Key":"k","Value":"v"}]}`, string(b))

	err = in.UnmarshalJSON([]byte(`{"Future": [1, }`))
	assert.Error(t, err, "an unknown member must still be valid JSON")
}

// TestDenseListNull: a client (lenient reader) skips nulls in a list that
// does not allow them; a server (strict reader) rejects them.
func TestDenseListNull(t *testing.T) {
	var in CreateActionConnectorInput
	require.NoError(t, in.UnmarshalJSON([]byte(`{"Tags": [{"Key": "a", "Value": "1"}, null, {"Key": "b", "Value": "2"}, null],
		"Permissions": [null], "AuthenticationConfig": null}`)))
	assert.Equal(t, []Tag{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}}, in.Tags)
	assert.NotNil(t, in.Permissions, "a list of nulls is an empty list, not an absent one")
	assert.Empty(t, in.Permissions)
	b, err := in.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"Permissions":[],"Tags":[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]}`, string(b))

	var out DescribeActionConnectorOutput
	require.NoError(t, out.UnmarshalJSON([]byte(`{"ActionConnector": {"EnabledActions": [null, "a", null, "b"]}}`)))
	assert.Equal(t, []string{"a", "b"}, out.ActionConnector.EnabledActions)

	var tags []Tag
	err = decodeTagList(newJSONReader([]byte(`[{"Key": "a", "Value": "1"}, null]`), true), &tags)
	require.Error(t, err)
	assert.Equal(t, "invalid JSON at offset 33: null item in a list that does not allow nulls", err.Error())
}

// TestDeepNestingRejected: 100,000 nested arrays or objects anywhere are an
// error, not a stack overflow.
func TestDeepNestingRejected(t *testing.T) {
	arrays := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	objects := strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)
	tests := []struct {
		name, before, after string
		// what the reader meets first: a type mismatch ("expected an ...")
		// for a known member, or the depth limit where it skips a value.
		arraysWant, objectsWant string
	}{
		{"top level", ``, ``, "expected an object, found array", "nesting deeper than 128 levels"},
		{"unknown struct member", `{"Name": "n", "Future": `, `}`, "nesting deeper than 128 levels", "nesting deeper than 128 levels"},
		{"unknown union member", `{"AuthenticationConfig": {"AuthenticationMetadata": {"FutureAuth": `, `}}}`,
			"nesting deeper than 128 levels", "nesting deeper than 128 levels"},
		{"known list member", `{"Tags": `, `}`, "expected an object, found array", "expected an array, found object"},
		{"known struct member", `{"AuthenticationConfig": `, `}`, "expected an object, found array", "nesting deeper than 128 levels"},
		{"unknown member in a list item", `{"Permissions": [{"Principal": "p", "X": `, `}]}`,
			"nesting deeper than 128 levels", "nesting deeper than 128 levels"},
	}
	for _, tt := range tests {
		for deep, want := range map[string]string{arrays: tt.arraysWant, objects: tt.objectsWant} {
			var in CreateActionConnectorInput
			var err error
			require.NotPanics(t, func() { err = in.UnmarshalJSON([]byte(tt.before + deep + tt.after)) }, tt.name)
			require.Error(t, err, tt.name)
			assert.Contains(t, err.Error(), want, tt.name)
		}
	}
}

// TestHostileJSON: malformed input is an error, never a panic.
func TestHostileJSON(t *testing.T) {
	bad := []string{
		// truncated
		``, ` `, `{`, `{"Name"`, `{"Name":`, `{"Name": "abc`, `{"Name": "abc"`, `{"Name": "abc",`, `{"Tags": [{"Key": "a"`,
		`{"Tags": [`, `{"AuthenticationConfig": {"AuthenticationMetadata": {"FutureAuth": [1, 2`, `{"Name": "\`, `{"Name": "\u00`,
		// invalid UTF-8
		"{\"Name\": \"\xff\"}", "{\"Name\": \"a\xc3\"}", "{\"\xfe\": 1}", "{\"Name\": \"\xed\xa0\x80\"}", "{\"Name\": \"a\"}\xff",
		"{\"AuthenticationConfig\": {\"AuthenticationMetadata\": {\"FutureAuth\": \"\xff\"}}}",
		// bad escapes and control characters
		`{"Name": "\x"}`, `{"Name": "\u12"}`, `{"Name": "\u12G4"}`, `{"Name": "\U0041"}`, `{"Name": "\'"}`, "{\"Name\": \"a\x01b\"}",
		"{\"Name\": \"a\nb\"}", `{"Na\qme": "n"}`,
		// numbers
		`{"Permissions": [], "Type": 1}`, `{"Name": 1}`, `{"Name": 0123}`,
		// structure
		`{"Name": "a",}`, `{,"Name": "a"}`, `{"Name": "a" "Description": "b"}`, `{"Name" "a"}`, `{Name: "a"}`, `{'Name': 'a'}`,
		`{"Tags": [{"Key": "a", "Value": "b"},]}`, `{"Tags": [,]}`, `{"Tags": {}}`, `{"Tags": [1]}`, `{"Tags": ["a"]}`,
		`{} {}`, `{}x`, `{}]`, `[]`, `"x"`, `1`, `nul`, `{"Name": nul}`, `{"Name": tru}`, `{"Name": True}`, `{"Name": NaN}`,
		`{"Name": "a"`, `}`, `{"Name": /* c */ "a"}`, "\ufeff{}",
	}
	for _, src := range bad {
		var in CreateActionConnectorInput
		var err error
		require.NotPanics(t, func() { err = in.UnmarshalJSON([]byte(src)) }, "%q", src)
		assert.Error(t, err, "%q", src)
	}

	badStatus := []string{`2147483648`, `-2147483649`, `99999999999999999999999`, `1e2`, `1.0`, `1.`, `.5`, `-`, `+1`, `0123`,
		`-012`, `00`, `1e`, `1e+`, `0x10`, `"1"`, `Infinity`, `-Infinity`, `NaN`, `true`, `[1]`, `1_000`}
	for _, s := range badStatus {
		var out CreateActionConnectorOutput
		var err error
		require.NotPanics(t, func() { err = out.UnmarshalJSON([]byte(`{"Status": ` + s + `}`)) }, s)
		assert.Error(t, err, "Status %s", s)
	}
	for s, want := range map[string]int32{`2147483647`: 2147483647, `-2147483648`: -2147483648, `-0`: 0, `0`: 0, ` 7 `: 7} {
		var out CreateActionConnectorOutput
		require.NoError(t, out.UnmarshalJSON([]byte(`{"Status":`+s+`}`)), s)
		assert.Equal(t, want, out.Status, s)
	}
}

// TestStringEscapes: strings decode as encoding/json decodes them, lone
// surrogates included (each becomes U+FFFD, and nothing after it is lost).
func TestStringEscapes(t *testing.T) {
	for _, lit := range []string{
		`"plain"`, `"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u4e2d"`, `"\ud83d\ude00"`, `"é中😀"`, `"\u0000"`, `"\u2028\u2029"`,
		`"\ud800"`, `"\udc00"`, `"\ud800x"`, `"\ud800\u0041"`, `"\udc00\u0041"`, `"\ud800\ud800\udc00"`, `"\ud800\n"`,
		`"a\ud83dz"`,
	} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want), lit)
		var in CreateActionConnectorInput
		require.NoError(t, in.UnmarshalJSON([]byte(`{"Name": `+lit+`}`)), lit)
		require.NotNil(t, in.Name)
		assert.Equal(t, strconv.Quote(want), strconv.Quote(*in.Name), "%s", lit)
	}
}

// FuzzUnmarshalCreateActionConnectorInput: decoding never panics, and when
// it succeeds, encode → decode → encode gives the same bytes twice.
func FuzzUnmarshalCreateActionConnectorInput(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, `{"AuthenticationConfig": {"AuthenticationMetadata": {"FutureAuth": ` + futureAuthValue + `}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {` + noneMember + `}}, "Tags": [null, {"Key": "k", "Value": "v"}]}`,
		`{"Name": "\ud800\u0041", "Description": "\u00e9\n"}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"Future\u0041uth": {"z": "\u00e9\u00e9"}}}}`,
		`{"AuthenticationConfig": {"AuthenticationMetadata": {"\u00e9X": "\u0041"}}}`,
		`{"Permissions": [{"Principal": "p", "Actions": ["a", null]}], "Unknown": [[[{}]]]}`,
	} {
		f.Add([]byte(s))
	}
	if dir, err := seedsyntax.SeedDir(); err == nil {
		if pages, err := seedsyntax.LoadPages(dir); err == nil {
			for _, p := range pages {
				if p.GoOperation() != "CreateActionConnector" {
					continue
				}
				if e, err := seedsyntax.Expand(p.Request, seedsyntax.Options{}); err == nil {
					for _, ex := range e.Examples {
						f.Add(ex.JSON)
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v CreateActionConnectorInput
		if err := v.UnmarshalJSON(data); err != nil {
			return
		}
		first, err := v.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON after a successful decode: %v\ninput: %q", err, data)
		}
		var again CreateActionConnectorInput
		if err := again.UnmarshalJSON(first); err != nil {
			t.Fatalf("decoding our own output: %v\ninput:  %q\noutput: %q", err, data, first)
		}
		second, err := again.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("encode → decode → encode is not stable\ninput:  %q\nfirst:  %q\nsecond: %q", data, first, second)
		}
	})
}
