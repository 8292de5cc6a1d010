package seedsyntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffEqualDocuments(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"key order", `{"a":1,"b":{"c":[1,2],"d":null}}`, `{"b":{"d":null,"c":[1,2]},"a":1}`},
		{"numbers by value", `[1, 1.0, 1e3, -0, 0.5, 1420070400.123]`, `[1.00, 1, 1000, 0, 5e-1, 1.420070400123e9]`},
		{"string escapes", `"é\u00e9<\n\/"`, `"\u00e9é\u003c\u000a/"`},
		{"white space", " { \"a\" : [ ] } ", `{"a":[]}`},
		{"empty object", `{}`, `{ }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Diff([]byte(tt.a), []byte(tt.b))
			require.NoError(t, err)
			assert.Empty(t, d)
			eq, err := Equal([]byte(tt.a), []byte(tt.b))
			require.NoError(t, err)
			assert.True(t, eq)
		})
	}
}

func TestDiffReportsEveryDifference(t *testing.T) {
	want := `{"keep":1,"lost":{"x":1},"changed":"a","list":[1,2,3],"num":1.5,"kind":{"a":1},"nested":{"n":null}}`
	got := `{"keep":1.0,"changed":"b","list":[1,3],"num":1.50,"kind":[1],"nested":{"n":false,"extra":[true]},"added":0}`
	d, err := Diff([]byte(want), []byte(got))
	require.NoError(t, err)
	var lines []string
	for _, x := range d {
		lines = append(lines, x.String())
	}
	assert.Equal(t, []string{
		`added: added 0`,
		`changed: changed "a" -> "b"`,
		`kind: changed {"a":1} -> [1]`,
		`list[1]: changed 2 -> 3`,
		`list[2]: lost 3`,
		`lost: lost {"x":1}`,
		`nested.extra: added [true]`,
		`nested.n: changed null -> false`,
	}, lines)

	d, err = Diff([]byte(`1`), []byte(`"1"`))
	require.NoError(t, err)
	require.Len(t, d, 1)
	assert.Equal(t, `(document): changed 1 -> "1"`, d[0].String())
}

func TestDiffRejectsBadDocuments(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{`{"a":1,"a":2}`, `{}`, `want: key "a" repeated in an object`},
		{`{}`, `{"a":`, `got: unexpected EOF`},
		{`{} {}`, `{}`, `want: data after the JSON value`},
	} {
		_, err := Diff([]byte(tt.a), []byte(tt.b))
		require.Error(t, err)
		assert.Equal(t, tt.want, err.Error())
	}
}
