package idl

import (
	"testing"
	"time"

	"github.com/smithygen/smithygen/model"
)

// FuzzLoad checks that no input makes the loader (or the Builder after it)
// panic or hang.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"",
		"$version: \"2\"\nnamespace ex\nstring S\n",
		"$version: \"1.0\"\nnamespace ex\ninteger P\nstructure S { @box a: P, b: PrimitiveInteger }\nset T { member: String }\n",
		"metadata a = [1, -2.5e3, true, null, {b: c, \"d\": \"\"\"\n  x\n  \"\"\"}]\n",
		"namespace ex\nuse a#B\n/// Doc.\n@tags([\"a\"]) @length(min: 1)\nstructure S with [M] { @required a: B = 1\n $b\n}\n",
		"$version: \"2\"\n$operationInputSuffix: \"Req\"\nnamespace ex\noperation O { input := @sensitive for R with [M] { a: String }\noutput: Unit errors: [E] }\n",
		"namespace ex\nservice S { version: \"1\", operations: [O], rename: {\"a#B\": \"C\"} }\nresource R { identifiers: {id: String}, read: O }\n",
		"namespace ex\nenum E { A = \"a\"\nB }\nintEnum I { X = 1\n}\napply E$A @deprecated\napply E { @sensitive }\n",
		"namespace ex\n@trait\nlist t { member: String }\n@t\nstring S\n",
		"namespace ex\nstructure S { a: }\n",
		"namespace ex\n@tags([[[[[[[[\n",
		"namespace ex\n@documentation(\"\"\"\n  unterminated\n",
		"namespace ex\n@documentation(\"\\u12\")\nstring S\n",
		"namespace ex\nstructure S for S with [S] { $a }\n@mixin structure M with [M] { $b }\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			b := model.NewBuilder()
			LoadFiles(b, map[string][]byte{"fuzz.smithy": data, "other.smithy": data})
			_, _ = b.Build()
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("loading %q did not finish in 10s", data)
		}
	})
}
