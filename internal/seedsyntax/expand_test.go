package seedsyntax

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustParse(t *testing.T, src string) *Node {
	t.Helper()
	n, err := ParseValue(src)
	require.NoError(t, err)
	return n
}

func expandAll(t *testing.T, src string, opts Options, unions ...[]string) *Expansion {
	t.Helper()
	n := mustParse(t, src)
	MarkUnions(n, unions)
	e, err := Expand(n, opts)
	require.NoError(t, err)
	for _, ex := range e.Examples {
		require.True(t, json.Valid(ex.JSON), "example %d is not JSON: %s", ex.Index, ex.JSON)
	}
	return e
}

func jsons(e *Expansion) []string {
	var out []string
	for _, ex := range e.Examples {
		out = append(out, string(ex.JSON))
	}
	return out
}

func TestExpandScalars(t *testing.T) {
	e := expandAll(t, `{'N': 123, 'F': -1.5, 'B': True, 'Z': None, 'Blob': b'bytes', 'T': datetime(2015, 1, 1),
		'T2': datetime(2015, 1, 1, 12, 30, 5), 'E': 'ONLY', 'Empty': {}, 'R': {'... recursive ...'}, 'Body': StreamingBody()}`, Options{})
	assert.Equal(t, []string{`{"N":123,"F":-1.5,"B":true,"Z":null,"Blob":"Ynl0ZXM=","T":1420070400,"T2":1420115405,` +
		`"E":"ONLY","Empty":{},"R":{}}`}, jsons(e), "StreamingBody() has no JSON form and is left out")
	assert.Empty(t, e.Choices)
}

func TestExpandTimestampFormats(t *testing.T) {
	formats := map[string]string{"A": "date-time", "L[]": "http-date", "B": "epoch-seconds"}
	e := expandAll(t, `{'A': datetime(2015, 1, 1), 'L': [datetime(2015, 1, 1, 1, 2, 3)], 'B': datetime(1969, 12, 31, 23, 59, 59)}`,
		Options{TimestampFormat: func(path string) string { return formats[path] }, ListLen: 1})
	assert.Equal(t, []string{`{"A":"2015-01-01T00:00:00Z","L":["Thu, 01 Jan 2015 01:02:03 GMT"],"B":-1}`}, jsons(e))

	_, err := Expand(mustParse(t, `{'A': datetime(2015, 1, 1)}`), Options{TimestampFormat: func(string) string { return "unix" }})
	require.Error(t, err)
	assert.Equal(t, `1:7: A: unknown timestamp format "unix"`, err.Error())
}

func TestExpandCyclesEnums(t *testing.T) {
	e := expandAll(t, `{'E': 'A'|'B'|'C', 'F': True|False}`, Options{})
	assert.Equal(t, []string{`{"E":"A","F":true}`, `{"E":"B","F":false}`, `{"E":"C","F":true}`}, jsons(e))
	require.Len(t, e.Choices, 2)
	assert.Equal(t, Choice{Path: "E", What: "enum", Alternatives: []string{"A", "B", "C"}, Seen: []int{1, 1, 1}}, *e.Choices[0])
	assert.Equal(t, Choice{Path: "F", What: "bool", Alternatives: []string{"True", "False"}, Seen: []int{2, 1}}, *e.Choices[1])
}

func TestExpandUnionOneMemberEach(t *testing.T) {
	e := expandAll(t, `{'U': {'A': {'X': 'string'}, 'B': 123, 'C': 'P'|'Q'}, 'K': 'string'}`, Options{PlainStrings: true}, []string{"A", "B", "C"})
	assert.Equal(t, []string{
		`{"U":{"A":{"X":"X 1"}},"K":"K 2"}`,
		`{"U":{"B":123},"K":"K 3"}`,
		`{"U":{"C":"P"},"K":"K 4"}`,
		`{"U":{"A":{"X":"X 5"}},"K":"K 6"}`,
		`{"U":{"B":123},"K":"K 7"}`,
		`{"U":{"C":"Q"},"K":"K 8"}`,
	}, jsons(e), "the enum inside member C is only met every third example")
	for i, want := range []string{"A", "B", "C", "A", "B", "C"} {
		assert.Equal(t, map[string]string{"U": want}, e.Examples[i].Unions)
	}
}

// TestExpandNestedUnionCoverage: a union inside a member of another union is
// only visited when that member is chosen; it still gets each of its members.
func TestExpandNestedUnionCoverage(t *testing.T) {
	e := expandAll(t, `{'Outer': {'A': {'Inner': {'X': 1, 'Y': 2, 'Z': 3}}, 'B': {}}}`, Options{},
		[]string{"A", "B"}, []string{"X", "Y", "Z"})
	var got []map[string]string
	for _, ex := range e.Examples {
		got = append(got, ex.Unions)
	}
	assert.Equal(t, []map[string]string{
		{"Outer": "A", "Outer.A.Inner": "X"},
		{"Outer": "B"},
		{"Outer": "A", "Outer.A.Inner": "Y"},
		{"Outer": "B"},
		{"Outer": "A", "Outer.A.Inner": "Z"},
	}, got)
	assert.Empty(t, e.Uncovered())
}

func TestExpandUnionsInLists(t *testing.T) {
	e := expandAll(t, `{'L': [{'A': 1, 'B': 2}]}`, Options{ListLen: 2}, []string{"A", "B"})
	assert.Equal(t, []string{`{"L":[{"A":1},{"B":2}]}`}, jsons(e))
	assert.Equal(t, map[string]string{"L[0]": "A", "L[1]": "B"}, e.Examples[0].Unions)
}

func TestExpandListsAndMaps(t *testing.T) {
	e := expandAll(t, `{'L': ['string',], 'M': {'string': 'string'}, 'EM': {'K1'|'K2'|'K3': 7}, 'Empty': []}`, Options{PlainStrings: true})
	assert.Equal(t, []string{
		`{"L":["L 1","L 2"],"M":{"key-1":"key-1 3","key-2":"key-2 4"},"EM":{"K1":7,"K2":7},"Empty":[]}`,
		`{"L":["L 5","L 6"],"M":{"key-1":"key-1 7","key-2":"key-2 8"},"EM":{"K3":7,"K1":7},"Empty":[]}`,
	}, jsons(e))

	e = expandAll(t, `{'L': [1], 'M': {'string': 1}}`, Options{ListLen: 3, MapLen: 1})
	assert.Equal(t, []string{`{"L":[1,1,1],"M":{"key-1":1}}`}, jsons(e))
}

func TestExpandDocuments(t *testing.T) {
	e := expandAll(t, `{'D': {...}|[...]|123|123.4|'string'|None|True|False, 'Any': {...}, 'AnyL': [...]}`, Options{})
	require.Len(t, e.Examples, 8)
	var forms []string
	for _, ex := range e.Examples {
		var v map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(ex.JSON, &v))
		forms = append(forms, string(v["D"]))
		assert.JSONEq(t, `{"key":"value","list":[1,2.5,null,true],"nested":{"empty":{}}}`, string(v["Any"]))
		assert.JSONEq(t, `[1,"two",{"three":3.5},[],null,false]`, string(v["AnyL"]))
	}
	assert.Equal(t, []string{`{"key":"value","list":[1,2.5,null,true],"nested":{"empty":{}}}`,
		`[1,"two",{"three":3.5},[],null,false]`, `123`, `123.4`, `"document string"`, `null`, `true`, `false`}, forms)
	assert.Equal(t, "document", e.Choices[0].What)
}

func TestExpandPlausibleStrings(t *testing.T) {
	e := expandAll(t, `{'AwsAccountId': 'string', 'RoleArn': 'string', 'BaseEndpoint': 'string', 'Email': 'string', 'ClientId': 'string', 'Note': 'string'}`, Options{})
	var v map[string]string
	require.NoError(t, json.Unmarshal(e.Examples[0].JSON, &v))
	assert.Equal(t, map[string]string{
		"AwsAccountId": "123456789012",
		"RoleArn":      "arn:aws:example:us-east-1:123456789012:rolearn/2",
		"BaseEndpoint": "https://example.com/baseendpoint/3",
		"Email":        "user4@example.com",
		"ClientId":     "clientid-0005 \"q\" \\ é ✓ \t<&>",
		"Note":         "Note 6",
	}, v, "every fifth string carries escapes and non-ASCII text")
}

func TestExpandIsDeterministic(t *testing.T) {
	src := `{'E': 'A'|'B', 'U': {'X': {'S': 'string'}, 'Y': [{'T': True|False}]}, 'M': {'string': 'string'}}`
	a := expandAll(t, src, Options{}, []string{"X", "Y"})
	b := expandAll(t, src, Options{}, []string{"X", "Y"})
	assert.Equal(t, jsons(a), jsons(b))
}

func TestExpandErrors(t *testing.T) {
	_, err := Expand(mustParse(t, `[1]`), Options{})
	require.Error(t, err)
	assert.Equal(t, "expand: want a dict, got [1]", err.Error())

	_, err = Expand(mustParse(t, `{'L': [StreamingBody()]}`), Options{})
	require.Error(t, err)
	assert.Equal(t, "1:8: L[]: StreamingBody() has no JSON form", err.Error())

	_, err = Expand(mustParse(t, `{'E': 'A'|'B'|'C'}`), Options{MaxExamples: 2})
	require.Error(t, err)
	assert.Equal(t, "expand: alternatives still uncovered after 2 examples: E: C", err.Error())
}

// TestExpandSeedPages expands both syntax blocks of every seed page: every
// example is JSON, every union object has exactly one member, and every
// alternative is covered.
func TestExpandSeedPages(t *testing.T) {
	for op, p := range seedPages(t) {
		for side, tree := range map[string]*Node{"request": p.Request, "response": p.Response} {
			e, err := Expand(tree, Options{})
			require.NoError(t, err, "%s %s", op, side)
			assert.Empty(t, e.Uncovered())
			for _, ex := range e.Examples {
				require.True(t, json.Valid(ex.JSON), "%s %s example %d", op, side, ex.Index)
				var doc any
				require.NoError(t, json.Unmarshal(ex.JSON, &doc))
				for path, member := range ex.Unions {
					obj, ok := lookup(doc, path).(map[string]any)
					require.True(t, ok, "%s: no object at %s", op, path)
					assert.Equal(t, []string{member}, slices.Collect(maps.Keys(obj)), "%s: union at %s", op, path)
				}
			}
			unions := 0
			for _, c := range e.Choices {
				if c.What == "union" {
					unions++
					assert.Equal(t, len(c.Alternatives), len(c.Seen))
				}
			}
			want := len(p.RequestUnions)
			if side == "response" {
				want = len(p.ResponseUnions)
			}
			assert.Equal(t, want, unions, "%s %s: every union note is a choice", op, side)
			t.Logf("%s %s: %d examples", op, side, len(e.Examples))
		}
	}
}

var pathSegRE = regexp.MustCompile(`[^.\[\]]+|\[\d+\]`)

// lookup follows a path of dotted keys and [i] indexes into a decoded document.
func lookup(v any, path string) any {
	for _, seg := range pathSegRE.FindAllString(path, -1) {
		if seg[0] == '[' {
			i, _ := strconv.Atoi(seg[1 : len(seg)-1])
			arr, ok := v.([]any)
			if !ok || i >= len(arr) {
				return nil
			}
			v = arr[i]
			continue
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[seg]
	}
	return v
}
