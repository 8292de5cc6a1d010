package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appflow"
	fltypes "github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runMainEnv makes the test binary run smithyfake's main instead of the
// tests, so that tests can start it as a subprocess and kill it.
const runMainEnv = "SMITHYFAKE_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Args = append([]string{"smithyfake"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// process is smithyfake running as a subprocess.
type process struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	lines  chan string // stderr, line by line
	waited chan error
}

// spawn starts smithyfake (this test binary, as main) with args; env adds
// to the environment. It returns once smithyfake listens, or its exit error.
func spawn(t *testing.T, env []string, args ...string) (*process, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(append(os.Environ(), runMainEnv+"=1"), env...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	p := &process{cmd: cmd, stderr: &syncBuffer{}, lines: make(chan string, 1000), waited: make(chan error, 1)}
	stderrDone := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.stderr.Write([]byte(sc.Text() + "\n"))
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		close(stderrDone)
	}()
	first, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		<-stderrDone
		werr := cmd.Wait()
		return p, errors.Join(werr, errors.New(p.stderr.String()))
	}
	go io.Copy(io.Discard, stdout)
	go func() { <-stderrDone; p.waited <- cmd.Wait() }()
	url, ok := strings.CutPrefix(strings.TrimSpace(first), "listening on ")
	require.True(t, ok, "first line: %q", first)
	p.url = url
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.waited
		}
	})
	return p, nil
}

// waitFor waits for a stderr line containing s.
func (p *process) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line := <-p.lines:
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			t.Fatalf("no line with %q on stderr:\n%s", s, p.stderr.String())
		}
	}
}

// stop sends SIGTERM and returns the exit error.
func (p *process) stop(t *testing.T) error {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-p.waited:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("smithyfake did not stop")
		return nil
	}
}

func qsClient(url string) *quicksight.Client {
	return quicksight.New(quicksight.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")})
}

func createConnector(t *testing.T, url, id string) {
	t.Helper()
	_, err := qsClient(url).CreateActionConnector(context.Background(), &quicksight.CreateActionConnectorInput{
		AwsAccountId: aws.String("123456789012"), ActionConnectorId: aws.String(id), Name: aws.String(id), Type: types.ActionConnectorTypeSlack,
		AuthenticationConfig: &types.AuthConfig{AuthenticationType: types.ConnectionAuthTypeApiKey, AuthenticationMetadata: &types.AuthenticationMetadataMemberApiKeyConnectionMetadata{
			Value: types.APIKeyConnectionMetadata{BaseEndpoint: aws.String("https://x"), ApiKey: aws.String("STATE-TEST-SECRET")}}},
	})
	require.NoError(t, err)
}

func connectorIDs(t *testing.T, url string) []string {
	t.Helper()
	out, err := qsClient(url).ListActionConnectors(context.Background(), &quicksight.ListActionConnectorsInput{AwsAccountId: aws.String("123456789012")})
	require.NoError(t, err)
	var ids []string
	for _, s := range out.ActionConnectorSummaries {
		ids = append(ids, aws.ToString(s.ActionConnectorId))
	}
	return ids
}

// waitForFile waits until the file holds want.
func waitForFile(t *testing.T, path, want string) []byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(data), want) {
			return data
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never held %q; it holds:\n%s", path, want, data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestStateRestart: the state of every service survives a restart; the
// file is saved after each change (before shutdown), mode 0600, and a
// restart that changes nothing leaves it byte for byte.
func TestStateRestart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.json")
	url, stop := startStoppable(t, "-state", path)
	createConnector(t, url, "first")
	waitForFile(t, path, `first`)
	createConnector(t, url, "second")
	creds := credentials.NewStaticCredentialsProvider("AKID", "secret", "")
	af := appfabric.New(appfabric.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
	bundle, err := af.CreateAppBundle(ctx, &appfabric.CreateAppBundleInput{ClientToken: aws.String("11111111-2222-4333-8444-555555555555")})
	require.NoError(t, err)
	fl := appflow.New(appflow.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
	_, err = fl.CreateConnectorProfile(ctx, &appflow.CreateConnectorProfileInput{ConnectorProfileName: aws.String("profile"),
		ConnectorType: fltypes.ConnectorTypeRedshift, ConnectionMode: fltypes.ConnectionModePublic,
		ConnectorProfileConfig: &fltypes.ConnectorProfileConfig{ConnectorProfileProperties: &fltypes.ConnectorProfileProperties{},
			ConnectorProfileCredentials: &fltypes.ConnectorProfileCredentials{Redshift: &fltypes.RedshiftConnectorProfileCredentials{
				Username: aws.String("u"), Password: aws.String("STATE-TEST-SECRET")}}}})
	require.NoError(t, err)
	require.NoError(t, stop())

	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotContains(t, string(saved), "STATE-TEST-SECRET")
	var doc struct {
		Smithyfake int
		Services   map[string]json.RawMessage
	}
	require.NoError(t, json.Unmarshal(saved, &doc))
	assert.Equal(t, 1, doc.Smithyfake)
	assert.Len(t, doc.Services, 3)
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	url, stop = startStoppable(t, "-state", path)
	assert.Equal(t, []string{"first", "second"}, connectorIDs(t, url))
	af = appfabric.New(appfabric.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
	again, err := af.CreateAppBundle(ctx, &appfabric.CreateAppBundleInput{ClientToken: aws.String("11111111-2222-4333-8444-555555555555")})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(bundle.AppBundle.Arn), aws.ToString(again.AppBundle.Arn), "idempotency tokens survive")
	fl = appflow.New(appflow.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
	profiles, err := fl.DescribeConnectorProfiles(ctx, &appflow.DescribeConnectorProfilesInput{})
	require.NoError(t, err)
	require.Len(t, profiles.ConnectorProfileDetails, 1)
	require.NoError(t, stop())
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(saved), string(after), "nothing changed, nothing written")
	left, err := filepath.Glob(filepath.Join(filepath.Dir(path), ".state.json.tmp-*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file is left behind")
}

// startStoppable runs smithyfake in-process; stop shuts it down and returns run's error.
func startStoppable(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("smithyfake did not start: %v", <-done)
	}
	go io.Copy(io.Discard, pr)
	stopped := false
	stop := func() error {
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			return errors.New("smithyfake did not stop")
		}
	}
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	return strings.TrimPrefix(strings.TrimSpace(line), "listening on "), stop
}

// TestStateCrashMidSave: smithyfake is killed (SIGKILL) while it writes the
// state file, half of the new state written and synced. The file still
// holds the previous state, whole; the next start serves that state and
// removes the half-written temporary file.
func TestStateCrashMidSave(t *testing.T) {
	if testing.Short() {
		t.Skip("runs smithyfake as a subprocess")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")

	p, err := spawn(t, nil, "-state", path)
	require.NoError(t, err)
	createConnector(t, p.url, "kept")
	require.NoError(t, p.stop(t))
	previous, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(previous), "kept")

	p, err = spawn(t, []string{pauseSaveEnv + "=1"}, "-state", path)
	require.NoError(t, err)
	createConnector(t, p.url, "lost")
	line := p.waitFor(t, "paused mid-save of ")
	tmp := strings.TrimSpace(line[strings.Index(line, "paused mid-save of ")+len("paused mid-save of "):])
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
	<-p.waited

	half, err := os.ReadFile(tmp)
	require.NoError(t, err, "the temporary file was being written")
	assert.NotEmpty(t, half)
	assert.False(t, json.Valid(half), "it holds half a state")
	now, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(previous), string(now), "the state file is the previous snapshot, whole")
	assert.True(t, json.Valid(now))

	p, err = spawn(t, nil, "-state", path)
	require.NoError(t, err)
	assert.Equal(t, []string{"kept"}, connectorIDs(t, p.url))
	assert.Contains(t, p.stderr.String(), "left by an interrupted save")
	_, err = os.Stat(tmp)
	assert.True(t, errors.Is(err, os.ErrNotExist), "the stray temporary file is removed")
	require.NoError(t, p.stop(t))
}

// TestStateCorruptFile: a state file that does not read stops smithyfake
// with a clear error and exit status 1, and stays as it was.
func TestStateCorruptFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	for name, tc := range map[string]struct{ data, want string }{
		"garbage":         {`{"smithyfake": 1, "services": {`, "not a smithyfake state file"},
		"empty":           {``, "not a smithyfake state file: EOF"},
		"trailing data":   {`{"smithyfake": 1, "services": {}} {}`, "data after the JSON object"},
		"unknown field":   {`{"smithyfake": 1, "servces": {}}`, `unknown field "servces"`},
		"version":         {`{"smithyfake": 2, "services": {}}`, "state file version 2, want 1"},
		"unknown service": {`{"smithyfake": 1, "services": {"dynamodb": {}}}`, `service "dynamodb", which this smithyfake does not serve`},
		"bad snapshot": {`{"smithyfake": 1, "services": {"quicksight": {"version": 1, "service": "QuickSight", "tables": {"ActionConnector": [{"key": "k", "value": {"Name": 1}}]}}}}`,
			"restore QuickSight fake: invalid JSON at tables.ActionConnector[0].value.Name"},
	} {
		require.NoError(t, os.WriteFile(path, []byte(tc.data), 0o644))
		err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", path}, io.Discard, io.Discard)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), tc.want, name)
		assert.Contains(t, err.Error(), "-state "+path+": ", name)
		assert.Contains(t, err.Error(), "the file was left as it is", name)
		var ue *usageError
		assert.False(t, errors.As(err, &ue), "%s: exit status 1, not 2", name)
		after, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, tc.data, string(after), name)
	}

	if testing.Short() {
		return
	}
	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o644))
	_, err := spawn(t, nil, "-state", path)
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 1, exit.ExitCode())
	assert.Contains(t, err.Error(), "smithyfake: -state "+path+": not a smithyfake state file")
	after, rerr := os.ReadFile(path)
	require.NoError(t, rerr)
	assert.Equal(t, "{not json", string(after))
	left, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*"))
	assert.Empty(t, left)
}

func TestStateDirectoryMissing(t *testing.T) {
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", filepath.Join(t.TempDir(), "nope", "state.json")}, io.Discard, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not exist")
}
