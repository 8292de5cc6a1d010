package generator

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/sharedtest"
)

// reSpacesReference is what collapseSpaces replaces, kept here as its
// specification.
var reSpacesReference = regexp.MustCompile(`[ \t\r\n]+`)

func TestCollapseSpaces(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a ", "\t", "a\tb", "a \n\r\tb", "a\u00a0 b", "  lead", "trail  ", "x\n"} {
		assert.Equal(t, reSpacesReference.ReplaceAllString(s, " "), collapseSpaces(s), "%q", s)
	}
	// Random strings over an alphabet rich in the characters that matter.
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{" ", "\t", "\r", "\n", "a", "b", "\u00a0", "\v", "é"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		assert.Equal(t, reSpacesReference.ReplaceAllString(s, " "), collapseSpaces(s), "%q", s)
	}
}

// TestWrap: lines of at most width bytes, words longer than width alone on
// their line, first and rest prefixes.
func TestWrap(t *testing.T) {
	assert.Equal(t, []string{"  - one two", "    three"}, wrap("one two three", 11, "  - ", "    "))
	assert.Equal(t, []string{"aaaaaaaaaaaa", "b"}, wrap("aaaaaaaaaaaa b", 5, "", ""))
	assert.Nil(t, wrap(" \t ", 80, "", ""))
}

// TestGodocOfficialModels converts every documentation string of the
// official models in ../shared with godoc and checks that the result holds no
// HTML tag and no run of spaces, and that no line but a single long word
// passes 80 bytes.
func TestGodocOfficialModels(t *testing.T) {
	var files []string
	for _, dir := range []string{"botocore", "smithy-ast"} {
		matches, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "models", dir), "*.json"))
		require.NoError(t, err)
		files = append(files, matches...)
	}
	require.NotEmpty(t, files)
	docs := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(data, &v))
		var walk func(key string, v any)
		walk = func(key string, v any) {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					walk(k, e)
				}
			case []any:
				for _, e := range x {
					walk(key, e)
				}
			case string:
				if key != "documentation" && key != "smithy.api#documentation" {
					return
				}
				docs++
				out := godoc(x)
				assert.NotRegexp(t, `<(p|/p|a |/a|li|code|b|i)>`, out)
				for _, line := range strings.Split(out, "\n") {
					assert.NotContains(t, strings.TrimLeft(line, " "), "  ", "%s: %q", filepath.Base(file), line)
					if len(line) > 80 && strings.Contains(strings.TrimPrefix(strings.TrimSpace(line), "- "), " ") {
						t.Errorf("%s: line over 80 bytes: %q", filepath.Base(file), line)
					}
				}
			}
		}
		walk("", v)
	}
	assert.Greater(t, docs, 10000, "documentation strings read")
}
