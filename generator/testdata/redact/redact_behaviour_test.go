package redactfixture

// Copied by generator/redact_test.go next to the package generated from
// redact.json and run there: no fmt verb may print a @sensitive value, nested
// anywhere. Standard library only, so the temporary module needs nothing
// but smithy-go.

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

const marker = "*** Sensitive Data Redacted ***"

func str(s string) *string { return &s }

// secrets are the sensitive values of fullInput (and their other printed
// forms: the decimal bytes of a blob, the text of a timestamp, an enum value).
var secrets = []string{
	"s3cr3t-password", "s3cr3t-token", "s3cr3t-header", "s3cr3t-inner", "s3cr3t-list-inner", "s3cr3t-map-inner",
	"s3cr3t-sparse", "s3cr3t-list-token", "s3cr3t-key-token", "s3cr3t-grid", "s3cr3t-maplist", "s3cr3t-nested",
	"s3cr3t-hidden", "s3cr3t-creds-user", "s3cr3t-creds-pass", "s3cr3t-choice-list", "s3cr3t-unknown",
	"s3cr3t-node-1", "s3cr3t-node-2", "s3cr3t-whole-user", "low-s3cr3t", "high-s3cr3t", "7001", "424242",
	"s3cr3t-blob", strings.Trim(fmt.Sprint([]byte("s3cr3t-blob")), "[]"), "1987", "987654321",
}

// visible are values of fullInput that are not sensitive: the readable verbs print them.
var visible = []string{"id-123", "visible-name", "31337", "label-inner", "label-list", "label-map", "label-sparse",
	"label-maplist", "label-nested", "choice-plain", "8080", "plain-text", "future-member"}

func fullInput() PutInput {
	born := time.Date(1987, 6, 5, 4, 3, 2, 0, time.UTC)
	when := time.Unix(987654321, 0).UTC()
	pin, count := int32(424242), int32(31337)
	rank := RankFirst
	return PutInput{
		Id:           str("id-123"),
		Name:         str("visible-name"),
		Password:     str("s3cr3t-password"),
		Token:        str("s3cr3t-token"),
		Pin:          &pin,
		Count:        &count,
		Born:         &born,
		Key:          []byte("s3cr3t-blob"),
		HeaderSecret: str("s3cr3t-header"),
		Inner:        &Inner{Label: str("label-inner"), Secret: str("s3cr3t-inner"), When: &when},
		Inners:       []Inner{{Label: str("label-list"), Secret: str("s3cr3t-list-inner")}},
		InnerMap:     map[string]Inner{"m": {Label: str("label-map"), Secret: str("s3cr3t-map-inner")}},
		SparseInners: []*Inner{nil, {Label: str("label-sparse"), Secret: str("s3cr3t-sparse")}},
		Tokens:       []string{"s3cr3t-list-token"},
		TokenKeyed:   map[string]string{"s3cr3t-key-token": "value"},
		TokenGrid:    [][]string{{"s3cr3t-grid"}},
		InnerMaps:    []map[string]Inner{{"k": {Label: str("label-maplist"), Secret: str("s3cr3t-maplist")}}},
		Choice: &ChoiceMemberNested{Value: &ChoiceMemberInner{Value: Inner{Label: str("label-nested"),
			Secret: str("s3cr3t-nested")}}},
		Choices: []Choice{
			&ChoiceMemberPlain{Value: "choice-plain"},
			&ChoiceMemberHidden{Value: "s3cr3t-hidden"},
			&ChoiceMemberCreds{Value: Creds{User: str("s3cr3t-creds-user"), Pass: str("s3cr3t-creds-pass")}},
			&ChoiceMemberInners{Value: []Inner{{Secret: str("s3cr3t-choice-list")}}},
			&UnknownUnionMember{Tag: "future-member", Value: json.RawMessage(`{"x": "s3cr3t-unknown"}`)},
		},
		PlainChoice: &PlainChoiceMemberNumber{Value: 8080},
		Level:       LevelLowS3cr3t,
		Rank:        &rank,
		Creds:       &Creds{User: str("s3cr3t-whole-user")},
		Node:        &Node{Value: str("s3cr3t-node-1"), Next: &Node{Value: str("s3cr3t-node-2")}},
		Plain:       &Plain{Text: str("plain-text")},
		Doc:         json.RawMessage(`{"d": 1}`),
	}
}

// prints prints v every way fmt and the methods can, by label.
func prints(v PutInput) map[string]string {
	out := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%t", "%8.300s", "%-v", "%T %v"} {
		out["Sprintf("+verb+", v)"] = fmt.Sprintf(verb, v)
		out["Sprintf("+verb+", &v)"] = fmt.Sprintf(verb, &v)
	}
	out["Sprint(v)"] = fmt.Sprint(v)
	out["Sprint(&v)"] = fmt.Sprint(&v)
	out["Sprintln(v, &v)"] = fmt.Sprintln(v, &v)
	out["String()"] = v.String()
	out["GoString()"] = v.GoString()
	out["Sprintf(%v, []v)"] = fmt.Sprintf("%v", []PutInput{v})
	out["Sprintf(%#v, map)"] = fmt.Sprintf("%#v", map[string]*PutInput{"k": &v})
	out["Sprintf(%+v, Choices)"] = fmt.Sprintf("%+v", v.Choices)
	out["Sprintf(%#v, Choices)"] = fmt.Sprintf("%#v", v.Choices)
	out["Sprint(Inner)"] = fmt.Sprint(v.Inner)
	out["Sprint(*Inner)"] = fmt.Sprint(*v.Inner)
	out["Sprint(Level, Rank)"] = fmt.Sprint(v.Level, *v.Rank, v.Rank)
	out["Sprintf(%#v %d %x, Level, Rank)"] = fmt.Sprintf("%#v %d %x %#v", v.Level, *v.Rank, v.Level, *v.Rank)
	out["Sprint(Creds)"] = fmt.Sprint(v.Creds, *v.Creds)
	out["Sprintf(%#v, Creds)"] = fmt.Sprintf("%#v", v.Creds)
	out["Sprint(Node)"] = fmt.Sprint(v.Node)
	out["Sprint(out)"] = fmt.Sprint(PutOutput{Echo: v.Inner, Note: str("note")})
	return out
}

func checkNoSecret(t *testing.T, how, text string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) || strings.Contains(strings.ToLower(text), hex.EncodeToString([]byte(s))) {
			t.Errorf("%s prints the sensitive %q:\n%s", how, s, text)
		}
	}
}

func TestNoVerbPrintsASecret(t *testing.T) {
	for how, text := range prints(fullInput()) {
		checkNoSecret(t, how, text)
	}
	var back PutInput
	data, err := json.Marshal(fullInput())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "s3cr3t-password") {
		t.Fatalf("the JSON lost the secrets it must carry: %s", data)
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for how, text := range prints(back) {
		checkNoSecret(t, "decoded: "+how, text)
	}
}

func TestReadableVerbsShowTheRest(t *testing.T) {
	p := prints(fullInput())
	for _, how := range []string{"Sprintf(%v, v)", "Sprintf(%+v, &v)", "Sprintf(%#v, v)", "Sprintf(%s, &v)", "Sprint(v)", "String()", "GoString()"} {
		if !strings.Contains(p[how], marker) {
			t.Errorf("%s: no %q in\n%s", how, marker, p[how])
		}
		for _, s := range visible {
			if !strings.Contains(p[how], s) {
				t.Errorf("%s hides %q, which is not sensitive:\n%s", how, s, p[how])
			}
		}
	}
}

func TestLayout(t *testing.T) {
	in := Inner{Label: str("a"), Secret: str("s3cr3t-inner")}
	for _, c := range []struct{ got, want string }{
		{in.String(), "{Label:a Secret:" + marker + " When:<nil>}"},
		{in.GoString(), `redactfixture.Inner{Label:&"a", Secret:"` + marker + `", When:nil}`},
		{fmt.Sprintf("%+v", &in), in.String()},
		{fmt.Sprintf("%#v", &in), in.GoString()},
		{fmt.Sprintf("%q", in), fmt.Sprintf("%q", in.String())},
		{fmt.Sprintf("%12.5s|", in), "       {Labe|"},
		{fmt.Sprint(Inner{}), "{Label:<nil> Secret:<nil> When:<nil>}"},
		{fmt.Sprint(LevelHighS3cr3t), marker},
		{fmt.Sprintf("%#v", LevelHighS3cr3t), `"` + marker + `"`},
		{string(LevelHighS3cr3t), "high-s3cr3t"}, // the value itself is untouched
		{fmt.Sprint(Creds{User: str("u")}), marker},
		{fmt.Sprint(PutInput{InnerMap: map[string]Inner{"k": in}}.String()[0:1]), "{"},
		{fmt.Sprintf("%v", PutInput{Choice: &ChoiceMemberPlain{Value: "p"}, Tokens: []string{}, InnerMap: map[string]Inner{"k": in}, Inners: []Inner{}}),
			"{Id:<nil> Name:<nil> Password:<nil> Token:<nil> Pin:<nil> Count:<nil> Born:<nil> Key:<nil> HeaderSecret:<nil> Inner:<nil> Inners:[] " +
				"InnerMap:map[k:{Label:a Secret:" + marker + " When:<nil>}] SparseInners:[] Tokens:" + marker + " TokenKeyed:<nil> TokenGrid:<nil> " +
				"InnerMaps:[] Choice:{Value:p} Choices:[] PlainChoice:<nil> Level:" + marker + " Rank:<nil> Creds:<nil> Node:<nil> Plain:<nil> Doc:[]}"},
		{fmt.Sprintf("%#v", PutInput{Choice: &ChoiceMemberPlain{Value: "p"}, InnerMap: map[string]Inner{"k": in}}),
			`redactfixture.PutInput{Id:nil, Name:nil, Password:nil, Token:nil, Pin:nil, Count:nil, Born:nil, Key:nil, HeaderSecret:nil, Inner:nil, ` +
				`Inners:[]redactfixture.Inner(nil), InnerMap:map[string]redactfixture.Inner{"k":redactfixture.Inner{Label:&"a", Secret:"` + marker + `", When:nil}}, ` +
				`SparseInners:[]*redactfixture.Inner(nil), Tokens:nil, TokenKeyed:nil, TokenGrid:nil, InnerMaps:[]map[string]redactfixture.Inner(nil), ` +
				`Choice:&redactfixture.ChoiceMemberPlain{Value:"p"}, Choices:[]redactfixture.Choice(nil), PlainChoice:nil, Level:"` + marker + `", ` +
				`Rank:nil, Creds:nil, Node:nil, Plain:nil, Doc:json.RawMessage(nil)}`},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

// TestErrors: errors print their Error() text for %v, %s and %w, as any error
// does, and redact everything else; a sensitive message is redacted too.
func TestErrors(t *testing.T) {
	d := &Denied{Message: str("denied-msg"), Secret: str("s3cr3t-denied")}
	for _, c := range []struct{ got, want string }{
		{fmt.Sprint(d), "Denied: denied-msg"},
		{fmt.Sprintf("%v|%s|%+v", *d, d, d), "Denied: denied-msg|Denied: denied-msg|Denied: denied-msg"},
		{fmt.Errorf("call: %w", d).Error(), "call: Denied: denied-msg"},
		{fmt.Sprintf("%#v", d), `redactfixture.Denied{Message:&"denied-msg", Secret:"` + marker + `"}`},
		{d.String(), "{Message:denied-msg Secret:" + marker + "}"},
		{fmt.Sprint(&Leaky{Message: str("s3cr3t-leaky")}), "Leaky: " + marker},
		{fmt.Sprintf("%#v", Leaky{Message: str("s3cr3t-leaky")}), `redactfixture.Leaky{Message:"` + marker + `"}`},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

// TestCycle: a value that contains itself still prints, to a bounded depth.
func TestCycle(t *testing.T) {
	n := &Node{Value: str("s3cr3t-node-1")}
	n.Next = n
	s := fmt.Sprint(n)
	checkNoSecret(t, "cycle", s)
	if !strings.Contains(s, "Next:...") || len(s) > 10000 {
		t.Errorf("a cycle prints as %d bytes: %.200s", len(s), s)
	}
	c := &ChoiceMemberNested{}
	c.Value = c
	if s := fmt.Sprintf("%#v", c); !strings.Contains(s, "...") {
		t.Errorf("a cyclic union prints as %.200s", s)
	}
}
