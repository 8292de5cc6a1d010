package astjson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/internal/sharedtest"
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
)

// TestRoundTripIDLModels assembles the trait-definition models and the official
// restJson1 protocol tests from IDL, writes them as JSON AST, loads that back
// and checks the two models are equal.
func TestRoundTripIDLModels(t *testing.T) {
	files := map[string][]byte{}
	for _, dir := range []string{sharedtest.Dir(t, "smithy", "prelude"), sharedtest.Dir(t, "smithy", "protocol-tests")} {
		require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			// prelude.smithy defines smithy.api itself, which Write leaves out
			// (like `smithy ast`): it is known to the loaders without it.
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".smithy") || d.Name() == "prelude.smithy" {
				return err
			}
			data, err := os.ReadFile(p)
			files[p] = data
			return err
		}))
	}
	b := model.NewBuilder()
	idl.LoadFiles(b, files)
	m1, err := b.Build()
	require.NoError(t, err)

	out, err := Write(m1)
	require.NoError(t, err)
	m2 := mustBuild(t, file{"written.json", string(out)})
	equalModels(t, m1, m2)
}
