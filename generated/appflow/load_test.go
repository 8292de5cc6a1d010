package appflow_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	fl "github.com/smithygen/smithygen/generated/appflow"
	"github.com/smithygen/smithygen/internal/loadtest"
)

// TestLoadReplay drives a Fake over loopback with the real SDK client from
// 32 goroutines × 500 mixed requests (8 × 60 with -short), then checks:
//
//   - every request a client saw succeed is one the fake accepted, and the
//     other way round, request by request (loadtest.Ledger, which also
//     keeps a race of the SDK and net/http from losing replies);
//   - replaying the accepted mutations one by one, in the order the fake
//     applied them (the loadRecorder in front of the fake logs each one,
//     holding its lock around the call), on a fresh fake gives the same
//     replies and the same final state (every profile listed, and described
//     by name): nothing lost, nothing phantom;
//   - once everything is deleted, the heap is back near where it started.
//
// The fakes' clocks tick one millisecond per call, so that the replay makes
// the same timestamps as the original. Run it with -race.
func TestLoadReplay(t *testing.T) {
	workers, each := 32, 500
	if testing.Short() {
		workers, each = 8, 60
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	ledger := loadtest.New(workers)
	defer ledger.Close()
	rec := &loadRecorder{Fake: fl.NewFake(fl.WithFakeClock(loadtest.Clock())), ledger: ledger}
	srv := httptest.NewServer(ledger.Handler(fl.NewServer(rec)))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: ledger.Client(), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")})

	// Warm up (connections, lazily built SDK state), then take the baseline.
	// The warm-up's mutations stay in the log, to be replayed too.
	loadWarmUp(t, ctx, c)
	baseline := ledger.Heap(srv)

	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			for i := range each {
				if ctx.Err() != nil {
					return
				}
				loadOne(ctx, c, ledger, rng, w, i)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, ctx.Err(), "the load did not finish in time")
	// What the clients saw succeed is what the fake accepted, request by request.
	ledger.Check(t, workers*each, workers, time.Since(start))

	loadCheckReplay(t, ctx, rec)

	// Delete everything, drop what the test holds, and compare the heap.
	for _, key := range loadKeys(t, ctx, rec.Fake) {
		_, err := c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String(key[0])})
		require.NoError(t, err)
	}
	require.Empty(t, loadState(t, ctx, rec.Fake))
	rec.reset()
	ledger.Reset()
	after := ledger.Heap(srv)
	t.Logf("heap: %d KiB before the load, %d KiB after everything is deleted (%+d KiB)", baseline/1024, after/1024, (int64(after)-int64(baseline))/1024)
	assert.Less(t, after, baseline+2<<20, "the heap does not return near its baseline once everything is deleted")
}

// TestSoakDeletedLeavesNoTrace creates and deletes connector profiles, each
// create with its own client token as every SDK call has, many times over
// (the fake's Go API, no HTTP): once each is deleted, the heap must be back
// near where it started. The fake keeps the token of every create in
// Fake.tokens and never drops one, not even when the record it made is
// deleted, so a long-running fake (smithyfake) grows with every create.
func TestSoakDeletedLeavesNoTrace(t *testing.T) {
	cycles := 20000
	if testing.Short() {
		cycles = 4000
	}
	ctx := context.Background()
	fake := fl.NewFake()
	cycle := func(i int) {
		name := aws.String(fmt.Sprintf("soak-%d", i%10))
		_, err := fake.CreateConnectorProfile(ctx, &fl.CreateConnectorProfileInput{ConnectorProfileName: name, ConnectorType: fl.ConnectorTypeRedshift,
			ConnectionMode: fl.ConnectionModePublic, ConnectorProfileConfig: &fl.ConnectorProfileConfig{ConnectorProfileProperties: &fl.ConnectorProfileProperties{}},
			ClientToken: aws.String(fmt.Sprintf("00000000-0000-4000-8000-%012d", i))})
		require.NoError(t, err)
		_, err = fake.DeleteConnectorProfile(ctx, &fl.DeleteConnectorProfileInput{ConnectorProfileName: name})
		require.NoError(t, err)
	}
	for i := range 100 { // warm up
		cycle(i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	for i := range cycles {
		cycle(100 + i)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d create/delete cycles in %v: heap %d KiB -> %d KiB (%+d bytes a cycle)", cycles, time.Since(start).Round(time.Millisecond),
		before.HeapAlloc/1024, after.HeapAlloc/1024, grown/int64(cycles))
	assert.Less(t, grown, int64(512<<10), "the heap grows with every create, though every record is deleted")
	runtime.KeepAlive(fake)
}

// loadCheckReplay replays the mutations rec accepted, in the order it
// accepted them, on a fresh fake: each is accepted again with the same
// reply, and the final states are equal.
func loadCheckReplay(t *testing.T, ctx context.Context, rec *loadRecorder) {
	t.Helper()
	start := time.Now()
	replay := fl.NewFake(fl.WithFakeClock(loadtest.Clock()))
	for i, e := range rec.log {
		var out any
		var err error
		switch in := e.in.(type) {
		case *fl.CreateConnectorProfileInput:
			out, err = replay.CreateConnectorProfile(ctx, in)
		case *fl.UpdateConnectorProfileInput:
			out, err = replay.UpdateConnectorProfile(ctx, in)
		case *fl.DeleteConnectorProfileInput:
			out, err = replay.DeleteConnectorProfile(ctx, in)
		}
		require.NoError(t, err, "replaying mutation %d (%s)", i, e.op)
		require.Equal(t, loadJSON(t, e.out), loadJSON(t, out), "replaying mutation %d (%s): the reply differs", i, e.op)
	}
	t.Logf("replay: %d accepted mutations in %v", len(rec.log), time.Since(start).Round(time.Millisecond))
	got, want := loadState(t, ctx, rec.Fake), loadState(t, ctx, replay)
	if diff := loadDiff(want, got); len(diff) > 0 {
		t.Fatalf("the final state differs from the replay's in %d profiles:\n%s", len(diff), strings.Join(diff[:min(len(diff), 5)], "\n"))
	}
	t.Logf("final state: %d profiles, equal to the replay's", len(got))
}

// loadNames are the profiles the load works on: few enough that goroutines
// collide (conflicts, not found), many enough to list in pages.
var loadNames = func() []string {
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("load-%02d", i))
	}
	return names
}()

// loadConfig is a Redshift or a Salesforce profile configuration.
func loadConfig(rng *rand.Rand, tag string) (types.ConnectorType, *types.ConnectorProfileConfig) {
	if rng.IntN(2) == 0 {
		return types.ConnectorTypeRedshift, &types.ConnectorProfileConfig{
			ConnectorProfileProperties: &types.ConnectorProfileProperties{Redshift: &types.RedshiftConnectorProfileProperties{
				BucketName: aws.String("bucket-" + tag), RoleArn: aws.String("arn:aws:iam::123456789012:role/appflow"), DatabaseUrl: aws.String("jdbc:redshift://example:5439/dev")}},
			ConnectorProfileCredentials: &types.ConnectorProfileCredentials{Redshift: &types.RedshiftConnectorProfileCredentials{Username: aws.String("u"), Password: aws.String("p")}}}
	}
	return types.ConnectorTypeSalesforce, &types.ConnectorProfileConfig{
		ConnectorProfileProperties: &types.ConnectorProfileProperties{Salesforce: &types.SalesforceConnectorProfileProperties{
			InstanceUrl: aws.String("https://" + tag + ".my.salesforce.com")}},
		ConnectorProfileCredentials: &types.ConnectorProfileCredentials{Salesforce: &types.SalesforceConnectorProfileCredentials{AccessToken: aws.String("at")}}}
}

// loadOne sends one random request through the ledger.
func loadOne(ctx context.Context, c *sdk.Client, ledger *loadtest.Ledger, rng *rand.Rand, w, i int) {
	name := aws.String(loadNames[rng.IntN(len(loadNames))])
	tag := fmt.Sprintf("w%d-%d", w, i)
	var op string
	var call func(context.Context) error
	switch n := rng.IntN(100); {
	case n < 30:
		op = "CreateConnectorProfile"
		typ, cfg := loadConfig(rng, tag)
		in := &sdk.CreateConnectorProfileInput{ConnectorProfileName: name, ConnectorType: typ,
			ConnectionMode: types.ConnectionModePublic, ConnectorLabel: aws.String(tag), ConnectorProfileConfig: cfg}
		call = func(ctx context.Context) error { _, err := c.CreateConnectorProfile(ctx, in); return err }
	case n < 50:
		op = "UpdateConnectorProfile"
		_, cfg := loadConfig(rng, tag+"-updated")
		in := &sdk.UpdateConnectorProfileInput{ConnectorProfileName: name, ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: cfg}
		call = func(ctx context.Context) error { _, err := c.UpdateConnectorProfile(ctx, in); return err }
	case n < 70:
		op = "DescribeConnectorProfiles"
		in := &sdk.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{*name}}
		call = func(ctx context.Context) error { _, err := c.DescribeConnectorProfiles(ctx, in); return err }
	case n < 82:
		op = "DescribeConnectorProfiles"
		var token *string
		if rng.IntN(4) == 0 {
			token = aws.String(loadPageToken(rng.IntN(50))) // a page that may be gone by now
		}
		in := &sdk.DescribeConnectorProfilesInput{MaxResults: aws.Int32(int32(1 + rng.IntN(10))), NextToken: token}
		call = func(ctx context.Context) error { _, err := c.DescribeConnectorProfiles(ctx, in); return err }
	default:
		op = "DeleteConnectorProfile"
		in := &sdk.DeleteConnectorProfileInput{ConnectorProfileName: name}
		call = func(ctx context.Context) error { _, err := c.DeleteConnectorProfile(ctx, in); return err }
	}
	ledger.Do(ctx, op, call, loadExpected)
}

// loadExpected names the errors the load expects: its requests collide.
func loadExpected(err error) string {
	var conflict *types.ConflictException
	var notFound *types.ResourceNotFoundException
	var invalid *types.ValidationException
	switch {
	case errors.As(err, &conflict):
		return "conflicts"
	case errors.As(err, &notFound):
		return "not found"
	case errors.As(err, &invalid) && strings.Contains(aws.ToString(invalid.Message), "/nextToken"):
		return "invalid tokens"
	}
	return ""
}

// loadPageToken is the token of the fake's page starting at item n: the
// fake's format (base64url of "page:N"), which the load relies on to ask for
// pages that may be gone.
func loadPageToken(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("page:" + strconv.Itoa(n)))
}

// loadWarmUp opens connections and exercises every operation once.
func loadWarmUp(t *testing.T, ctx context.Context, c *sdk.Client) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 1))
	typ, cfg := loadConfig(rng, "warm")
	name := aws.String("warm")
	_, err := c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: name, ConnectorType: typ,
		ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: cfg})
	require.NoError(t, err)
	_, err = c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: name, ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: cfg})
	require.NoError(t, err)
	_, err = c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{*name}})
	require.NoError(t, err)
	_, err = c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: name})
	require.NoError(t, err)
}

// loadState lists every profile and describes each by name: name -> the JSON
// of the listed profile and of the described one.
func loadState(t *testing.T, ctx context.Context, f *fl.Fake) map[string]string {
	t.Helper()
	state := map[string]string{}
	for _, key := range loadKeys(t, ctx, f) {
		d, err := f.DescribeConnectorProfiles(ctx, &fl.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{key[0]}})
		require.NoError(t, err)
		require.Len(t, d.ConnectorProfileDetails, 1, key[0])
		state[key[0]] = key[1] + "\n" + loadJSON(t, d)
	}
	return state
}

// loadKeys lists every profile, page by page: name and the JSON of the
// profile, in list order.
func loadKeys(t *testing.T, ctx context.Context, f *fl.Fake) [][2]string {
	t.Helper()
	var keys [][2]string
	var token *string
	for range 1000 {
		page, err := f.DescribeConnectorProfiles(ctx, &fl.DescribeConnectorProfilesInput{MaxResults: aws.Int32(7), NextToken: token})
		require.NoError(t, err)
		for _, p := range page.ConnectorProfileDetails {
			keys = append(keys, [2]string{aws.ToString(p.ConnectorProfileName), loadJSON(t, p)})
		}
		if token = page.NextToken; token == nil {
			break
		}
	}
	return keys
}

// loadDiff describes the keys whose values differ between want (the
// replay's state) and got.
func loadDiff(want, got map[string]string) []string {
	var diff []string
	for k, w := range want {
		if g, ok := got[k]; !ok {
			diff = append(diff, k+": phantom in the replay (lost by the load?): "+w)
		} else if g != w {
			diff = append(diff, k+":\n  replay: "+w+"\n  load:   "+g)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			diff = append(diff, k+": phantom after the load, not in the replay: "+g)
		}
	}
	slices.Sort(diff)
	return diff
}

// loadJSON is the JSON of a value of this package.
func loadJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}

// loadRecorder is the Handler the load goes through: a Fake whose accepted
// mutations are logged in the order the fake applied them (mu is held
// around each call), and which tells the ledger of every call it accepts.
type loadRecorder struct {
	*fl.Fake
	ledger *loadtest.Ledger
	mu     sync.Mutex
	log    []loadEntry
}

// loadEntry is one accepted mutation: the operation, its input, its output.
type loadEntry struct {
	op      string
	in, out any
}

func (r *loadRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = nil
}

func (r *loadRecorder) logged(ctx context.Context, op string, in, out any, err error) {
	if err == nil {
		r.log = append(r.log, loadEntry{op, in, out})
		r.ledger.Accepted(ctx, op)
	}
}

func (r *loadRecorder) CreateConnectorProfile(ctx context.Context, in *fl.CreateConnectorProfileInput) (*fl.CreateConnectorProfileOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.CreateConnectorProfile(ctx, in)
	r.logged(ctx, "CreateConnectorProfile", in, out, err)
	return out, err
}

func (r *loadRecorder) UpdateConnectorProfile(ctx context.Context, in *fl.UpdateConnectorProfileInput) (*fl.UpdateConnectorProfileOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.UpdateConnectorProfile(ctx, in)
	r.logged(ctx, "UpdateConnectorProfile", in, out, err)
	return out, err
}

func (r *loadRecorder) DeleteConnectorProfile(ctx context.Context, in *fl.DeleteConnectorProfileInput) (*fl.DeleteConnectorProfileOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.DeleteConnectorProfile(ctx, in)
	r.logged(ctx, "DeleteConnectorProfile", in, out, err)
	return out, err
}

// Reads go to the fake concurrently, without the log's lock.

func (r *loadRecorder) DescribeConnectorProfiles(ctx context.Context, in *fl.DescribeConnectorProfilesInput) (*fl.DescribeConnectorProfilesOutput, error) {
	out, err := r.Fake.DescribeConnectorProfiles(ctx, in)
	if err == nil {
		r.ledger.Accepted(ctx, "DescribeConnectorProfiles")
	}
	return out, err
}
