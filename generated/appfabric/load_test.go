package appfabric_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appfabric"
	"github.com/aws/aws-sdk-go-v2/service/appfabric/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	af "github.com/smithygen/smithygen/generated/appfabric"
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
//     replies and the same final state (every authorization of every bundle
//     listed and read): nothing lost, nothing phantom. The fake makes IDs
//     up, so the replay maps the load's IDs to its own as its creates
//     return them;
//   - once every authorization is deleted (bundles cannot be), the heap is
//     back near where it started.
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
	rec := &loadRecorder{Fake: af.NewFake(af.WithFakeClock(loadtest.Clock())), ledger: ledger}
	srv := httptest.NewServer(ledger.Handler(af.NewServer(rec)))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: ledger.Client(), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")})

	// Warm up (connections, lazily built SDK state) and make the bundles,
	// then take the baseline. The warm-up's mutations stay in the log, to be
	// replayed too.
	ids := &loadIDs{}
	for range 3 {
		b, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{})
		require.NoError(t, err)
		ids.addBundle(fuzzID(aws.ToString(b.AppBundle.Arn)))
	}
	loadWarmUp(t, ctx, c, ids.bundles[0])
	baseline := ledger.Heap(srv)

	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			for range each {
				if ctx.Err() != nil {
					return
				}
				loadOne(ctx, c, ledger, rng, ids)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, ctx.Err(), "the load did not finish in time")
	// What the clients saw succeed is what the fake accepted, request by request.
	ledger.Check(t, workers*each, workers, time.Since(start))

	loadCheckReplay(t, ctx, rec, ids.allBundles())

	// Delete every authorization, drop what the test holds, and compare the heap.
	for _, b := range ids.allBundles() {
		for _, key := range loadKeys(t, ctx, rec.Fake, b) {
			_, err := c.DeleteAppAuthorization(ctx, &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: aws.String(b), AppAuthorizationIdentifier: aws.String(key[0])})
			require.NoError(t, err)
		}
	}
	require.Empty(t, loadState(t, ctx, rec.Fake, ids.allBundles(), nil))
	rec.reset()
	ledger.Reset()
	ids.auths = nil
	after := ledger.Heap(srv)
	t.Logf("heap: %d KiB before the load, %d KiB after every authorization is deleted (%+d KiB)", baseline/1024, after/1024, (int64(after)-int64(baseline))/1024)
	assert.Less(t, after, baseline+2<<20, "the heap does not return near its baseline once everything is deleted")
}

// TestSoakDeletedLeavesNoTrace creates and deletes app authorizations, each
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
	fake := af.NewFake()
	b, err := fake.CreateAppBundle(ctx, &af.CreateAppBundleInput{})
	require.NoError(t, err)
	bundle := aws.String(fuzzID(b.AppBundle.Arn))
	cycle := func(i int) {
		a, err := fake.CreateAppAuthorization(ctx, &af.CreateAppAuthorizationInput{AppBundleIdentifier: bundle, App: aws.String("SLACK"),
			AuthType: af.AuthTypeApiKey, Credential: &af.CredentialMemberApiKeyCredential{Value: af.ApiKeyCredential{ApiKey: "k"}},
			Tenant: &af.Tenant{TenantIdentifier: "T", TenantDisplayName: "T"}, ClientToken: aws.String(fmt.Sprintf("00000000-0000-4000-8000-%012d", i))})
		require.NoError(t, err)
		_, err = fake.DeleteAppAuthorization(ctx, &af.DeleteAppAuthorizationInput{AppBundleIdentifier: bundle,
			AppAuthorizationIdentifier: aws.String(fuzzID(a.AppAuthorization.AppAuthorizationArn))})
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
// accepted them, on a fresh fake: each is accepted again with the same reply
// (IDs mapped), and the final states are equal.
func loadCheckReplay(t *testing.T, ctx context.Context, rec *loadRecorder, bundles []string) {
	t.Helper()
	start := time.Now()
	replay := af.NewFake(af.WithFakeClock(loadtest.Clock()))
	m := loadIDMap{}
	for i, e := range rec.log {
		var out any
		var err error
		switch in := e.in.(type) {
		case *af.CreateAppBundleInput:
			var o *af.CreateAppBundleOutput
			if o, err = replay.CreateAppBundle(ctx, in); err == nil {
				m[fuzzID(e.out.(*af.CreateAppBundleOutput).AppBundle.Arn)] = fuzzID(o.AppBundle.Arn)
			}
			out = o
		case *af.CreateAppAuthorizationInput:
			c := *in
			c.AppBundleIdentifier = m.mapID(in.AppBundleIdentifier)
			var o *af.CreateAppAuthorizationOutput
			if o, err = replay.CreateAppAuthorization(ctx, &c); err == nil {
				m[fuzzID(e.out.(*af.CreateAppAuthorizationOutput).AppAuthorization.AppAuthorizationArn)] = fuzzID(o.AppAuthorization.AppAuthorizationArn)
			}
			out = o
		case *af.UpdateAppAuthorizationInput:
			c := *in
			c.AppBundleIdentifier, c.AppAuthorizationIdentifier = m.mapID(in.AppBundleIdentifier), m.mapID(in.AppAuthorizationIdentifier)
			out, err = replay.UpdateAppAuthorization(ctx, &c)
		case *af.ConnectAppAuthorizationInput:
			c := *in
			c.AppBundleIdentifier, c.AppAuthorizationIdentifier = m.mapID(in.AppBundleIdentifier), m.mapID(in.AppAuthorizationIdentifier)
			out, err = replay.ConnectAppAuthorization(ctx, &c)
		case *af.DeleteAppAuthorizationInput:
			c := *in
			c.AppBundleIdentifier, c.AppAuthorizationIdentifier = m.mapID(in.AppBundleIdentifier), m.mapID(in.AppAuthorizationIdentifier)
			out, err = replay.DeleteAppAuthorization(ctx, &c)
		}
		require.NoError(t, err, "replaying mutation %d (%s)", i, e.op)
		require.Equal(t, m.mapJSON(loadJSON(t, e.out)), loadJSON(t, out), "replaying mutation %d (%s): the reply differs", i, e.op)
	}
	t.Logf("replay: %d accepted mutations in %v", len(rec.log), time.Since(start).Round(time.Millisecond))
	replayBundles := make([]string, len(bundles))
	for i, b := range bundles {
		replayBundles[i] = *m.mapID(&b)
	}
	got, want := loadState(t, ctx, rec.Fake, bundles, m), loadState(t, ctx, replay, replayBundles, nil)
	if diff := loadDiff(want, got); len(diff) > 0 {
		t.Fatalf("the final state differs from the replay's in %d authorizations:\n%s", len(diff), strings.Join(diff[:min(len(diff), 5)], "\n"))
	}
	t.Logf("final state: %d bundles, %d authorizations, equal to the replay's", len(bundles), len(got))
}

// loadIDs are the bundles and authorizations the load knows of; deleted
// authorizations stay, so that requests for them are not found.
type loadIDs struct {
	mu      sync.Mutex
	bundles []string
	auths   [][2]string // bundle, authorization
}

func (ids *loadIDs) addBundle(b string) {
	ids.mu.Lock()
	defer ids.mu.Unlock()
	ids.bundles = append(ids.bundles, b)
}

func (ids *loadIDs) addAuth(b, a string) {
	ids.mu.Lock()
	defer ids.mu.Unlock()
	ids.auths = append(ids.auths, [2]string{b, a})
}

func (ids *loadIDs) allBundles() []string {
	ids.mu.Lock()
	defer ids.mu.Unlock()
	return slices.Clone(ids.bundles)
}

// pick returns a random bundle, and a random authorization (of any bundle)
// with its bundle, or a made-up one when there is none yet.
func (ids *loadIDs) pick(rng *rand.Rand) (bundle string, auth [2]string) {
	ids.mu.Lock()
	defer ids.mu.Unlock()
	bundle = ids.bundles[rng.IntN(len(ids.bundles))]
	auth = [2]string{bundle, "00000000-0000-4000-8000-000000000000"}
	if len(ids.auths) > 0 {
		auth = ids.auths[rng.IntN(len(ids.auths))]
	}
	return bundle, auth
}

// loadIdent is an identifier as requests give it: the ID, or the ARN.
func loadIdent(rng *rand.Rand, bundle, auth string) *string {
	if rng.IntN(2) == 0 {
		if auth == "" {
			return aws.String(bundle)
		}
		return aws.String(auth)
	}
	arn := "arn:aws:appfabric:us-east-1:123456789012:appbundle/" + bundle
	if auth != "" {
		arn += "/appauthorization/" + auth
	}
	return aws.String(arn)
}

func loadTenant(w string) *types.Tenant {
	return &types.Tenant{TenantIdentifier: aws.String("T-" + w), TenantDisplayName: aws.String("Tenant " + w)}
}

func loadCredential(rng *rand.Rand) types.Credential {
	if rng.IntN(2) == 0 {
		return &types.CredentialMemberApiKeyCredential{Value: types.ApiKeyCredential{ApiKey: aws.String("key")}}
	}
	return &types.CredentialMemberOauth2Credential{Value: types.Oauth2Credential{ClientId: aws.String("cid"), ClientSecret: aws.String("cs")}}
}

// loadOne sends one random request through the ledger.
func loadOne(ctx context.Context, c *sdk.Client, ledger *loadtest.Ledger, rng *rand.Rand, ids *loadIDs) {
	bundle, auth := ids.pick(rng)
	tag := strconv.Itoa(rng.IntN(1000))
	var op string
	var call func(context.Context) error
	switch n := rng.IntN(100); {
	case n < 2:
		op = "CreateAppBundle"
		call = func(ctx context.Context) error {
			out, err := c.CreateAppBundle(ctx, &sdk.CreateAppBundleInput{})
			if err == nil {
				ids.addBundle(fuzzID(aws.ToString(out.AppBundle.Arn)))
			}
			return err
		}
	case n < 27:
		op = "CreateAppAuthorization"
		in := &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: loadIdent(rng, bundle, ""),
			App: aws.String("SLACK"), AuthType: types.AuthTypeOauth2, Credential: loadCredential(rng), Tenant: loadTenant(tag)}
		call = func(ctx context.Context) error {
			out, err := c.CreateAppAuthorization(ctx, in)
			if err == nil {
				ids.addAuth(bundle, fuzzID(aws.ToString(out.AppAuthorization.AppAuthorizationArn)))
			}
			return err
		}
	case n < 42:
		op = "UpdateAppAuthorization"
		in := &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: loadIdent(rng, auth[0], ""),
			AppAuthorizationIdentifier: loadIdent(rng, auth[0], auth[1]), Credential: loadCredential(rng), Tenant: loadTenant(tag)}
		call = func(ctx context.Context) error { _, err := c.UpdateAppAuthorization(ctx, in); return err }
	case n < 52:
		op = "ConnectAppAuthorization"
		in := &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: loadIdent(rng, auth[0], ""),
			AppAuthorizationIdentifier: loadIdent(rng, auth[0], auth[1])}
		call = func(ctx context.Context) error { _, err := c.ConnectAppAuthorization(ctx, in); return err }
	case n < 67:
		op = "GetAppAuthorization"
		in := &sdk.GetAppAuthorizationInput{AppBundleIdentifier: loadIdent(rng, auth[0], ""),
			AppAuthorizationIdentifier: loadIdent(rng, auth[0], auth[1])}
		call = func(ctx context.Context) error { _, err := c.GetAppAuthorization(ctx, in); return err }
	case n < 82:
		op = "ListAppAuthorizations"
		var token *string
		if rng.IntN(4) == 0 {
			token = aws.String(loadPageToken(rng.IntN(100))) // a page that may be gone by now
		}
		in := &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: loadIdent(rng, bundle, ""),
			MaxResults: aws.Int32(int32(1 + rng.IntN(20))), NextToken: token}
		call = func(ctx context.Context) error { _, err := c.ListAppAuthorizations(ctx, in); return err }
	default:
		op = "DeleteAppAuthorization"
		in := &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: loadIdent(rng, auth[0], ""),
			AppAuthorizationIdentifier: loadIdent(rng, auth[0], auth[1])}
		call = func(ctx context.Context) error { _, err := c.DeleteAppAuthorization(ctx, in); return err }
	}
	ledger.Do(ctx, op, call, func(err error) string { return loadExpected(op, err) })
}

// loadExpected names the errors the load expects: its requests collide.
func loadExpected(op string, err error) string {
	var conflict *types.ConflictException
	var notFound *types.ResourceNotFoundException
	var invalid *types.ValidationException
	switch {
	case errors.As(err, &conflict):
		return "conflicts"
	case errors.As(err, &notFound):
		return "not found"
	case errors.As(err, &invalid) && op == "ListAppAuthorizations" && strings.Contains(aws.ToString(invalid.Message), "/nextToken"):
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
func loadWarmUp(t *testing.T, ctx context.Context, c *sdk.Client, bundle string) {
	t.Helper()
	a, err := c.CreateAppAuthorization(ctx, &sdk.CreateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), App: aws.String("SLACK"),
		AuthType: types.AuthTypeApiKey, Credential: loadCredential(rand.New(rand.NewPCG(1, 1))), Tenant: loadTenant("warm")})
	require.NoError(t, err)
	auth := a.AppAuthorization.AppAuthorizationArn
	_, err = c.UpdateAppAuthorization(ctx, &sdk.UpdateAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: auth, Tenant: loadTenant("w2")})
	require.NoError(t, err)
	_, err = c.ConnectAppAuthorization(ctx, &sdk.ConnectAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: auth})
	require.NoError(t, err)
	_, err = c.GetAppAuthorization(ctx, &sdk.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: auth})
	require.NoError(t, err)
	_, err = c.ListAppAuthorizations(ctx, &sdk.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundle)})
	require.NoError(t, err)
	_, err = c.DeleteAppAuthorization(ctx, &sdk.DeleteAppAuthorizationInput{AppBundleIdentifier: aws.String(bundle), AppAuthorizationIdentifier: auth})
	require.NoError(t, err)
}

// loadState lists every authorization of the bundles and reads each:
// bundle/authorization -> the JSON of the summary and of the authorization,
// with IDs mapped by m (when not nil).
func loadState(t *testing.T, ctx context.Context, f *af.Fake, bundles []string, m loadIDMap) map[string]string {
	t.Helper()
	state := map[string]string{}
	for _, b := range bundles {
		for _, key := range loadKeys(t, ctx, f, b) {
			got, err := f.GetAppAuthorization(ctx, &af.GetAppAuthorizationInput{AppBundleIdentifier: aws.String(b), AppAuthorizationIdentifier: aws.String(key[0])})
			require.NoError(t, err)
			k, v := b+"/"+key[0], key[1]+"\n"+loadJSON(t, got)
			if m != nil {
				k, v = m.mapJSON(k), m.mapJSON(v)
			}
			state[k] = v
		}
	}
	return state
}

// loadKeys lists the authorizations of a bundle, page by page: ID and the
// JSON of the summary, in list order.
func loadKeys(t *testing.T, ctx context.Context, f *af.Fake, bundle string) [][2]string {
	t.Helper()
	var keys [][2]string
	var token *string
	for range 1000 {
		page, err := f.ListAppAuthorizations(ctx, &af.ListAppAuthorizationsInput{AppBundleIdentifier: aws.String(bundle), MaxResults: aws.Int32(7), NextToken: token})
		require.NoError(t, err)
		for _, s := range page.AppAuthorizationSummaryList {
			keys = append(keys, [2]string{fuzzID(s.AppAuthorizationArn), loadJSON(t, s)})
		}
		if token = page.NextToken; token == nil {
			break
		}
	}
	return keys
}

// loadIDMap maps the IDs the load's fake made to the replay's.
type loadIDMap map[string]string

var loadUUID = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// mapID maps an identifier (an ID or an ARN ending in IDs).
func (m loadIDMap) mapID(s *string) *string {
	if s == nil {
		return nil
	}
	parts := strings.Split(*s, "/")
	for i, p := range parts {
		if to, ok := m[p]; ok {
			parts[i] = to
		}
	}
	return aws.String(strings.Join(parts, "/"))
}

// mapJSON maps every known ID in a text.
func (m loadIDMap) mapJSON(s string) string {
	return loadUUID.ReplaceAllStringFunc(s, func(id string) string {
		if to, ok := m[id]; ok {
			return to
		}
		return id
	})
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
	*af.Fake
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

func (r *loadRecorder) CreateAppBundle(ctx context.Context, in *af.CreateAppBundleInput) (*af.CreateAppBundleOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.CreateAppBundle(ctx, in)
	r.logged(ctx, "CreateAppBundle", in, out, err)
	return out, err
}

func (r *loadRecorder) CreateAppAuthorization(ctx context.Context, in *af.CreateAppAuthorizationInput) (*af.CreateAppAuthorizationOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.CreateAppAuthorization(ctx, in)
	r.logged(ctx, "CreateAppAuthorization", in, out, err)
	return out, err
}

func (r *loadRecorder) UpdateAppAuthorization(ctx context.Context, in *af.UpdateAppAuthorizationInput) (*af.UpdateAppAuthorizationOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.UpdateAppAuthorization(ctx, in)
	r.logged(ctx, "UpdateAppAuthorization", in, out, err)
	return out, err
}

func (r *loadRecorder) ConnectAppAuthorization(ctx context.Context, in *af.ConnectAppAuthorizationInput) (*af.ConnectAppAuthorizationOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.ConnectAppAuthorization(ctx, in)
	r.logged(ctx, "ConnectAppAuthorization", in, out, err)
	return out, err
}

func (r *loadRecorder) DeleteAppAuthorization(ctx context.Context, in *af.DeleteAppAuthorizationInput) (*af.DeleteAppAuthorizationOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.DeleteAppAuthorization(ctx, in)
	r.logged(ctx, "DeleteAppAuthorization", in, out, err)
	return out, err
}

// Reads go to the fake concurrently, without the log's lock.

func (r *loadRecorder) GetAppAuthorization(ctx context.Context, in *af.GetAppAuthorizationInput) (*af.GetAppAuthorizationOutput, error) {
	out, err := r.Fake.GetAppAuthorization(ctx, in)
	if err == nil {
		r.ledger.Accepted(ctx, "GetAppAuthorization")
	}
	return out, err
}

func (r *loadRecorder) ListAppAuthorizations(ctx context.Context, in *af.ListAppAuthorizationsInput) (*af.ListAppAuthorizationsOutput, error) {
	out, err := r.Fake.ListAppAuthorizations(ctx, in)
	if err == nil {
		r.ledger.Accepted(ctx, "ListAppAuthorizations")
	}
	return out, err
}
