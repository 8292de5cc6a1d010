package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// tempModule makes dir a module of its own (path module, requiring smithy-go)
// with the repository's go.sum, so generated packages written into it build
// offline from the module cache (see offlineGo).
func tempModule(t testing.TB, dir, module string) {
	t.Helper()
	goMod := "module " + module + "\n\ngo 1.26\n\nrequire github.com/aws/smithy-go v1.28.8\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644))
	sum, err := os.ReadFile(filepath.Join(rootDir, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))
}

// offlineGo is the go command gobin (usually "go") run in dir against the
// module cache only: no proxy, no workspace.
func offlineGo(dir, gobin string, args ...string) *exec.Cmd {
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	return cmd
}
