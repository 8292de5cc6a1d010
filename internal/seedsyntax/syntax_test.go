package seedsyntax

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"placeholder", `'string'`, `'string'`},
		{"double quotes and escapes", `"it's \"x\"\n"`, `'it\'s "x"\n'`},
		{"int", `123`, `123`},
		{"negative float", `-123.4`, `-123.4`},
		{"exponent", `1e3`, `1e3`},
		{"bool", `True`, `True`},
		{"bool alternatives", `True|False`, `True|False`},
		{"none", `None`, `None`},
		{"enum", `'A'|'B' | 'C'`, `'A'|'B'|'C'`},
		{"datetime", `datetime(2015, 1, 1)`, `datetime(2015, 1, 1)`},
		{"datetime with time", `datetime(2015,1,1,12,30,5)`, `datetime(2015, 1, 1, 12, 30, 5)`},
		{"bytes", `b'bytes'`, `b'bytes'`},
		{"empty dict", `{}`, `{}`},
		{"empty list", `[]`, `[]`},
		{"dict in page order", `{'Z': 1, 'A': 'x'|'y', 'M': {}}`, `{'Z': 1, 'A': 'x'|'y', 'M': {}}`},
		{"trailing commas", `[{'K': ['string',],},]`, `[{'K': ['string']}]`},
		{"space before comma", `{'A': {} , 'B': {} }`, `{'A': {}, 'B': {}}`},
		{"map", `{'string': 'string'}`, `{'string': 'string'}`},
		{"enum keyed map", `{'KEY1'|'KEY2': 123}`, `{'KEY1'|'KEY2': 123}`},
		{"document", `{...}|[...]|123|123.4|'string'|None|True|False`, `{...}|[...]|123|123.4|'string'|None|True|False`},
		{"recursive", `{'... recursive ...'}`, `{'... recursive ...'}`},
		{"streaming body", `{'Body': StreamingBody()}`, `{'Body': StreamingBody()}`},
		{"new lines and tabs", "{\n\t'A':\n\t\t[\n 1,\n ]\n}", `{'A': [1]}`},
		{"non-breaking space", "{'A':\u00a01}", `{'A': 1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseValue(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
		})
	}
}

func TestParseValueTree(t *testing.T) {
	n, err := ParseValue(`{'B': 'X'|'Y', 'A': [{'C': datetime(2015, 1, 1)},], 'M': {'string': 'string'}}`)
	require.NoError(t, err)
	require.Equal(t, Dict, n.Kind)
	assert.Equal(t, []string{"B", "A", "M"}, n.Keys())
	assert.Equal(t, []string{"X", "Y"}, n.Field("B").EnumValues())
	assert.False(t, n.IsMap())
	assert.True(t, n.Field("M").IsMap())
	list := n.Field("A")
	require.Equal(t, List, list.Kind)
	require.Len(t, list.Items, 1)
	ts := list.Items[0].Field("C")
	require.Equal(t, Datetime, ts.Kind)
	require.Len(t, ts.Args, 3)
	assert.Equal(t, "2015", ts.Args[0].Text)
	assert.Equal(t, Pos{1, 28}, ts.Pos)
	assert.Nil(t, n.Field("nope"))
	assert.Nil(t, n.Field("A").EnumValues())
}

func TestParseCall(t *testing.T) {
	op, args, err := ParseCall(`response = client.create_thing(
    Name='string',
    Kind='A'|'B',
    Tags=[
        {
            'Key': 'string',
            'Value': 'string'
        },
    ],
    Size=123
)
trailing text is ignored`)
	require.NoError(t, err)
	assert.Equal(t, "create_thing", op)
	assert.Equal(t, []string{"Name", "Kind", "Tags", "Size"}, args.Keys())
	assert.Equal(t, `{'Name': 'string', 'Kind': 'A'|'B', 'Tags': [{'Key': 'string', 'Value': 'string'}], 'Size': 123}`, args.String())
	assert.Equal(t, Pos{2, 5}, args.Fields[0].Pos)

	op, args, err = ParseCall(`client.list_things()`)
	require.NoError(t, err)
	assert.Equal(t, "list_things", op)
	assert.Empty(t, args.Fields)

	_, args, err = ParseCall(`client.x(A=1,)`)
	require.NoError(t, err)
	assert.Equal(t, []string{"A"}, args.Keys())
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", ``, `1:1: expected a value, found end of input`},
		{"unterminated string", `{'A': 'abc`, `1:7: unterminated string`},
		{"unterminated dict", `{'A': 1`, `1:8: expected ',' or '}' in dict, found end of input`},
		{"missing colon", `{'A' 1}`, `1:6: expected ':' after key 'A', found number 1`},
		{"non-string key", `{A: 1}`, `1:2: expected a string key, found name A`},
		{"repeated key", `{'A': 1, 'A': 2}`, `1:10: key 'A' given twice`},
		{"bad list", `[1 2]`, `1:4: expected ',' or ']' in list, found number 2`},
		{"trailing value", `1 2`, `1:3: unexpected number 2 after the value`},
		{"unknown name", `{'A': Maybe}`, `1:7: unexpected name Maybe`},
		{"bad datetime", `datetime(2015, 'x', 1)`, `1:16: datetime argument must be an integer, found string`},
		{"short datetime", `datetime(2015)`, `1:1: datetime takes 3 to 6 integer arguments, found 1`},
		{"bad character", `{'A': @}`, `1:7: unexpected character '@'`},
		{"dangling bar", `'A'|`, `1:5: expected a value, found end of input`},
		{"lone sign", `-`, `1:1: expected digits`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseValue(tt.src)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}

	calls := []struct{ src, want string }{
		{`client.x(A=1 B=2)`, `1:14: expected ',' or ')' in the arguments of x, found name B`},
		{`client.x(A=1, A=2)`, `1:15: argument A given twice`},
		{`client.x('A'=1)`, `1:10: expected an argument name, found string 'A'`},
		{`client.x(A)`, `1:11: expected '=' after argument A, found ')'`},
		{`response client.x()`, `1:10: expected '=' after 'response', found name client.x`},
		{`boto.x()`, `1:1: expected client.<operation>, found name boto.x`},
	}
	for _, tt := range calls {
		_, _, err := ParseCall(tt.src)
		require.Error(t, err, tt.src)
		assert.Equal(t, tt.want, err.Error(), tt.src)
	}
}

func TestParseDeepNestingFails(t *testing.T) {
	src := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	_, err := ParseValue(src)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nesting deeper than")
}

func TestMarkUnions(t *testing.T) {
	n, err := ParseValue(`{'U': {'A': {'X': 1}, 'B': {}}, 'S': {'B': 1, 'A': 2}, 'M': {'string': 'string'}, 'L': [{'A': 1, 'B': 2}]}`)
	require.NoError(t, err)
	assert.Equal(t, 3, MarkUnions(n, [][]string{{"A", "B"}, {"string"}}))
	assert.True(t, n.Field("U").Union)
	assert.True(t, n.Field("S").Union, "key order does not matter")
	assert.False(t, n.Field("M").Union, "maps are never unions")
	assert.True(t, n.Field("L").Items[0].Union)
	assert.False(t, n.Union)
	assert.Equal(t, 0, MarkUnions(n, [][]string{{"A"}}))
}
