package seedsyntax

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const toyPage = `Toy / Client / put_thing

Toy.Client.put_thing(**kwargs)

Request Syntax

response = client.put_thing(
    Name='string',
    Choice={
        'A': {'X': 'string'},
        'B': 123
    },
    Kind='K1'|'K2'
)

Note

This is a Tagged Union structure. Only one of the following top level keys can be set: A, B.

Response Syntax

{
    'Id': 'string'
}
`

// toyCodec stands in for a generated type: it keeps the decoded document
// and writes it back, less the key drop.
type toyCodec struct {
	v    map[string]any
	drop string
}

func (c *toyCodec) UnmarshalJSON(b []byte) error { c.v = nil; return json.Unmarshal(b, &c.v) }

func (c *toyCodec) MarshalJSON() ([]byte, error) {
	m := maps.Clone(c.v)
	delete(m, c.drop)
	return json.Marshal(m)
}

func toyOperations(drop string) map[string]Operation {
	return map[string]Operation{"PutThing": {
		Input:  func() Codec { return &toyCodec{drop: drop} },
		Output: func() Codec { return &toyCodec{} },
		InputUnions: func(v Codec) map[string]string {
			choice, _ := v.(*toyCodec).v["Choice"].(map[string]any)
			return map[string]string{"Choice": slices.Collect(maps.Keys(choice))[0]}
		},
	}}
}

func toySeeds(t *testing.T) string {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "toy.txt"), []byte(toyPage), 0o644))
	return dir
}

func TestRoundTripPasses(t *testing.T) {
	t.Setenv(SeedsEnv, toySeeds(t))
	RoundTrip(t, "toy", toyOperations(""), RoundTripOptions{Members: map[string][]string{"Choice": {"A", "B"}}})
}

// TestRoundTripFails runs itself in a child process, where RoundTrip is given
// a codec that loses a member and a union member no example reaches; the
// child must fail and say why.
func TestRoundTripFails(t *testing.T) {
	if os.Getenv("SEEDSYNTAX_ROUNDTRIP_CHILD") == "1" {
		RoundTrip(t, "Toy", toyOperations("Kind"), RoundTripOptions{
			Members:  map[string][]string{"Choice": {"A", "B", "C"}, "Elsewhere": {"X"}},
			Defaults: map[string]string{"Never": "0"},
		})
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRoundTripFails$", "-test.v")
	cmd.Env = append(os.Environ(), "SEEDSYNTAX_ROUNDTRIP_CHILD=1", SeedsEnv+"="+toySeeds(t))
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the child must fail:\n%s", out)
	assert.Contains(t, string(out), "--- FAIL: TestRoundTripFails/PutThing/request/0")
	assert.Contains(t, string(out), "Kind: lost \"K1\"")
	assert.Contains(t, string(out), "union Choice: no example decodes to member(s) C")
	assert.Contains(t, string(out), "union Elsewhere: listed in RoundTripOptions.Members, but no example holds it")
	assert.Contains(t, string(out), "RoundTripOptions.Defaults: Never was never added by a round trip; remove it")
	assert.Contains(t, string(out), "PutThing (toy.txt): 2 request examples, 1 response examples")
}

func TestRoundTripUnknownOperation(t *testing.T) {
	if os.Getenv("SEEDSYNTAX_ROUNDTRIP_CHILD") == "2" {
		RoundTrip(t, "Toy", map[string]Operation{}, RoundTripOptions{})
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRoundTripUnknownOperation$")
	cmd.Env = append(os.Environ(), "SEEDSYNTAX_ROUNDTRIP_CHILD=2", SeedsEnv+"="+toySeeds(t))
	out, err := cmd.CombinedOutput()
	require.Error(t, err)
	assert.Contains(t, string(out), "toy.txt: seed page of operation PutThing, which the test's table does not list")
}

func TestRoundTripSkipsWithoutSeeds(t *testing.T) {
	if os.Getenv("SEEDSYNTAX_ROUNDTRIP_CHILD") == "3" {
		RoundTrip(t, "Toy", toyOperations(""), RoundTripOptions{})
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRoundTripSkipsWithoutSeeds$", "-test.v")
	cmd.Env = append(os.Environ(), "SEEDSYNTAX_ROUNDTRIP_CHILD=3", SeedsEnv+"="+filepath.Join(t.TempDir(), "absent"))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "--- SKIP: TestRoundTripSkipsWithoutSeeds")
	assert.Contains(t, string(out), "seed pages not found")
}

func TestGenericPath(t *testing.T) {
	assert.Equal(t, "A[].B{}.C[][]", genericPath("A[0].B{key-1}.C[12][3]"))
	assert.Equal(t, "A", genericPath("A"))
}
